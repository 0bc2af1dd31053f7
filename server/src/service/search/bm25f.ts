/**
 * BM25F scoring (Robertson & Zaragoza) over a ticket's four fields, each with its own weight and
 * length normalisation (rankingParams.ts), on the terms of tokenize.ts. For a query term t and a ticket d,
 *   tf~(t,d) = Σ_f w_f · tf_f(t,d) / (1 − b_f + b_f · len_f(d) / avglen_f)
 *   score(d) = Σ_t q(t) · idf(t) · kind(t) · tf~ / (k1 + tf~),  idf(t) = ln(1 + (N − df + 0.5) / (df + 0.5))
 * where kind(t) weighs CJK unigrams, bigrams and Latin words apart. Each posting keeps its impact
 * tf~/(k1 + tf~), computed when the ticket is added, in a byte: scoring is one multiply-add per posting.
 */
import type { IndexedTickets } from './indexedTickets';
import type { PostingLists } from './postingLists';
import { fieldNames, type RankingParams } from './rankingParams';
import type { TicketFields } from '../document/ticketDigest';
import { forEachTerm, TermKind, termKind } from './tokenize';

/** Impacts tf~/(k1 + tf~) ∈ (0, 1) are stored in a byte. */
export const impactLevels = 255;
const fieldCount = 4;
const maxMatchedTerms = 5;
/**
 * The length each field is normalised against (BM25's avglen): the real dump's average field
 * lengths in terms, fixed. A fixed pivot makes a ticket's impacts independent of what else is
 * indexed and when, so a file re-indexed after edits scores as it did when first read.
 */
const pivotLengths = [18, 51, 169, 313];

/** A ticket's terms (numbered by `termId`, in the order first met) and their impacts, 1–255; terms that weigh nothing left out. */
export function ticketImpacts(fields: TicketFields, params: RankingParams, termId: (term: string) => number): [number, number][] {
	// Field counts packed 8 bits per field (capped at 255: BM25 saturates long before).
	const counts = new Map<string, number>();
	const lengths = [0, 0, 0, 0];
	for (let f = 0; f < fieldCount; f++) {
		const shift = 8 * f;
		let length = 0;
		forEachTerm(fields[fieldNames[f]], (term) => {
			length++;
			const packed = counts.get(term) ?? 0;
			if (((packed >>> shift) & 255) < 255) counts.set(term, packed + (1 << shift));
		});
		lengths[f] = length;
	}
	const factors = fieldFactors(lengths, params);
	const k1 = params.k1;
	const entries: [number, number][] = [];
	for (const [term, packed] of counts) {
		const x = pseudoTf(packed >>> 0, factors);
		if (x <= 0) continue;
		entries.push([termId(term), Math.min(impactLevels, Math.max(1, Math.round((impactLevels * x) / (k1 + x))))]);
	}
	return entries;
}

/** w_f / (1 − b_f + b_f · len_f / pivot_f) for a ticket (see pivotLengths). */
function fieldFactors(lengths: readonly number[], params: RankingParams): Float64Array {
	const { fieldWeights, fieldB } = params;
	const factors = new Float64Array(fieldCount);
	for (let f = 0; f < fieldCount; f++) {
		const name = fieldNames[f];
		const len = lengths[f];
		const avg = pivotLengths[f];
		const b = fieldB[name];
		// An empty field has no term to weigh (and with b = 1 its factor would divide by zero).
		factors[f] = len > 0 ? fieldWeights[name] / (1 - b + (b * len) / avg) : 0;
	}
	return factors;
}

function pseudoTf(packed: number, factors: Float64Array): number {
	return (packed & 255) * factors[0] + ((packed >>> 8) & 255) * factors[1] + ((packed >>> 16) & 255) * factors[2] + (packed >>> 24) * factors[3];
}

/** The weights of indexed terms, from their df among the living tickets. */
export class TermWeights {
	constructor(
		readonly params: RankingParams,
		private readonly lists: PostingLists,
		private readonly tickets: IndexedTickets,
	) {}

	idf(id: number): number {
		const df = this.lists.df(id);
		return Math.log(1 + (this.tickets.size - df + 0.5) / (df + 0.5));
	}

	kind(term: string): number {
		return this.params.kindWeights[termKind(term)];
	}

	/** Terms found in more tickets than this match everything; a query by ticket leaves them out. */
	maxDf(): number {
		return Math.max(2, this.params.maxDfShare * this.tickets.size);
	}

	/** What an impact of a term is multiplied by to rank a ticket's terms: idf × kind, 0 for the common ones. */
	termWeight(id: number, maxDf: number): number {
		return this.lists.df(id) > maxDf ? 0 : this.idf(id) * this.kind(this.lists.termText[id]);
	}
}

/** Adds each term's weight × impact to its living tickets' sums in `scores`, listing the tickets first touched in `touched`; returns the count touched. */
export function accumulate(
	lists: PostingLists,
	alive: Uint8Array,
	weights: ReadonlyMap<number, number>,
	scores: Float32Array,
	touched: Int32Array,
	count: number,
): number {
	for (const [id, base] of weights) {
		const docs = lists.docs[id];
		const impacts = lists.impacts[id];
		const n = lists.length[id];
		for (let i = 0; i < n; i++) {
			const d = docs[i];
			if (!alive[d]) continue;
			const s = scores[d];
			if (s === 0) touched[count++] = d;
			scores[d] = s + base * impacts[i];
		}
	}
	return count;
}

/** The query terms that contributed most to a ticket's score (looked up in their sorted lists), a unigram inside a shown bigram left out. */
export function matchedTerms(lists: PostingLists, doc: number, weights: ReadonlyMap<number, number>): string[] {
	const contributions: [string, number][] = [];
	for (const [id, base] of weights) {
		const at = lists.find(id, doc);
		if (at >= 0) contributions.push([lists.termText[id], base * lists.impacts[id][at]]);
	}
	contributions.sort((a, b) => b[1] - a[1]);
	const shown: string[] = [];
	for (const [term] of contributions) {
		if (shown.length >= maxMatchedTerms) break;
		if (termKind(term) === TermKind.Unigram && shown.some((s) => s.length > 1 && s.includes(term))) continue;
		shown.push(term);
	}
	return shown;
}
