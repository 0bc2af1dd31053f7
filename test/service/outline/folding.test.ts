/** Folding: each ticket (its `---` stays visible) and each of its sections. */
import { strict as assert } from 'node:assert';
import { createTicketService } from '../../../server/src/service/index';
import { defectText, realDumpText, textDocument } from '../../support/fixtures';

describe('folding', () => {
	const service = createTicketService();

	it('folds every ticket and every section of the real dump', () => {
		const text = realDumpText();
		const ranges = service.foldingRanges(textDocument(text));
		const lines = text.split('\n');
		const ticketFolds = ranges.filter((r) => lines[r.startLine].startsWith('## '));
		const sectionFolds = ranges.filter((r) => lines[r.startLine].startsWith('### '));
		assert.equal(ticketFolds.length, 114);
		assert.equal(sectionFolds.length, 452);
		assert.equal(ranges.length, 114 + 452);
		for (const r of ticketFolds) {
			assert.ok(lines[r.endLine].trim(), `ticket fold at ${r.startLine} ends on text`);
			assert.equal(lines[r.endLine + 2], '---', 'the separator (after a blank line) stays visible');
		}
		for (const r of sectionFolds) assert.ok(lines[r.endLine].trim() && r.endLine > r.startLine);
		assert.deepEqual(ranges.slice(0, 5), [
			{ startLine: 6, endLine: 56 },
			{ startLine: 10, endLine: 12 },
			{ startLine: 14, endLine: 24 },
			{ startLine: 26, endLine: 28 },
			{ startLine: 30, endLine: 56 },
		]);
	});

	it('folds a ticket without a separator to its last line, and does not fold a one-line section', () => {
		const ranges = service.foldingRanges(textDocument(defectText('separator.missing.md')));
		assert.deepEqual(ranges[0], { startLine: 6, endLine: 26 }, 'the first ticket runs to its last turn');
		const empty = service.foldingRanges(textDocument(defectText('section-empty.md')));
		assert.ok(!empty.some((r) => r.startLine === 42), 'the empty 根本原因分析 has nothing to fold');
		assert.ok(
			empty.some((r) => r.startLine === 46),
			'the dialog under it folds',
		);
	});

	it('gives a file without tickets no folds', () => {
		assert.deepEqual(service.foldingRanges(textDocument('# 标题\n\n本文档包含 0 个结构化技术支持问答记录\n\n---\n')), []);
	});
});
