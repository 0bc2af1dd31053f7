/** The line scan that splits a dump into its header and one chunk per ticket, without parsing Markdown. */
import { strict as assert } from 'node:assert';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Heading } from 'mdast';
import { isH2Line, scanFile } from '../../../server/src/service/document/scan';
import { defectText, realDumpText } from '../../support/fixtures';

describe('scan', () => {
	it('splits the real dump into 114 tickets at its H2 lines, the header before them', () => {
		const text = realDumpText();
		const scan = scanFile(text);
		assert.equal(scan.chunks.length, 114);
		assert.equal(scan.headerEndLine, 6);
		assert.equal(scan.chunks[0].startLine, 6);
		assert.equal(scan.chunks[1].startLine, 60);
		assert.equal(scan.chunks[113].endLine, scan.index.lineCount);
		// The chunks tile the file: header + chunks = the whole text, each chunk ends where the next starts.
		assert.equal(text.slice(0, scan.chunks[0].startOffset) + scan.chunks.map((c) => c.text).join(''), text);
		for (let i = 0; i < scan.chunks.length; i++) {
			const chunk = scan.chunks[i];
			assert.ok(chunk.text.startsWith('## '), `chunk ${i} starts at its title`);
			assert.equal(chunk.text, text.slice(chunk.startOffset, chunk.endOffset));
			assert.equal(chunk.startOffset, scan.index.lineStart(chunk.startLine));
			if (i + 1 < scan.chunks.length) assert.equal(chunk.endLine, scan.chunks[i + 1].startLine);
		}
	});

	it('finds the same H2 lines as a CommonMark parse of the whole file', () => {
		const text = realDumpText();
		const tree = unified().use(remarkParse).parse(text);
		const h2 = tree.children.filter((n): n is Heading => n.type === 'heading' && n.depth === 2).map((n) => n.position!.start.line - 1);
		assert.deepEqual(
			scanFile(text).chunks.map((c) => c.startLine),
			h2,
		);
	});

	it('takes ATX H2 lines only: up to three spaces of indent, a space or the end after ##', () => {
		for (const line of ['## 标题', '##', '## ', '   ## 标题', '##\t标题']) assert.equal(isH2Line(line), true, line);
		for (const line of ['    ## code', '##标题', '### 问题描述', '# 标题', '标题', ' #', '#### x']) assert.equal(isH2Line(line), false, line);
		const scan = scanFile('# T\n\n   ## 一\n\n    ## 代码\n##二\n## 三\n');
		assert.deepEqual(
			scan.chunks.map((c) => c.startLine),
			[2, 6],
		);
	});

	it('handles a BOM, CRLF and lone CR line breaks alike', () => {
		const lf = defectText('clean.md');
		const lines = scanFile(lf).chunks.map((c) => [c.startLine, c.endLine]);
		assert.deepEqual(lines, [
			[6, 30],
			[30, 56],
			[56, 75],
		]);
		for (const variant of [lf.replace(/\n/g, '\r\n'), lf.replace(/\n/g, '\r'), `\uFEFF${lf}`]) {
			assert.deepEqual(
				scanFile(variant).chunks.map((c) => [c.startLine, c.endLine]),
				lines,
			);
		}
		// A ticket on the very first line, behind a BOM.
		assert.deepEqual(
			scanFile('\uFEFF## 一\n\n## 二').chunks.map((c) => c.startLine),
			[0, 2],
		);
	});

	it('gives a file without tickets an all-header scan', () => {
		const scan = scanFile('# 标题\n\n本文档包含 0 个结构化技术支持问答记录\n');
		assert.deepEqual(scan.chunks, []);
		assert.equal(scan.headerEndLine, 4);
		assert.deepEqual(scanFile('').chunks, []);
	});

	it('reads a `## ` line inside a fenced code block as code, unless a category line follows it', () => {
		const ticket = (title: string, dialog: string[]) => [
			`## ${title}`,
			'',
			'**问题分类**: CDN｜配置问题',
			'',
			'### 完整对话记录',
			'',
			...dialog,
			'',
			'---',
			'',
		];
		const starts = (lines: string[]) => scanFile(lines.join('\n')).chunks.map((c) => c.startLine);
		// A shell script's `## ` comment in a closed fence, and one in a ~~~ fence of another ticket.
		const closed = [
			...ticket('一', ['**客户**：脚本如下', '```bash', '## 清理缓存', 'rm -rf /tmp/cache', '```']),
			...ticket('二', ['~~~~', '## 也是注释', '~~~', '## 还在代码里', '~~~~']),
		];
		assert.deepEqual(starts(closed), [0, closed.indexOf('## 二')]);
		// A fence left open does not swallow the next ticket (its category line follows its title) but hides a comment.
		const open = [...ticket('一', ['```yaml', '## 注释', 'key: value']), ...ticket('二', ['**客户**：你好'])];
		assert.deepEqual(starts(open), [0, open.indexOf('## 二')]);
		// A fence whose marker line holds a backtick is no fence (CommonMark): the `## ` after it is a title.
		assert.deepEqual(starts(['## 一', '``` a`b', '## 二']), [0, 2]);
		// Fenced code agrees with a CommonMark parse where the fences are closed.
		const text = closed.join('\n');
		const tree = unified().use(remarkParse).parse(text);
		const h2 = tree.children.filter((n): n is Heading => n.type === 'heading' && n.depth === 2).map((n) => n.position!.start.line - 1);
		assert.deepEqual(starts(closed), h2);
	});
});
