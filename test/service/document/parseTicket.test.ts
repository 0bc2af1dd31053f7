/** One ticket's text parsed into the typed model, in the ticket's own coordinates (line 0 = its title). */
import { strict as assert } from 'node:assert';
import type { Range } from 'vscode-languageserver-types';
import { chineseLabels } from '../../../server/src/service/config/labels';
import type { ParsedTicket } from '../../../server/src/service/document/model';
import { parseTicket } from '../../../server/src/service/document/parseTicket';
import { scanFile } from '../../../server/src/service/document/scan';
import { realDumpText } from '../../support/fixtures';

const parse = (text: string) => parseTicket(text, chineseLabels);
const at = (r: Range) => [r.start.line, r.start.character, r.end.line, r.end.character];
/** The parse without its source text (which keeps its own line breaks). */
const model = (text: string) => {
	const { text: _source, ...parsed } = parse(text);
	return parsed;
};

function realTicket(startLine1Based: number): { text: string; parsed: ParsedTicket } {
	const chunk = scanFile(realDumpText()).chunks.find((c) => c.startLine === startLine1Based - 1);
	assert.ok(chunk, `a ticket starts on line ${startLine1Based}`);
	return { text: chunk.text, parsed: parse(chunk.text) };
}

describe('parseTicket', () => {
	describe('a real ticket with a multi-line description and an HTML page pasted in a staff turn (line 743)', () => {
		const { parsed } = realTicket(743);

		it('reads title and category with their ranges', () => {
			assert.equal(parsed.title.text, '使用 vue3 上传文件为什么浏览器控制台提示qiniu.upload is not a function');
			assert.deepEqual(at(parsed.title.range), [0, 3, 0, 3 + parsed.title.text.length]);
			const c = parsed.category!;
			assert.equal(c.key.text, '**问题分类**');
			assert.equal(c.keyWellFormed, true);
			assert.equal(c.colon?.text, ':');
			assert.deepEqual([c.product?.text, c.separator?.text, c.subcategory?.text], ['对象存储', '｜', 'SDK使用']);
			assert.deepEqual(at(c.product!.range), [2, 10, 2, 14]);
			assert.deepEqual(at(c.separator!.range), [2, 14, 2, 15]);
			assert.deepEqual(at(c.subcategory!.range), [2, 15, 2, 20]);
		});

		it('reads the four sections in order, each from its heading to its last line', () => {
			assert.deepEqual(
				parsed.sections.map((s) => [s.kind, s.name.text, s.heading.start.line, s.content.start.line, s.content.end.line]),
				[
					['description', '问题描述', 4, 6, 7],
					['answers', '客服解答', 9, 11, 15],
					['rootCause', '根本原因分析', 17, 19, 19],
					['dialog', '完整对话记录', 21, 23, 136],
				],
			);
			assert.equal(parsed.sections[0].contentText.split('\n')[1], '    at handleUpload (index.vue:184:28)');
			assert.equal(parsed.sections[2].contentText, '认证凭证或权限配置问题');
		});

		it('reads the numbered answers', () => {
			assert.deepEqual(
				parsed.answers.map((a) => [a.number, a.text, a.range.start.line, a.numberRange && at(a.numberRange)]),
				[
					[1, '您好', 11, [11, 0, 11, 1]],
					[2, '抱歉这个目前没有', 13, [13, 0, 13, 1]],
					[3, '您用的js sdk 是哪个版本的', 15, [15, 0, 15, 1]],
				],
			);
		});

		it('reads nine turns; continuation lines (HTML, indented code) belong to the turn above them', () => {
			assert.deepEqual(
				parsed.turns.map((t) => [t.speaker, t.range.start.line, t.range.end.line, t.wellFormed]),
				[
					['customer', 23, 24, true],
					['customer', 26, 26, true],
					['staff', 28, 124, true],
					['customer', 126, 126, true],
					['staff', 128, 128, true],
					['customer', 130, 130, true],
					['customer', 132, 132, true],
					['customer', 134, 134, true],
					['staff', 136, 136, true],
				],
			);
			const html = parsed.turns[2];
			assert.equal(html.label.text, '**客服**：');
			assert.ok(html.text.startsWith('您好\n可以参考这个demo重试下\n<!DOCTYPE html>\n<html>'));
			assert.ok(html.text.endsWith('</body>\n</html>'));
			assert.deepEqual(parsed.unlabelled, []);
			assert.deepEqual(parsed.strays, [], 'HTML and indented code are no stray structure');
		});

		it('finds the trailing separator and the last content line', () => {
			assert.deepEqual(at(parsed.separator!), [138, 0, 138, 3]);
			assert.equal(parsed.separatorUnderText, undefined);
			assert.equal(parsed.lastContentLine, 138);
			assert.equal(parsed.lineCount, 141);
		});
	});

	it('parses every ticket of the real dump identically with LF, CRLF and lone CR line breaks', () => {
		const text = realDumpText();
		const lf = scanFile(text).chunks;
		const variants = [scanFile(text.replace(/\n/g, '\r\n')).chunks, scanFile(text.replace(/\n/g, '\r')).chunks];
		for (const chunks of variants) {
			assert.equal(chunks.length, lf.length);
			chunks.forEach((chunk, i) => assert.deepEqual(model(chunk.text), model(lf[i].text), `ticket ${i}`));
		}
	});

	it('counts characters in UTF-16 code units, as LSP does (an emoji is two)', () => {
		const parsed = parse('## 😀 上传失败\n\n**问题分类**: 😀云｜上传\n\n### 问题描述\n\n上传失败\n');
		assert.deepEqual(at(parsed.title.range), [0, 3, 0, 10]);
		assert.deepEqual(at(parsed.category!.product!.range), [2, 10, 2, 13]);
		assert.deepEqual(at(parsed.category!.subcategory!.range), [2, 14, 2, 16]);
	});

	it('reads a category written wrong without losing its parts', () => {
		const category = (line: string) => parse(`## t\n\n${line}\n\n### 问题描述\n\nx\n`).category!;
		const bar = category('**问题分类**: CDN|配置问题');
		assert.deepEqual([bar.product?.text, bar.separator?.text, bar.subcategory?.text], ['CDN', '|', '配置问题']);
		const nbsp = category('**问题分类**:\u00a0CDN\u00a0｜配置问题\u00a0');
		assert.deepEqual([nbsp.product?.text, nbsp.subcategory?.text, nbsp.value.text], ['CDN', '配置问题', '\u00a0CDN\u00a0｜配置问题\u00a0']);
		const fullwidth = category('**问题分类**：CDN｜配置问题');
		assert.deepEqual([fullwidth.colon?.text, fullwidth.colon && at(fullwidth.colon.range)], ['：', [2, 8, 2, 9]]);
		const plain = category('问题分类: CDN｜配置问题');
		assert.deepEqual([plain.keyWellFormed, plain.key.text], [false, '问题分类']);
		const empty = category('**问题分类**:');
		assert.deepEqual([empty.product, empty.subcategory, empty.value.text], [undefined, undefined, '']);
		assert.equal(parse('## t\n\n### 问题描述\n\n**问题分类**: CDN｜配置问题\n').category, undefined, 'only above the first section');
	});

	it('reads speaker labels written wrong, unknown speakers and text before the first turn', () => {
		const parsed = parse(
			[
				'## t',
				'',
				'### 完整对话记录',
				'',
				'开场白',
				'',
				'**客户**:问',
				'',
				'客服：答',
				'',
				'**客户** ：再问',
				'',
				'**销售**：推销',
				'',
				'**客服**：答二',
				'**重要**：仍是客服的话',
				'',
				'**客户** 没有冒号',
				'',
				'---',
				'',
			].join('\n'),
		);
		assert.deepEqual(
			parsed.turns.map((t) => [t.speaker, t.name, t.label.text, t.wellFormed, t.text]),
			[
				['customer', '客户', '**客户**:', false, '问'],
				['staff', '客服', '客服：', false, '答'],
				['customer', '客户', '**客户** ：', false, '再问'],
				[undefined, '销售', '**销售**：', false, '推销'],
				// A bold label inside a paragraph is text of the turn, not a new turn.
				['staff', '客服', '**客服**：', true, '答二\n**重要**：仍是客服的话'],
				// A bold speaker without the colon still opens a turn (rather than joining the turn above).
				['customer', '客户', '**客户**', false, '没有冒号'],
			],
		);
		assert.deepEqual(
			parsed.unlabelled.map((u) => [u.text, at(u.range)]),
			[['开场白', [4, 0, 4, 3]]],
		);
	});

	it('reports stray structure inside a ticket and tells a doubled separator from one that splits it', () => {
		const parsed = parse(
			[
				'## t', // 0
				'',
				'### 完整对话记录', // 2
				'',
				'**客户**：配置如下', // 4
				'# 注释', // 5
				'',
				'---', // 7
				'',
				'**客服**：日志', // 9
				'=====', // 10
				'',
				'#### 小标题', // 12
				'',
				'---', // 14
				'',
				'---', // 16
				'',
			].join('\n'),
		);
		assert.deepEqual(
			parsed.strays.map((s) => [s.kind, s.depth, s.range.start.line, s.text]),
			[
				['heading', 1, 5, '# 注释'],
				['thematicBreak', undefined, 7, '---'],
				['setext', 1, 10, '====='],
				['heading', 4, 12, '#### 小标题'],
				['extraSeparator', undefined, 14, '---'],
			],
		);
		assert.equal(parsed.separator?.start.line, 16);
	});

	it('reads a `---` right under text as the separator, and says so', () => {
		const parsed = parse('## t\n\n### 完整对话记录\n\n**客户**：问\n---\n');
		assert.deepEqual(at(parsed.separator!), [5, 0, 5, 3]);
		assert.deepEqual(parsed.separatorUnderText, parsed.separator);
		assert.deepEqual(parsed.strays, []);
		assert.equal(parsed.turns[0].text, '问');
	});

	it('reads an empty title, unknown sections and empty sections', () => {
		const parsed = parse('## \n\n### 问题描叙\n\n### 根本原因分析\n\n\n### 完整对话记录\n');
		assert.equal(parsed.title.text, '');
		assert.deepEqual(at(parsed.title.range), [0, 0, 0, 2]);
		assert.deepEqual(
			parsed.sections.map((s) => [s.kind, s.name.text, s.contentText]),
			[
				[undefined, '问题描叙', ''],
				['rootCause', '根本原因分析', ''],
				['dialog', '完整对话记录', ''],
			],
		);
		assert.equal(parsed.separator, undefined);
		assert.deepEqual(parsed.turns, []);
	});

	it('reads heading text as CommonMark does: a closing run of # after a blank is dropped, a # touching the text is kept', () => {
		const parsed = parse(
			'## 上传失败 ##  \n**问题分类**：\u3000对象存储｜上传下载\u00a0\n\n### 问题描述 #\n文字\n\n### 根本原因分析#\n原因\n\n### \u3000完整对话记录\u3000\n**客户**：你好\n',
		);
		assert.equal(parsed.title.text, '上传失败');
		assert.deepEqual(at(parsed.title.range), [0, 3, 0, 7]);
		assert.equal(parsed.category?.product?.text, '对象存储');
		assert.deepEqual(at(parsed.category!.product!.range), [1, 10, 1, 14]);
		assert.equal(parsed.category?.subcategory?.text, '上传下载');
		assert.deepEqual(
			parsed.sections.map((s) => [s.kind, s.name.text, at(s.name.range)]),
			[
				['description', '问题描述', [3, 4, 3, 8]],
				[undefined, '根本原因分析#', [6, 4, 6, 11]],
				['dialog', '完整对话记录', [9, 5, 9, 11]],
			],
		);
		assert.equal(parse('## #\n').title.text, '#', 'a lone # is the title, not a closing run');
	});

	it('reads answers that are not numbered items', () => {
		const parsed = parse('## t\n\n### 客服解答\n\n1. 一\n\n3. 三\n\n- 四\n\n五\n');
		assert.deepEqual(
			parsed.answers.map((a) => [a.number, a.text, a.range.start.line]),
			[
				[1, '一', 4],
				[3, '三', 6],
				[undefined, '四', 8],
				[undefined, '五', 10],
			],
		);
	});

	it('reads a dump in another language through configured labels', () => {
		const labels = {
			...chineseLabels,
			categoryKey: 'Category',
			sections: { description: 'Description', answers: 'Answers', rootCause: 'Root cause', dialog: 'Dialog' },
			speakers: { customer: 'Customer', staff: 'Agent' },
			speakerColon: ':',
		};
		const parsed = parseTicket(
			'## Upload fails\n\n**Category**: Storage｜Upload\n\n### Description\n\nIt fails\n\n### Dialog\n\n**Customer**: It fails\n\n**Agent**: Retry\n',
			labels,
		);
		assert.deepEqual([parsed.category?.product?.text, parsed.category?.subcategory?.text], ['Storage', 'Upload']);
		assert.deepEqual(
			parsed.sections.map((s) => s.kind),
			['description', 'dialog'],
		);
		assert.deepEqual(
			parsed.turns.map((t) => [t.speaker, t.text, t.wellFormed]),
			[
				['customer', 'It fails', true],
				['staff', 'Retry', true],
			],
		);
	});
});
