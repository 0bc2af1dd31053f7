import { strict as assert } from 'node:assert';
import { TermWeights } from '../../../server/src/service/search/bm25f';
import { feedbackTerms, textQuery, ticketQuery } from '../../../server/src/service/search/queryTerms';
import { defaultRankingParams } from '../../../server/src/service/search/rankingParams';
import { fields, searchParts } from './searchParts';

/** Twenty tickets: 证书 in three, 过期 in two, cdn in one; 备案 in the rest (more than a fifth). */
function sample() {
	const list = [fields('证书 过期'), fields('证书 过期 cdn'), fields('证书')];
	for (let i = 0; i < 17; i++) list.push(fields('备案'));
	return searchParts(list);
}

describe('queryTerms (queries by ticket and by text, and feedback)', () => {
	it('counts each term of typed text once per occurrence', () => {
		assert.deepEqual(
			[...textQuery('证书 证书 CDN')],
			[
				['证', 2],
				['证书', 2],
				['书', 2],
				['cdn', 1],
			],
		);
		assert.equal(textQuery('').size, 0);
	});

	it("weighs a ticket's terms by their field-weighted count, leaving out those no other ticket has and the common ones", () => {
		const { lists, weights } = sample();
		const query = ticketQuery(fields('证书 过期 cdn 备案 没有', '证书'), true, lists, weights);
		assert.deepEqual([...query.keys()].sort(), ['书', '过', '过期', '期', '证', '证书'].sort());
		const { title, description } = defaultRankingParams.queryFieldWeights;
		assert.equal(query.get('证书'), Math.log(1 + title + description));
		assert.equal(query.get('过期'), Math.log(1 + title));
		assert.ok(ticketQuery(fields('cdn'), false, lists, weights).has('cdn'), 'a ticket not indexed matches the one that has it');
	});

	it("keeps a ticket's strongest terms only", () => {
		const { lists, tickets, weights } = sample();
		const query = ticketQuery(fields('证书 过期 '.repeat(3)), true, lists, weights);
		const few = ticketQuery(fields('证书 过期'), true, lists, new TermWeights({ ...defaultRankingParams, queryTerms: 2 }, lists, tickets));
		assert.equal(query.size, 6);
		assert.deepEqual([...few.keys()], ['过期', '证书']);
	});

	it("adds the strongest terms of the best tickets, scaled to the query's length", () => {
		const { lists, weights, forward } = sample();
		const query = new Map([['证书', 2]]);
		const added = feedbackTerms(
			query,
			[
				[1, 10],
				[0, 5],
			],
			forward,
			lists,
			weights,
		);
		const terms = [...added.keys()].map((id) => lists.termText[id]);
		assert.ok(terms.includes('过期') && terms.length <= defaultRankingParams.feedback.terms);
		assert.ok(!terms.includes('cdn'), 'a term only one ticket has is left out');
		const norm = Math.hypot(...[...added].map(([id, w]) => w / (weights.idf(id) * weights.kind(lists.termText[id]))));
		assert.ok(Math.abs(norm - defaultRankingParams.feedback.weight * 2) < 1e-9, `${norm}`);
		assert.equal(feedbackTerms(query, [], forward, lists, weights).size, 0);
	});
});
