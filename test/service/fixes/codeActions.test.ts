/**
 * Code actions: which fixes a diagnostic under the cursor offers, the kinds the client asks for,
 * and `source.fixAll.tickets`, which applies every safe fix at once and never masks.
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { fixAllKind, withoutOverlaps } from '../../../server/src/service/fixes/codeActions';
import { createTicketService } from '../../../server/src/service/index';
import { defectText, fixturesDir, readText, textDocument } from '../../support/fixtures';
import { applyEdits, assertOutsideUnchanged, editsOf } from '../../support/edits';

const fixAllText = () => readText(join(fixturesDir, 'fixes', 'fix-all.md'));
const whole = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };

describe('codeActions', () => {
	it('source.fixAll.tickets repairs every form defect and leaves content and leaks alone', () => {
		const text = fixAllText();
		const service = createTicketService();
		const [action] = service.codeActions(textDocument(text), { range: whole, only: ['source.fixAll'] });
		assert.equal(action.kind, fixAllKind);
		const edits = editsOf(action);
		const after = applyEdits(text, edits);
		const expected = text
			.replace('本文档包含 5 个', '本文档包含 2 个')
			.replace('**问题分类**： CDN | 证书问题', '**问题分类**: CDN｜证书问题')
			.replace('### 问题描叙', '### 问题描述')
			.replace('3. 已经部署完成', '2. 已经部署完成')
			.replace('**客户**:证书', '**客户**：证书')
			.replace('\n客服：您好', '\n**客服**：您好')
			.replace('**客服**：已经部署完成\n\n## 上传失败', '**客服**：已经部署完成\n\n---\n\n## 上传失败')
			.replace('对象存储/上传下载', '对象存储｜上传下载')
			.replace('**客户**：上传失败\n---', '**客户**：上传失败\n\n---');
		assert.equal(after, expected);
		assertOutsideUnchanged(text, after, edits);
		// What is left needs the user: a guessed root cause, a leak, and a root cause without evidence
		// ("上传失败" says nothing of the network), which fix-all never relabels. (The description differs from the
		// first turn only by a [REDACTED_…] placeholder, which is redaction, not a mismatch.)
		assert.deepEqual(
			service
				.validate(textDocument(after))!
				.map((d) => d.code)
				.sort(),
			['pii-phone', 'root-cause-unknown', 'root-cause-unsupported'],
		);
		// Applying it again changes nothing.
		assert.deepEqual(service.codeActions(textDocument(after), { range: whole, only: [fixAllKind] }), []);
		assert.deepEqual(service.fixAll(textDocument(after)), []);
	});

	it('gives fix-all only when asked for, quick fixes for the diagnostics in the range', () => {
		const text = fixAllText();
		const service = createTicketService();
		const line9 = { start: { line: 8, character: 0 }, end: { line: 8, character: 30 } };
		const titles = service.codeActions(textDocument(text), { range: line9 }).map((a) => `${a.kind}: ${a.title}`);
		assert.deepEqual(titles, ['quickfix: Replace `：` with `:`', 'quickfix: Replace `|` with `｜`', 'quickfix: Replace `CDN | 证书问题` with `CDN｜证书问题`']);
		assert.deepEqual(service.codeActions(textDocument(text), { range: line9, only: ['refactor'] }), []);
		const both = service.codeActions(textDocument(text), { range: line9, only: ['quickfix', 'source.fixAll.tickets'] }).map((a) => a.kind);
		assert.deepEqual(both, ['quickfix', 'quickfix', 'quickfix', fixAllKind]);
	});

	it('links each quick fix to its diagnostic and marks the one to apply automatically', () => {
		const text = defectText('speaker-format.md');
		const service = createTicketService();
		const diagnostic = service.validate(textDocument(text))!.find((d) => d.code === 'speaker-format')!;
		const [action] = service.codeActions(textDocument(text), { range: diagnostic.range, only: ['quickfix'] });
		assert.deepEqual(action.diagnostics, [diagnostic]);
		assert.equal(action.isPreferred, true);
	});

	it('keeps the widest of overlapping edits, identical edits once, and one insertion per place', () => {
		const at = (line: number, from: number, to: number, newText: string) => ({
			range: { start: { line, character: from }, end: { line, character: to } },
			newText,
		});
		const edits = withoutOverlaps([at(0, 3, 4, '｜'), at(0, 0, 9, 'A｜B'), at(1, 0, 1, '2'), at(1, 0, 1, '2'), at(2, 0, 0, '\n'), at(2, 0, 0, 'x')]);
		assert.deepEqual(edits, [at(0, 0, 9, 'A｜B'), at(1, 0, 1, '2'), at(2, 0, 0, '\n')]);
	});

	it('offers nothing on a file without findings', () => {
		const text = defectText('clean.md');
		assert.deepEqual(createTicketService().codeActions(textDocument(text), { range: whole, only: ['quickfix', fixAllKind] }), []);
	});
});
