/**
 * What a query asks for: term → weight. A query by ticket weighs each of its terms by its
 * field-weighted count and keeps only its strongest terms (see RankingParams); a free-text query
 * keeps every term. Pseudo-relevance feedback adds the strongest terms of a first pass's best tickets.
 */
import { impactLevels, type TermWeights } from './bm25f';
import type { ForwardLists } from './forwardLists';
import type { PostingLists } from './postingLists';
import { fieldNames } from './rankingParams';
import type { TicketFields } from '../document/ticketDigest';
import { forEachTerm } from './tokenize';

/** A query: term → weight. */
export type Query = ReadonlyMap<string, number>;

/**
 * The weighted terms of a ticket as a query: its strongest `queryTerms` terms. `indexed` says the
 * ticket itself is in the index, so a term only it has (df 1) matches nothing else and is skipped.
 */
export function ticketQuery(fields: TicketFields, indexed: boolean, lists: PostingLists, weights: TermWeights): Query {
	const p = weights.params;
	const counts = new Map<string, number>();
	for (const name of fieldNames) {
		const w = p.queryFieldWeights[name];
		if (w) forEachTerm(fields[name], (term) => counts.set(term, (counts.get(term) ?? 0) + w));
	}
	const ranked: [string, number, number][] = [];
	const maxDf = weights.maxDf();
	for (const [term, w] of counts) {
		const id = lists.termIds.get(term);
		// A term no other ticket has cannot match: it would only take a place.
		if (id === undefined || lists.df(id) < (indexed ? 2 : 1) || lists.df(id) > maxDf) continue;
		const q = Math.log(1 + w);
		ranked.push([term, q, q * weights.idf(id) * weights.kind(term)]);
	}
	ranked.sort((a, b) => b[2] - a[2]);
	return new Map(ranked.slice(0, p.queryTerms).map(([term, q]) => [term, q]));
}

/** The terms of typed text as a query, each counted once per occurrence. */
export function textQuery(text: string): Query {
	const weights = new Map<string, number>();
	forEachTerm(text, (term) => weights.set(term, (weights.get(term) ?? 0) + 1));
	return weights;
}

/**
 * The feedback terms (term number → its factor of impacts): each of the best tickets' strongest
 * terms (by impact × idf), its vector normalised and shared by squared score; the `terms` heaviest,
 * scaled to `weight` times the query's length (in the units of the query's own weights × idf × kind).
 */
export function feedbackTerms(
	query: Query,
	top: readonly [number, number][],
	forward: ForwardLists,
	lists: PostingLists,
	weights: TermWeights,
): Map<number, number> {
	const p = weights.params;
	// Shares go by the square of the score: the closest matches lend most, so that a template
	// reply common to many loosely similar tickets does not outweigh the near-identical ones.
	const total = top.reduce((sum, [, score]) => sum + score * score, 0) || 1;
	const added = new Map<number, number>();
	for (const [doc, score] of top) {
		const vector = docQuery(doc, forward, lists, weights);
		const norm = Math.hypot(...vector.map(([, w]) => w)) || 1;
		for (const [id, w] of vector) added.set(id, (added.get(id) ?? 0) + ((score * score) / total) * (w / norm));
	}
	const chosen = [...added].sort((a, b) => b[1] - a[1]).slice(0, p.feedback.terms);
	const addedNorm = Math.hypot(...chosen.map(([, w]) => w)) || 1;
	const queryNorm = Math.hypot(...query.values()) || 1;
	const scale = (p.feedback.weight * queryNorm) / addedNorm;
	return new Map(chosen.map(([id, w]) => [id, scale * w * weights.idf(id) * weights.kind(lists.termText[id])]));
}

/** An indexed ticket's strongest terms shared with other tickets, as [term, weight] (from the index, without the text). */
function docQuery(doc: number, forward: ForwardLists, lists: PostingLists, weights: TermWeights): [number, number][] {
	const p = weights.params;
	const [ids, impacts] = forward.of(doc, lists);
	const ranked: [number, number, number][] = [];
	const maxDf = weights.maxDf();
	for (let i = 0; i < ids.length; i++) {
		const id = ids[i];
		if (lists.df(id) < 2 || lists.df(id) > maxDf) continue;
		const w = impacts[i] / impactLevels;
		ranked.push([id, w, w * weights.idf(id) * weights.kind(lists.termText[id])]);
	}
	ranked.sort((a, b) => b[2] - a[2]);
	return ranked.slice(0, p.queryTerms).map(([id, w]) => [id, w]);
}
