/**
 * Confident learning over the tickets' own terms (server/src/service/labels/confidentLearning.ts)
 * and the review order of suspects (reviewSuspects.ts): a planted mislabel found with the label its
 * neighbours give, out-of-sample neighbours, the size gates, and the real dump's suspects.
 */
import { strict as assert } from 'node:assert';
import {
	confidentLearning,
	createTicketService,
	labelSuspects,
	labelTerms,
	resolveConfig,
	reviewSuspects,
	tokenize,
	type LabelledTerms,
} from '../../../server/src/service/index';
import { realDumpText, textDocument } from '../../support/fixtures';
import { otherMislabels, rootCauseReview } from '../../support/realDumpReview';

const topics: Record<string, string> = {
	certificate: '证书 过期 续费 HTTPS 签发 验证',
	upload: '上传 分片 大文件 断点 续传 失败',
	invoice: '发票 开票 抬头 税号 专票 金额',
};

/** `count` tickets of each topic, each with the topic's words and a few of its own, labelled by topic. */
function workspace(count: number): LabelledTerms[] {
	const items: LabelledTerms[] = [];
	for (let i = 0; i < count; i++) {
		for (const [label, words] of Object.entries(topics)) items.push({ label, terms: tokenize(`${words} 第${i}号 客户${i % 7} 您好 请问`) });
	}
	return items;
}

describe('confident learning', () => {
	it('flags a mislabelled ticket with the label its neighbours give, and nothing else', () => {
		const items = workspace(80);
		const wrong = 31; // an upload ticket (31 % 3 === 1) labelled as an invoice
		items[wrong] = { ...items[wrong], label: 'invoice' };
		const result = confidentLearning(items);
		assert.equal(result.flags, true);
		assert.deepEqual(
			result.suspects.map((s) => [s.index, s.given, s.suggested]),
			[[wrong, 'invoice', 'upload']],
		);
		const [suspect] = result.suspects;
		assert.ok(suspect.selfConfidence < suspect.threshold && suspect.suggestedProbability >= result.thresholds.get('upload')!);
	});

	it('reads each ticket from the other folds only, never from itself', () => {
		const result = confidentLearning(workspace(80));
		result.neighbours.forEach((votes, i) => {
			assert.ok(votes.length > 0);
			for (const v of votes) assert.notEqual(v.index % 5, i % 5, `ticket ${i} voted for by ${v.index} of its own fold`);
		});
		for (const p of result.probabilities) assert.ok(Math.abs([...p.values()].reduce((a, b) => a + b, 0) - 1) < 1e-9);
	});

	it('stands alone only from its minimum size, ranks from a smaller one, and below it computes nothing', () => {
		const items = workspace(20); // 60 tickets
		items[31] = { ...items[31], label: 'invoice' };
		const ranking = confidentLearning(items);
		assert.equal(ranking.flags, false);
		assert.equal(ranking.ranks, true);
		assert.deepEqual(
			ranking.suspects.map((s) => s.index),
			[31],
		);
		const small = confidentLearning(items.slice(0, 24));
		assert.equal(small.ranks, false);
		assert.deepEqual(small.suspects, []);
		assert.equal(confidentLearning(items, { minimumTickets: 60 }).flags, true);
	});

	it('neither flags nor suggests a label with too few tickets for a threshold', () => {
		const items = workspace(80);
		items[31] = { ...items[31], label: 'rare' };
		items[34] = { ...items[34], label: 'rare' };
		const result = confidentLearning(items);
		assert.equal(result.thresholds.has('rare'), false);
		assert.deepEqual(result.suspects, []);
	});

	describe('on the real dump', () => {
		const service = createTicketService({ log: (m) => assert.fail(m) });
		const config = resolveConfig(undefined);
		const tickets = service.parse(textDocument(realDumpText())).tickets();
		const items = tickets.map((t) => labelTerms(t, 'rootCause'));
		const learning = confidentLearning(items);
		const evidence = tickets.map((t) => labelSuspects(t, config).find((s) => s.kind === 'rootCause'));
		const suspects = reviewSuspects(
			'rootCause',
			items.map((i) => i.label),
			evidence,
			learning,
		);
		const lineOf = (i: number) => tickets[i].startLine + 1;

		it('never reads the root cause or the category of a ticket as its terms', () => {
			const ssl = tickets.findIndex((t) => t.startLine + 1 === 595); // account closing labelled SSL/TLS证书配置问题
			assert.ok(!items[ssl].terms.some((t) => ['证书', 'ssl', 'tls'].includes(t)));
		});

		it('ranks but does not stand alone at 114 tickets', () => {
			assert.equal(learning.labelled, 114);
			assert.equal(learning.ranks, true);
			assert.equal(learning.flags, false);
			assert.ok(suspects.every((s) => s.source !== 'statistics'));
		});

		it('lists every evidence finding, those it agrees with first, each with the neighbours that voted', () => {
			assert.deepEqual(
				suspects.map((s) => lineOf(s.index)).sort((a, b) => a - b),
				rootCauseReview.map(([line]) => line),
			);
			const both = suspects.filter((s) => s.source === 'both');
			assert.ok(both.length > 0);
			assert.deepEqual(suspects.slice(0, both.length), both);
			for (const s of suspects) assert.ok(s.neighbours.length > 0 && s.probability !== undefined);
		});

		it('suspects a certificate ticket labelled network that the evidence cannot see, suggesting SSL/TLS', () => {
			const [line, given, reviewed] = otherMislabels[0];
			const suspect = learning.suspects.find((s) => lineOf(s.index) === line);
			assert.deepEqual([suspect?.given, suspect?.suggested], [given, reviewed]);
			assert.equal(evidence[suspect!.index], undefined);
		});
	});
});
