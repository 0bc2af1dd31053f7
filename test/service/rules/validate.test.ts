/**
 * Validation on crafted defect files: one small dump per rule (and per variant of a rule), each
 * with the code, severity, line and offending text it must produce, and nothing else.
 */
import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { createTicketService, resolveConfig, ruleCodes, type PartialTicketConfig } from '../../../server/src/service/index';
import { covered, defectsDir, defectText, foundationCodes, summary, textDocument, type Expected } from '../../support/fixtures';

type Case = readonly [...Expected, text: string];

/** The taxonomy configured for `category-unknown.configured.md`. */
const taxonomy: PartialTicketConfig = { categories: ['对象存储｜上传下载', 'CDN｜配置问题', 'CDN｜流量计费问题'] };

/** Fixture → every diagnostic it must produce: [code, severity, 1-based line, text the range covers]. */
const cases: Record<string, readonly Case[]> = {
	'clean.md': [],
	'clean-crlf.md': [],
	'clean-bom.md': [],
	// U+00A0 after the category colon and before a speaker colon; inside text, a heading's tail or a label's tail it is harmless.
	'nbsp.md': [
		['category-format', 'warning', 9, '\u00a0对象存储｜上传下载'],
		['speaker-format', 'warning', 51, '**客服**\u00a0：'],
	],
	'file-title.missing.md': [['file-title', 'error', 1, '本文档包含 2 个结构化技术支持问答记录']],
	'file-title.twice.md': [['file-title', 'error', 3, '技术支持工单数据 - Part 41']],
	'declared-count.md': [['declared-count', 'warning', 3, '5']],
	'separator.missing.md': [['separator', 'warning', 27, '**客服**：您好，您的解析配置如何配置的，截图看下呢']],
	'separator.under-text.md': [['separator', 'warning', 28, '---']],
	'separator.doubled.md': [['separator', 'warning', 29, '---']],
	'separator.header.md': [['separator', 'warning', 3, '本文档包含 2 个结构化技术支持问答记录']],
	'ticket-title.md': [['ticket-title', 'error', 31, '##']],
	'category-missing.md': [['category-missing', 'error', 31, '一直显示处理中']],
	'category-format.ascii-bar.md': [['category-format', 'warning', 33, '|']],
	'category-format.slash.md': [['category-format', 'warning', 33, '/']],
	'category-format.hyphen.md': [['category-format', 'warning', 33, '-']],
	'category-format.no-product.md': [['category-format', 'warning', 33, ' ｜配置问题']],
	'category-format.no-subcategory.md': [['category-format', 'warning', 33, '｜']],
	'category-format.no-separator.md': [['category-format', 'warning', 33, 'CDN']],
	'category-format.empty.md': [['category-format', 'warning', 33, '**问题分类**:']],
	'category-format.spaces.md': [['category-format', 'warning', 33, ' CDN ｜ 配置问题']],
	'category-format.no-space.md': [['category-format', 'warning', 33, 'CDN｜配置问题']],
	'category-format.fullwidth-colon.md': [['category-format', 'warning', 33, '：']],
	'category-format.key-not-bold.md': [['category-format', 'warning', 33, '问题分类']],
	'category-unknown.learned.md': [['category-unknown', 'warning', 111, ' CDN｜配置问提']],
	'category-unknown.configured.md': [
		['category-unknown', 'warning', 33, ' CDN｜配置问提'],
		['category-unknown', 'warning', 59, ' CDN｜证书问题'],
	],
	'section-missing.md': [['section-missing', 'error', 31, '一直显示处理中']],
	'section-empty.md': [['section-empty', 'warning', 43, '根本原因分析']],
	'section-order.md': [['section-order', 'warning', 43, '客服解答']],
	'section-duplicate.md': [['section-duplicate', 'error', 47, '问题描述']],
	'section-unknown.md': [['section-unknown', 'warning', 35, '问题描叙']],
	'root-cause-unknown.md': [['root-cause-unknown', 'warning', 45, '配置参数错误或不档']],
	'answers-numbering.md': [['answers-numbering', 'warning', 43, '3']],
	'speaker-format.md': [
		['speaker-format', 'warning', 27, '**客服**'],
		['speaker-format', 'warning', 49, '**客户**:'],
		['speaker-format', 'warning', 51, '客服：'],
		['speaker-format', 'warning', 53, '**客户** ：'],
	],
	'speaker-unknown.md': [['speaker-unknown', 'warning', 53, '**销售**：']],
	'speaker-unknown.unlabelled.md': [['speaker-unknown', 'warning', 49, '（以下为转接前的对话）']],
	'dialog-empty.md': [['dialog-empty', 'error', 47, '完整对话记录']],
	'answers-mismatch.md': [
		['answers-mismatch', 'information', 17, '1. 您好，请提供解析记录的截图'],
		['answers-mismatch', 'information', 39, '客服解答'],
	],
	'description-mismatch.md': [['description-mismatch', 'hint', 37, 'CDN 域名一直显示处理中']],
	'stray-structure.md': [
		['stray-structure', 'warning', 30, '# 强制跳转 https'],
		['stray-structure', 'warning', 57, '---'],
		['stray-structure', 'warning', 86, '=========='],
	],
	'duplicate-title.md': [
		['duplicate-title', 'hint', 7, '免费 from 自动催单'],
		['duplicate-title', 'hint', 55, '免费 from 自动催单'],
	],
};

const configFor = (name: string) => resolveConfig(name === 'category-unknown.configured.md' ? taxonomy : {});

function validate(text: string, config = resolveConfig(), log: (m: string) => void = (m) => assert.fail(`unexpected log: ${m}`)) {
	const service = createTicketService({ config, log });
	const diagnostics = service.validate(textDocument(text));
	assert.ok(diagnostics, 'not cancelled');
	return diagnostics;
}

describe('validate', () => {
	it('has a case for every fixture file and a fixture for every structural rule code', () => {
		assert.deepEqual(Object.keys(cases).sort(), readdirSync(defectsDir).sort());
		const covering = new Set(Object.values(cases).flatMap((list) => list.map((c) => c[0])));
		assert.deepEqual([...covering].sort(), [...foundationCodes].sort());
		assert.ok(
			foundationCodes.every((code) => (ruleCodes as readonly string[]).includes(code)),
			'every one in the catalog',
		);
	});

	for (const [name, expected] of Object.entries(cases)) {
		it(`${name}: ${expected.length ? expected.map((c) => `${c[0]}@${c[2]}`).join(', ') : 'nothing'}`, () => {
			const text = defectText(name);
			const diagnostics = validate(text, configFor(name));
			assert.deepEqual(
				summary(diagnostics),
				expected.map(([code, severity, line]) => [code, severity, line]),
			);
			const byLine = [...diagnostics].sort((a, b) => a.range.start.line - b.range.start.line || String(a.code).localeCompare(String(b.code)));
			byLine.forEach((d, i) => {
				assert.equal(covered(text, d), expected[i][3], `range of ${d.code} on line ${expected[i][2]}`);
				assert.equal(d.source, 'tickets');
				assert.ok(d.message.length > 20, `a message that says what is wrong: ${d.message}`);
			});
		});
	}

	describe('the same findings whatever the line endings or a BOM', () => {
		for (const [name, expected] of Object.entries(cases)) {
			it(name, () => {
				const lf = defectText(name)
					.replace(/\r\n/g, '\n')
					.replace(/^\uFEFF/, '');
				const expectedSummary = expected.map(([code, severity, line]) => [code, severity, line]);
				for (const variant of [lf.replace(/\n/g, '\r\n'), lf.replace(/\n/g, '\r'), `\uFEFF${lf}`]) {
					assert.deepEqual(summary(validate(variant, configFor(name))), expectedSummary);
				}
			});
		}
	});

	describe('messages', () => {
		it('suggest the near spelling: did you mean', () => {
			const message = (name: string) => validate(defectText(name), configFor(name)).map((d) => d.message);
			assert.match(message('section-unknown.md')[0], /did you mean `问题描述`/);
			assert.match(message('root-cause-unknown.md')[0], /did you mean `配置参数错误或不当`/);
			assert.match(message('category-unknown.learned.md')[0], /did you mean `CDN｜配置问题` \(3 tickets\)/);
			const configured = message('category-unknown.configured.md');
			assert.match(configured[0], /did you mean `CDN｜配置问题`/);
			// Another subcategory of the same product is no typo of a known one.
			assert.doesNotMatch(configured[1], /did you mean/);
		});

		it('show the difference for answers-mismatch and description-mismatch', () => {
			const answers = validate(defectText('answers-mismatch.md'));
			assert.match(answers[0].message, /请提供解析记录的截图.*您的解析配置如何配置的/);
			assert.match(answers[1].message, /3 .*2 /);
			assert.equal(answers[0].relatedInformation?.[0].location.range.start.line, 26, 'points at staff turn 1');
			const description = validate(defectText('description-mismatch.md'));
			assert.match(description[0].message, /CDN 域名一直显示处理.*一直显示处理中/);
		});

		it('related information points at the other tickets and carries the uri', () => {
			const [first, second] = validate(defectText('duplicate-title.md'));
			assert.deepEqual(
				first.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line + 1]),
				[['file:///work/dump.md', 55]],
			);
			assert.deepEqual(
				second.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line + 1]),
				[['file:///work/dump.md', 7]],
			);
		});
	});

	describe('configuration', () => {
		it('overrides a severity and turns a rule off', () => {
			const text = defectText('stray-structure.md') + defectText('duplicate-title.md').replace(/^[^]*?(?=## )/, '');
			const defaults = validate(text);
			assert.deepEqual(new Set(defaults.map((d) => d.code)), new Set(['stray-structure', 'duplicate-title', 'declared-count']));
			const configured = validate(text, resolveConfig({ rules: { 'stray-structure': 'error', 'duplicate-title': 'off' } }));
			assert.equal(configured.filter((d) => d.code === 'duplicate-title').length, 0);
			const strays = configured.filter((d) => d.code === 'stray-structure');
			assert.equal(strays.length, 3);
			assert.ok(strays.every((d) => d.severity === DiagnosticSeverity.Error));
			assert.equal(configured.length, defaults.length - defaults.filter((d) => d.code === 'duplicate-title').length);
		});

		it('re-validates with the new settings after configure()', () => {
			const service = createTicketService({ log: assert.fail });
			const doc = textDocument(defectText('duplicate-title.md'));
			assert.equal(service.validate(doc)!.length, 2);
			service.configure(resolveConfig({ rules: { 'duplicate-title': 'warning' } }));
			assert.deepEqual(
				service.validate(doc)!.map((d) => d.severity),
				[DiagnosticSeverity.Warning, DiagnosticSeverity.Warning],
			);
			service.configure(resolveConfig({ rules: { 'duplicate-title': 'off' } }));
			assert.deepEqual(service.validate(doc), []);
		});

		it('learns categories from the workspace and from the file itself', () => {
			const text = defectText('category-unknown.learned.md');
			const withWorkspace = (counts: [string, number][]) =>
				summary(createTicketService({ log: assert.fail, workspace: { categoryCounts: () => new Map(counts) } }).validate(textDocument(text))!);
			const flagged = [['category-unknown', 'warning', 111]];
			// An empty index (the file is outside every workspace folder): the file's own counts still teach.
			assert.deepEqual(withWorkspace([]), flagged);
			// The index holds this file's older text: counts are not added twice.
			assert.deepEqual(
				withWorkspace([
					['CDN｜配置问题', 3],
					['CDN｜配置问提', 1],
				]),
				flagged,
			);
			// Other files use the spelling too: it is a category, not a typo.
			assert.deepEqual(
				withWorkspace([
					['CDN｜配置问题', 30],
					['CDN｜配置问提', 4],
				]),
				[],
			);
			// Frequent elsewhere, rare here.
			const once = text.replaceAll('CDN｜配置问题', 'CDN｜证书问题');
			const service = createTicketService({ workspace: { categoryCounts: () => new Map([['CDN｜配置问题', 17]]) } });
			assert.deepEqual(summary(service.validate(textDocument(once))!), flagged);
		});

		it('checks root causes against the configured labels', () => {
			const config = resolveConfig({ rootCauses: ['配置参数错误或不档', '需要进一步排查具体原因'] });
			const found = summary(validate(defectText('root-cause-unknown.md'), config));
			// Now the first ticket's 配置参数错误或不当 is the unknown one.
			assert.deepEqual(found, [['root-cause-unknown', 'warning', 21]]);
		});
	});

	describe('a rule that throws', () => {
		it('is logged once and silenced (none of its findings kept); the other rules still report', () => {
			// The section rules read the root-cause labels; a broken list makes them throw on every ticket.
			const broken = new Proxy([] as string[], {
				get(target, key, receiver) {
					if (key === 'includes')
						return () => {
							throw new Error('broken label list');
						};
					return Reflect.get(target, key, receiver);
				},
			});
			const config = { ...resolveConfig(), rootCauses: broken };
			// section-order (a section rule, reported before the throw) and a category-format finding in another rule.
			const text = defectText('section-order.md').replace('**问题分类**: 对象存储｜上传下载', '**问题分类**: 对象存储|上传下载');
			const logs: string[] = [];
			const diagnostics = validate(text, config, (m) => logs.push(m));
			assert.deepEqual(summary(diagnostics), [['category-format', 'warning', 9]]);
			assert.equal(logs.length, 1, logs.join('\n'));
			assert.match(logs[0], /section-missing.*failed 2 time\(s\).*broken label list/s);
		});

		it('never reaches the caller, even when the file rules throw', () => {
			const config = { ...resolveConfig(), categories: null as unknown as string[] };
			const logs: string[] = [];
			const diagnostics = validate(defectText('stray-structure.md'), config, (m) => logs.push(m));
			assert.deepEqual(summary(diagnostics), [
				['stray-structure', 'warning', 30],
				['stray-structure', 'warning', 57],
				['stray-structure', 'warning', 86],
			]);
			assert.equal(logs.length, 1);
			assert.match(logs[0], /file rules failed 1 time/);
		});
	});

	it('returns undefined when cancelled', () => {
		const service = createTicketService();
		assert.equal(service.validate(textDocument(defectText('clean.md')), { isCancellationRequested: true }), undefined);
	});

	it('re-checks only the ticket an edit touched (findings are cached with the parse)', () => {
		const service = createTicketService({ log: assert.fail });
		const text = defectText('speaker-format.md');
		const before = service.validate(textDocument(text, 'file:///a.md', 1))!;
		// Insert two lines above the tickets: the findings move with them.
		const moved = service.validate(textDocument(text.replace('---\n\n## ', '---\n\n\n\n## '), 'file:///a.md', 2))!;
		assert.deepEqual(
			moved.map((d) => d.range.start.line),
			before.map((d) => d.range.start.line + 2),
		);
	});
});
