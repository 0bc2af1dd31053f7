import { strict as assert } from 'node:assert';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { duplicateDiagnostics, firstCopy, type TicketRef } from '../../../server/src/service/duplicates/duplicateFindings';
import { CopyTally, resolveConfig, summaryDiagnostics } from '../../../server/src/service/index';

const ref = (uri: string, ordinal: number, line: number): TicketRef => ({
	uri,
	ordinal,
	title: `工单 ${ordinal + 1}`,
	titleRange: { start: { line, character: 3 }, end: { line, character: 7 } },
});

describe('duplicateFindings', () => {
	const a0 = ref('file:///w/a.md', 0, 6);
	const a3 = ref('file:///w/a.md', 3, 90);
	const b1 = ref('file:///w/b%20c.md', 1, 40);

	it('keeps the first copy in file order, then position', () => {
		assert.equal(firstCopy([b1, a3, a0]), a0);
		assert.equal(firstCopy([b1, a3]), a3);
	});

	it('one finding per kind on the title, linking every other copy; only later copies are to delete', () => {
		const config = resolveConfig();
		const [later] = duplicateDiagnostics(a3, [{ ticket: a0, exact: true, similarity: 1 }], config);
		assert.equal(later.code, 'duplicate-ticket');
		assert.equal(later.severity, DiagnosticSeverity.Warning);
		assert.deepEqual(later.range, a3.titleRange);
		assert.deepEqual(later.data, { first: false });
		assert.match(later.message, /exact copy of 1 other tickets/);
		assert.deepEqual(later.relatedInformation, [{ location: { uri: a0.uri, range: a0.titleRange }, message: 'Copy: "工单 1"' }]);
		const [exact, near] = duplicateDiagnostics(
			a0,
			[
				{ ticket: a3, exact: true, similarity: 1 },
				{ ticket: b1, exact: false, similarity: 0.864 },
			],
			config,
		);
		assert.deepEqual(exact.data, { first: true });
		assert.match(exact.message, /this first copy is kept/);
		assert.equal(near.code, 'near-duplicate');
		assert.equal(near.severity, DiagnosticSeverity.Information);
		assert.match(near.message, /nearly the same as 1 other tickets .*86%/);
		assert.equal(near.relatedInformation![0].message, '86% similar: "工单 2"');
	});

	it('honours the configured severity and off', () => {
		const config = resolveConfig({ rules: { 'duplicate-ticket': 'error', 'near-duplicate': 'off' } });
		const found = duplicateDiagnostics(
			a0,
			[
				{ ticket: a3, exact: true, similarity: 1 },
				{ ticket: b1, exact: false, similarity: 0.9 },
			],
			config,
		);
		assert.deepEqual(
			found.map((d) => [d.code, d.severity]),
			[['duplicate-ticket', DiagnosticSeverity.Error]],
		);
		assert.deepEqual(duplicateDiagnostics(a0, [], config), []);
	});

	it('lists the five most similar copies, and always the one kept', () => {
		const config = resolveConfig();
		const copies = Array.from({ length: 30 }, (_, i) => ({ ticket: ref('file:///w/b.md', i + 1, 10 * (i + 1)), exact: false, similarity: 0.8 + i / 200 }));
		const kept = ref('file:///w/a.md', 0, 6);
		const [near] = duplicateDiagnostics(ref('file:///w/c.md', 0, 6), [...copies, { ticket: kept, exact: false, similarity: 0.81 }], config);
		assert.match(near.message, /31 other tickets/);
		assert.deepEqual(
			near.relatedInformation!.map((r) => r.location.uri + '#' + r.location.range.start.line),
			['file:///w/b.md#300', 'file:///w/b.md#290', 'file:///w/b.md#280', 'file:///w/b.md#270', 'file:///w/a.md#6'],
		);
	});

	it('quotes the copies’ titles with their leaks masked', () => {
		const config = resolveConfig();
		const titled = (r: TicketRef, title: string): TicketRef => ({ ...r, title });
		const [exact, near] = duplicateDiagnostics(
			a0,
			[
				{ ticket: titled(a3, '手机13812345678无法登录'), exact: true, similarity: 1 },
				{ ticket: titled(b1, '身份证440306199003071232认证失败'), exact: false, similarity: 0.9 },
			],
			config,
		);
		assert.equal(exact.relatedInformation![0].message, 'Copy: "手机[REDACTED_PHONE]无法登录"');
		assert.equal(near.relatedInformation![0].message, '90% similar: "身份证[REDACTED_ID_CARD_18]认证失败"');
	});

	it('copes with a ticket that has 200,000 near copies: five listed, the best similarity in the message', () => {
		const config = resolveConfig();
		const copies = Array.from({ length: 200_000 }, (_, i) => ({
			ticket: ref('file:///w/b.md', i + 1, i + 10),
			exact: false,
			similarity: i === 123_456 ? 0.97 : 0.85,
		}));
		const [near] = duplicateDiagnostics(a0, copies, config);
		assert.match(near.message, /nearly the same as 200000 other tickets .*97%/);
		assert.deepEqual(
			near.relatedInformation!.map((r) => r.location.range.start.line),
			[123_466, 10, 11, 12, 13],
		);
	});

	it('one tally of a group of exact copies serves each of them as the list of the others would', () => {
		const config = resolveConfig();
		const group = Array.from({ length: 40 }, (_, i) => ref('file:///w/b.md', i, 10 * i));
		const tally = new CopyTally();
		group.forEach((t, i) => tally.add(t, true, 1, i));
		for (const t of [group[0], group[3], group[39]]) {
			const others = group.filter((o) => o !== t).map((o) => ({ ticket: o, exact: true, similarity: 1 }));
			assert.deepEqual(summaryDiagnostics(t, tally.summary(t), new CopyTally().summary(), config), duplicateDiagnostics(t, others, config));
		}
		const [kept] = summaryDiagnostics(group[0], tally.summary(group[0]), new CopyTally().summary(), config);
		assert.match(kept.message, /has 39 exact copies .*this first copy is kept/);
		assert.deepEqual(
			kept.relatedInformation!.map((r) => r.location.range.start.line),
			[10, 20, 30, 40, 50],
		);
	});
});
