import { strict as assert } from 'node:assert';
import { accumulate, impactLevels, matchedTerms, ticketImpacts } from '../../../server/src/service/search/bm25f';
import { defaultRankingParams } from '../../../server/src/service/search/rankingParams';
import { fields, searchParts } from './searchParts';

/** A ticket's impacts by term. */
function impacts(f: ReturnType<typeof fields>): Map<string, number> {
	const terms: string[] = [];
	const entries = ticketImpacts(f, defaultRankingParams, (term) => terms.push(term) - 1);
	return new Map(entries.map(([id, impact]) => [terms[id], impact]));
}

describe('bm25f (impacts, term weights and the scoring pass)', () => {
	it('gives each term of a ticket an impact in a byte, numbering its terms as first met', () => {
		const terms: string[] = [];
		const entries = ticketImpacts(fields('证书', '', '', 'cdn 证书'), defaultRankingParams, (term) => terms.push(term) - 1);
		assert.deepEqual(terms, ['证', '证书', '书', 'cdn']);
		assert.deepEqual(
			entries.map(([id]) => id),
			[0, 1, 2, 3],
		);
		for (const [, impact] of entries) assert.ok(impact >= 1 && impact <= impactLevels);
		assert.deepEqual(
			ticketImpacts(fields(''), defaultRankingParams, () => assert.fail('no term')),
			[],
		);
	});

	it("weighs a term by its field, its count (saturating) and its field's length", () => {
		assert.ok(impacts(fields('证书')).get('证书')! > impacts(fields('', '证书')).get('证书')!, 'the title weighs most');
		const once = impacts(fields('', '证书')).get('证书')!;
		const twice = impacts(fields('', '证书 证书')).get('证书')!;
		const often = impacts(fields('', '证书 '.repeat(300))).get('证书')!;
		assert.ok(once < twice && twice < often && often <= impactLevels);
		assert.ok(impacts(fields('', '证书 其他的词也在这里说了很多话')).get('证书')! < once, 'a longer field weighs each term less');
	});

	it("weighs terms by idf among the living tickets, and drops the common ones from a ticket's ranking", () => {
		const { lists, tickets, weights } = searchParts([fields('证书 cdn'), fields('证书'), fields('证书'), fields('域名'), fields('发票'), fields('备案')]);
		const id = (term: string) => lists.termIds.get(term)!;
		assert.ok(weights.idf(id('cdn')) > weights.idf(id('证书')));
		assert.equal(weights.maxDf(), 2);
		assert.equal(weights.termWeight(id('证书'), weights.maxDf()), 0);
		assert.equal(weights.termWeight(id('域名'), weights.maxDf()), weights.idf(id('域名')) * defaultRankingParams.kindWeights[1]);
		assert.equal(weights.kind('域'), defaultRankingParams.kindWeights[0]);
		const before = weights.idf(id('域名'));
		tickets.remove(0);
		assert.ok(weights.idf(id('域名')) < before, 'fewer living tickets');
	});

	it('sums weight × impact per living ticket, listing each ticket once', () => {
		const { lists, tickets } = searchParts([fields('证书'), fields('证书 域名'), fields('域名')]);
		const id = (term: string) => lists.termIds.get(term)!;
		tickets.remove(2);
		const scores = new Float32Array(3);
		const touched = new Int32Array(3);
		const count = accumulate(
			lists,
			tickets.alive,
			new Map([
				[id('证书'), 1],
				[id('域名'), 2],
			]),
			scores,
			touched,
			0,
		);
		assert.deepEqual([...touched.subarray(0, count)], [0, 1]);
		assert.equal(scores[1], lists.impacts[id('证书')][1] + 2 * lists.impacts[id('域名')][0]);
		assert.equal(scores[2], 0);
	});

	it("names the terms that weighed most in a ticket's score, leaving out a character of a shown pair", () => {
		const { lists } = searchParts([fields('证书 过期 cdn')]);
		const weights = new Map(['证书', '证', 'cdn', '过期', '过', '期', '书'].map((term, i): [number, number] => [lists.termIds.get(term)!, 10 - i]));
		assert.deepEqual(matchedTerms(lists, 0, weights), ['证书', 'cdn', '过期']);
		assert.deepEqual(matchedTerms(lists, 1, weights), []);
	});
});
