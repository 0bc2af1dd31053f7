/** Figures over dumps: counts per product, category, root cause and rule code; unanswered tickets; turns. */
import { strict as assert } from 'node:assert';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { TicketRecord } from '../../../server/src/service/export/records';
import { median, StatsCollector } from '../../../server/src/service/export/ticketStats';

function record(over: Partial<TicketRecord>): TicketRecord {
	return {
		ordinal: 0,
		startLine: 0,
		title: 't',
		product: 'CDN',
		subcategory: '配置问题',
		description: 'd',
		answers: ['a'],
		rootCause: 'r',
		dialog: [
			{ speaker: 'customer', text: 'q' },
			{ speaker: 'staff', text: 'a' },
		],
		...over,
	};
}

const finding = (code: string): Diagnostic => ({
	code,
	message: '',
	severity: DiagnosticSeverity.Warning,
	range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
});

describe('stats', () => {
	it('computes the median of sorted values', () => {
		assert.equal(median([1]), 1);
		assert.equal(median([1, 3, 9]), 3);
		assert.equal(median([1, 3, 5, 9]), 4);
	});

	it('counts across files, most frequent first, ties by name', () => {
		const stats = new StatsCollector('｜');
		stats.addTickets('a.md', [
			record({}),
			record({ product: '对象存储', subcategory: '上传下载', rootCause: 'x' }),
			record({ title: 'silent', startLine: 40, answers: [], dialog: [{ speaker: 'customer', text: 'q' }] }),
		]);
		stats.addTickets('b.md', [record({ product: '', subcategory: '', rootCause: '', dialog: [] })]);
		stats.addFindings([finding('separator'), finding('section-empty')]);
		stats.addFindings([finding('separator')]);
		const s = stats.result();
		assert.equal(s.files, 2);
		assert.equal(s.tickets, 4);
		assert.deepEqual(s.products, [
			['CDN', 2],
			['', 1],
			['对象存储', 1],
		]);
		assert.deepEqual(s.categories, [
			['CDN｜配置问题', 2],
			['', 1],
			['对象存储｜上传下载', 1],
		]);
		assert.deepEqual(s.rootCauses, [
			['r', 2],
			['', 1],
			['x', 1],
		]);
		assert.deepEqual(s.findings, [
			['separator', 2],
			['section-empty', 1],
		]);
		// A ticket with answers but no staff turn, or staff turns but no answers, was answered.
		assert.deepEqual(s.withoutStaffAnswers, [{ file: 'a.md', line: 40, title: 'silent' }]);
		assert.deepEqual(s.turns, { min: 0, median: 1.5, max: 2 });
	});

	it('names a category as the dumps write it: the product alone without a subcategory, none without a product', () => {
		const stats = new StatsCollector('｜');
		stats.addTickets('a.md', [record({ subcategory: '' }), record({ product: '', subcategory: '配置问题' })]);
		assert.deepEqual(stats.result().categories, [
			['', 1],
			['CDN', 1],
		]);
	});

	it('has no turn figures without tickets', () => {
		assert.equal(new StatsCollector('｜').result().turns, undefined);
	});
});
