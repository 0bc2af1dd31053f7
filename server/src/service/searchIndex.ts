/**
 * The similar-ticket ranking: BM25F over a ticket's four fields (title, description, answers,
 * dialog), each with its own weight and length normalisation, on the terms of tokenize.ts.
 *
 * Scoring (Robertson & Zaragoza's BM25F): for a query term t and a ticket d,
 *   tf~(t,d) = Σ_f w_f · tf_f(t,d) / (1 − b_f + b_f · len_f(d) / avglen_f)
 *   score(d) = Σ_t q(t) · idf(t) · kind(t) · tf~ / (k1 + tf~),  idf(t) = ln(1 + (N − df + 0.5) / (df + 0.5))
 * where kind(t) weighs CJK unigrams, bigrams and Latin words apart. A query by ticket weighs each
 * of its terms by its field-weighted count and keeps only its strongest terms (see RankingParams);
 * a free-text query keeps every term. The ranking never reads a ticket's category or root cause:
 * the product is stored only for the "same product only" option.
 *
 * Storage is what a 100k-ticket workspace needs and no more: per term, a posting list of ticket
 * numbers with the four field counts packed in 32 bits; per ticket, four field lengths and a few
 * numbers. Removal marks a ticket dead; the lists are compacted once a quarter of them is dead.
 */
import { copyPrint, type CopyPrint } from './copies';
import type { TicketFields } from './summarize';
import { forEachTerm, TermKind, termKind } from './tokenize';

export const fieldNames = ['title', 'description', 'answers', 'dialog'] as const;
export type FieldName = (typeof fieldNames)[number];
type PerField = Readonly<Record<FieldName, number>>;

export interface RankingParams {
	/** BM25F weight of each field of the indexed tickets. */
	readonly fieldWeights: PerField;
	/** BM25F length normalisation of each field (0: none, 1: full). */
	readonly fieldB: PerField;
	readonly k1: number;
	/** How much each field of the query ticket counts when the query's terms are weighed. */
	readonly queryFieldWeights: PerField;
	/** A query by ticket keeps this many of its terms, the strongest by weight × idf. */
	readonly queryTerms: number;
	/** Weights of the term kinds: CJK unigrams, CJK bigrams, Latin words and numbers. */
	readonly kindWeights: readonly [unigram: number, bigram: number, word: number];
	/**
	 * Pseudo-relevance feedback for queries by ticket: the `docs` best tickets of a first pass lend
	 * their `terms` strongest terms (each ticket's terms weighed as a query, shares by score), added
	 * to the query at `weight` times its length; then the query runs again.
	 */
	readonly feedback: { readonly docs: number; readonly terms: number; readonly weight: number };
}

/**
 * Chosen by measurement (`npm run eval`: leave-one-out over the real dump's 114 tickets, P@5 of the
 * same category; bench/eval.ts). A random search of 1,000 settings, scored on even and odd tickets
 * apart, agreed on the shape below, and every single-parameter step away from it stays within
 * 0.28–0.32 (this setting: 0.312; BM25 with equal fields and no feedback: 0.26). What the data said:
 * - the title is the densest field (weight 5; 3 loses 0.016); the answers carry the staff's
 *   vocabulary of the problem (the customer's words alone reach 0.19); the dialog repeats both and
 *   adds chat, so it counts half, fully length-normalised (b 1), like the answers;
 * - k1 3: a term seen often in a long dialog should keep counting a little longer than BM25's 1.2;
 * - a query keeps its 100 strongest terms: the rest are chat that matches everything (all terms: −0.02);
 * - CJK unigrams and Latin words at half weight: single characters are ambiguous, and words are
 *   mostly domain names, keys and code that match by accident;
 * - feedback from the 10 best tickets of a first pass (+0.024): the answers of similar cases name
 *   the fix, which the query ticket may not.
 * The 2-fold cross-validated figure of the whole search (choose on one half, score the other) is
 * 0.275: on unseen data expect a little less than the tuned 0.312.
 */
export const defaultRankingParams: RankingParams = {
	fieldWeights: { title: 5, description: 0.5, answers: 1, dialog: 0.5 },
	fieldB: { title: 0.5, description: 0.75, answers: 1, dialog: 1 },
	k1: 3,
	queryFieldWeights: { title: 5, description: 0.5, answers: 1, dialog: 0.5 },
	queryTerms: 100,
	kindWeights: [0.5, 1, 0.5],
	feedback: { docs: 10, terms: 20, weight: 0.6 },
};

export interface SearchOptions {
	/** Most results returned (default 10). */
	readonly limit?: number;
	/** Only tickets of this product. */
	readonly product?: string;
	/** Leave out the tickets of this group (the query's own file). */
	readonly excludeGroup?: number;
	/** Leave out these tickets (the query ticket itself). */
	readonly excludeKeys?: ReadonlySet<number>;
	/** Leave out exact copies of this ticket (see copies.ts). */
	readonly excludeCopiesOf?: CopyCandidate;
	/** Expand the query with the terms of the first pass's best tickets (RankingParams.feedback); for queries by ticket. */
	readonly feedback?: boolean;
}

export interface CopyCandidate {
	readonly print: CopyPrint;
	/** Confirms a copy whose skeleton matched but whose text differs (redaction); by the caller, who has the texts. */
	readonly confirm?: (key: number) => boolean;
}

export interface SearchHit {
	readonly key: number;
	readonly score: number;
	/** The query terms that contributed most, strongest first (a unigram inside a listed bigram is left out). */
	readonly matchedTerms: string[];
}

/** A query: term → weight. */
export type Query = ReadonlyMap<string, number>;

const fieldCount = 4;
const empty = new Int32Array(0);
const maxMatchedTerms = 5;
/** Compaction once this share of the tickets is dead (and at least this many). */
const deadShare = 0.25;
const deadMinimum = 256;

export class SearchIndex {
	private params: RankingParams;
	// Terms.
	private readonly termIds = new Map<string, number>();
	private termText: string[] = [];
	private postDocs: Int32Array[] = [];
	private postTfs: Uint32Array[] = [];
	private postLen = new Int32Array(1024);
	/** Postings of dead tickets still in a list (until compaction): df = postLen − deadIn. */
	private deadIn = new Int32Array(1024);
	// Tickets, by internal number (renumbered by compaction; callers see their own keys).
	private docs = 0;
	private dead = 0;
	private docKey = new Float64Array(256);
	private docGroup = new Int32Array(256);
	private docProduct = new Int32Array(256);
	private docAlive = new Uint8Array(256);
	private docLen = new Float32Array(256 * fieldCount);
	private docExact = new Float64Array(256);
	private docSkeleton = new Float64Array(256);
	/** Each ticket's distinct terms (for removal and feedback). */
	private docTerms: Int32Array[] = [];
	private readonly keyToDoc = new Map<number, number>();
	private readonly products = new Map<string, number>();
	private readonly lenSum = new Float64Array(fieldCount);
	// Per-ticket field factors w_f / (1 − b_f + b_f·len/avg), recomputed after changes.
	private norms = new Float32Array(0);
	private normsFresh = false;
	// Scratch space of a query.
	private scores = new Float32Array(0);
	private touched = new Int32Array(0);

	constructor(params: RankingParams = defaultRankingParams) {
		this.params = params;
	}

	get size(): number {
		return this.docs - this.dead;
	}

	get vocabularySize(): number {
		return this.termIds.size;
	}

	setParams(params: RankingParams): void {
		this.params = params;
		this.normsFresh = false;
	}

	/** Indexes one ticket under the caller's `key` (a new key; `group` is its file, for the exclude option). */
	add(key: number, group: number, fields: TicketFields, product?: string): void {
		if (this.keyToDoc.has(key)) this.remove(key);
		if (this.dead >= deadMinimum && this.dead >= deadShare * this.docs) this.compact();
		const doc = this.docs++;
		this.ensureDocCapacity(this.docs);
		this.docKey[doc] = key;
		this.docGroup[doc] = group;
		this.docProduct[doc] = product ? this.productId(product) : -1;
		this.docAlive[doc] = 1;
		const print = copyPrint(fields);
		this.docExact[doc] = print.exact;
		this.docSkeleton[doc] = print.skeleton;
		this.keyToDoc.set(key, doc);

		// Field counts packed 8 bits per field (capped at 255: BM25 saturates long before).
		const counts = new Map<string, number>();
		for (let f = 0; f < fieldCount; f++) {
			const shift = 8 * f;
			let length = 0;
			forEachTerm(fields[fieldNames[f]], (term) => {
				length++;
				const packed = counts.get(term) ?? 0;
				if (((packed >>> shift) & 255) < 255) counts.set(term, packed + (1 << shift));
			});
			this.docLen[doc * fieldCount + f] = length;
			this.lenSum[f] += length;
		}
		const ids = new Int32Array(counts.size);
		let k = 0;
		for (const [term, packed] of counts) {
			const id = this.termId(term);
			ids[k++] = id;
			this.post(id, doc, packed >>> 0);
		}
		this.docTerms[doc] = ids;
		this.normsFresh = false;
	}

	remove(key: number): boolean {
		const doc = this.keyToDoc.get(key);
		if (doc === undefined) return false;
		this.keyToDoc.delete(key);
		this.docAlive[doc] = 0;
		this.dead++;
		for (const id of this.docTerms[doc]) this.deadIn[id]++;
		this.docTerms[doc] = empty;
		for (let f = 0; f < fieldCount; f++) this.lenSum[f] -= this.docLen[doc * fieldCount + f];
		this.normsFresh = false;
		return true;
	}

	has(key: number): boolean {
		return this.keyToDoc.has(key);
	}

	/**
	 * The weighted terms of a ticket as a query: its strongest `queryTerms` terms. `indexed` says the
	 * ticket itself is in the index, so a term only it has (df 1) matches nothing else and is skipped.
	 */
	ticketQuery(fields: TicketFields, indexed = false): Query {
		const p = this.params;
		const weights = new Map<string, number>();
		for (const name of fieldNames) {
			const w = p.queryFieldWeights[name];
			if (w) forEachTerm(fields[name], (term) => weights.set(term, (weights.get(term) ?? 0) + w));
		}
		const ranked: [string, number, number][] = [];
		for (const [term, w] of weights) {
			const id = this.termIds.get(term);
			// A term no other ticket has cannot match: it would only take a place.
			if (id === undefined || this.postLen[id] - this.deadIn[id] < (indexed ? 2 : 1)) continue;
			const q = Math.log(1 + w);
			ranked.push([term, q, q * this.idf(id) * p.kindWeights[termKind(term)]]);
		}
		ranked.sort((a, b) => b[2] - a[2]);
		return new Map(ranked.slice(0, p.queryTerms).map(([term, q]) => [term, q]));
	}

	/** The terms of typed text as a query, each counted once per occurrence. */
	textQuery(text: string): Query {
		const weights = new Map<string, number>();
		forEachTerm(text, (term) => weights.set(term, (weights.get(term) ?? 0) + 1));
		return weights;
	}

	search(query: Query, options: SearchOptions = {}): SearchHit[] {
		const limit = Math.max(0, options.limit ?? 10);
		if (!limit || !query.size || !this.size) return [];
		if (this.dead >= deadMinimum && this.dead >= deadShare * this.docs) this.compact();
		this.refreshNorms();
		const feedback = this.params.feedback;
		let pass = this.rank(query, options, limit + 8);
		if (options.feedback && feedback.docs > 0 && feedback.weight > 0 && pass.best.length) {
			const expanded = this.expand(query, pass.best.slice(0, feedback.docs));
			pass = this.rank(expanded, options, limit + 8);
		}
		const hits: SearchHit[] = [];
		for (const [d, score] of pass.best) {
			if (hits.length >= limit) break;
			if (options.excludeCopiesOf && this.isCopy(d, options.excludeCopiesOf)) continue;
			hits.push({ key: this.docKey[d], score, matchedTerms: this.matchedTerms(d, pass.terms) });
		}
		return hits;
	}

	/** One scoring pass: the `size` best living tickets that pass the filters, best first. */
	private rank(query: Query, options: SearchOptions, size: number): { best: [number, number][]; terms: [number, number][] } {
		const { k1, kindWeights } = this.params;
		const scores = this.scores;
		const touched = this.touched;
		const alive = this.docAlive;
		const norms = this.norms;
		let count = 0;
		const terms: [number, number][] = [];
		for (const [term, q] of query) {
			const id = this.termIds.get(term);
			if (id === undefined || q <= 0) continue;
			const base = q * this.idf(id) * kindWeights[termKind(term)];
			if (base <= 0) continue;
			terms.push([id, base]);
			const docs = this.postDocs[id];
			const tfs = this.postTfs[id];
			const n = this.postLen[id];
			for (let i = 0; i < n; i++) {
				const d = docs[i];
				if (!alive[d]) continue;
				const x = pseudoTf(tfs[i], norms, d);
				if (x <= 0) continue;
				if (scores[d] === 0) touched[count++] = d;
				scores[d] += (base * x) / (k1 + x);
			}
		}
		const productFilter = options.product === undefined ? undefined : (this.products.get(options.product) ?? -2);
		const best = new TopK(size);
		for (let i = 0; i < count; i++) {
			const d = touched[i];
			const score = scores[d];
			scores[d] = 0;
			if (options.excludeGroup !== undefined && this.docGroup[d] === options.excludeGroup) continue;
			if (productFilter !== undefined && this.docProduct[d] !== productFilter) continue;
			if (options.excludeKeys?.has(this.docKey[d])) continue;
			best.offer(d, score);
		}
		return { best: best.sorted(), terms };
	}

	/** The query plus the strongest terms of the given tickets, each ticket's terms weighed as a query of it. */
	private expand(query: Query, top: readonly [number, number][]): Query {
		const { terms: count, weight } = this.params.feedback;
		const total = top.reduce((sum, [, score]) => sum + score, 0) || 1;
		const added = new Map<number, number>();
		for (const [doc, score] of top) {
			const vector = this.docQuery(doc);
			const norm = Math.hypot(...vector.map(([, w]) => w)) || 1;
			for (const [id, w] of vector) added.set(id, (added.get(id) ?? 0) + ((score / total) * w) / norm);
		}
		const chosen = [...added].sort((a, b) => b[1] - a[1]).slice(0, count);
		const addedNorm = Math.hypot(...chosen.map(([, w]) => w)) || 1;
		const queryNorm = Math.hypot(...query.values()) || 1;
		const expanded = new Map<string, number>();
		for (const [term, q] of query) expanded.set(term, q / queryNorm);
		for (const [id, w] of chosen) {
			const term = this.termText[id];
			expanded.set(term, (expanded.get(term) ?? 0) + (weight * w) / addedNorm);
		}
		return expanded;
	}

	/** An indexed ticket's terms weighed as ticketQuery weighs a query's (from the index, without the text). */
	private docQuery(doc: number): [number, number][] {
		const p = this.params;
		const qw = fieldNames.map((f) => p.queryFieldWeights[f]);
		const ranked: [number, number, number][] = [];
		for (const id of this.docTerms[doc]) {
			if (this.postLen[id] - this.deadIn[id] < 2) continue;
			const at = binarySearch(this.postDocs[id], this.postLen[id], doc);
			if (at < 0) continue;
			const packed = this.postTfs[id][at];
			const w = (packed & 255) * qw[0] + ((packed >>> 8) & 255) * qw[1] + ((packed >>> 16) & 255) * qw[2] + (packed >>> 24) * qw[3];
			if (w <= 0) continue;
			const q = Math.log(1 + w);
			ranked.push([id, q, q * this.idf(id) * p.kindWeights[termKind(this.termText[id])]]);
		}
		ranked.sort((a, b) => b[2] - a[2]);
		return ranked.slice(0, p.queryTerms).map(([id, q]) => [id, q]);
	}

	private isCopy(doc: number, of: CopyCandidate): boolean {
		if (this.docExact[doc] === of.print.exact) return true;
		return this.docSkeleton[doc] === of.print.skeleton && !!of.confirm?.(this.docKey[doc]);
	}

	/** The query terms that contributed most to a ticket's score. */
	private matchedTerms(doc: number, terms: readonly [number, number][]): string[] {
		const { k1 } = this.params;
		const contributions: [string, number][] = [];
		for (const [id, base] of terms) {
			const at = binarySearch(this.postDocs[id], this.postLen[id], doc);
			if (at < 0) continue;
			const x = pseudoTf(this.postTfs[id][at], this.norms, doc);
			if (x > 0) contributions.push([this.termText[id], (base * x) / (k1 + x)]);
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

	private idf(id: number): number {
		const df = this.postLen[id] - this.deadIn[id];
		return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
	}

	private termId(term: string): number {
		let id = this.termIds.get(term);
		if (id === undefined) {
			id = this.termText.length;
			this.termIds.set(term, id);
			this.termText.push(term);
			this.postDocs.push(new Int32Array(2));
			this.postTfs.push(new Uint32Array(2));
			if (id >= this.postLen.length) {
				this.postLen = grow(this.postLen, id + 1);
				this.deadIn = grow(this.deadIn, id + 1);
			}
		}
		return id;
	}

	private post(id: number, doc: number, packed: number): void {
		const n = this.postLen[id];
		if (n === this.postDocs[id].length) {
			this.postDocs[id] = grow(this.postDocs[id], n + 1);
			this.postTfs[id] = grow(this.postTfs[id], n + 1);
		}
		this.postDocs[id][n] = doc;
		this.postTfs[id][n] = packed;
		this.postLen[id] = n + 1;
	}

	private productId(product: string): number {
		let id = this.products.get(product);
		if (id === undefined) this.products.set(product, (id = this.products.size));
		return id;
	}

	private ensureDocCapacity(n: number): void {
		if (n <= this.docKey.length) return;
		this.docKey = grow(this.docKey, n);
		this.docGroup = grow(this.docGroup, n);
		this.docProduct = grow(this.docProduct, n);
		this.docAlive = grow(this.docAlive, n);
		this.docExact = grow(this.docExact, n);
		this.docSkeleton = grow(this.docSkeleton, n);
		this.docLen = grow(this.docLen, n * fieldCount);
	}

	private refreshNorms(): void {
		if (this.normsFresh && this.norms.length >= this.docs * fieldCount) return;
		if (this.norms.length < this.docs * fieldCount) this.norms = new Float32Array(this.docKey.length * fieldCount);
		if (this.scores.length < this.docs) {
			this.scores = new Float32Array(this.docKey.length);
			this.touched = new Int32Array(this.docKey.length);
		}
		const alive = Math.max(1, this.size);
		const { fieldWeights, fieldB } = this.params;
		for (let f = 0; f < fieldCount; f++) {
			const name = fieldNames[f];
			const w = fieldWeights[name];
			const b = fieldB[name];
			const avg = this.lenSum[f] / alive || 1;
			for (let d = 0; d < this.docs; d++) {
				const len = this.docLen[d * fieldCount + f];
				// An empty field has no term to weigh (and with b = 1 its factor would divide by zero).
				this.norms[d * fieldCount + f] = len > 0 ? w / (1 - b + (b * len) / avg) : 0;
			}
		}
		this.normsFresh = true;
	}

	/** Drops dead tickets from every list and renumbers the living ones (order kept, so lists stay sorted). */
	private compact(): void {
		const remap = new Int32Array(this.docs);
		let next = 0;
		for (let d = 0; d < this.docs; d++) {
			if (!this.docAlive[d]) {
				remap[d] = -1;
				continue;
			}
			remap[d] = next;
			this.docKey[next] = this.docKey[d];
			this.docGroup[next] = this.docGroup[d];
			this.docProduct[next] = this.docProduct[d];
			this.docAlive[next] = 1;
			this.docExact[next] = this.docExact[d];
			this.docSkeleton[next] = this.docSkeleton[d];
			this.docLen.copyWithin(next * fieldCount, d * fieldCount, (d + 1) * fieldCount);
			this.docTerms[next] = this.docTerms[d];
			next++;
		}
		this.docAlive.fill(0, next, this.docs);
		this.docTerms.length = next;
		this.deadIn.fill(0);
		for (let id = 0; id < this.termText.length; id++) {
			const docs = this.postDocs[id];
			const tfs = this.postTfs[id];
			let n = 0;
			for (let i = 0; i < this.postLen[id]; i++) {
				const d = remap[docs[i]];
				if (d < 0) continue;
				docs[n] = d;
				tfs[n] = tfs[i];
				n++;
			}
			this.postLen[id] = n;
			// Give back what a list no longer needs (a file re-indexed many times grows its lists).
			if (docs.length > 2 * n + 8) {
				this.postDocs[id] = docs.slice(0, n + 2);
				this.postTfs[id] = tfs.slice(0, n + 2);
			}
		}
		this.keyToDoc.clear();
		for (let d = 0; d < next; d++) this.keyToDoc.set(this.docKey[d], d);
		this.docs = next;
		this.dead = 0;
		this.normsFresh = false;
	}
}

function pseudoTf(packed: number, norms: Float32Array, doc: number): number {
	const at = doc * fieldCount;
	return (packed & 255) * norms[at] + ((packed >>> 8) & 255) * norms[at + 1] + ((packed >>> 16) & 255) * norms[at + 2] + (packed >>> 24) * norms[at + 3];
}

function binarySearch(values: Int32Array, length: number, target: number): number {
	let lo = 0;
	let hi = length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		const v = values[mid];
		if (v < target) lo = mid + 1;
		else if (v > target) hi = mid - 1;
		else return mid;
	}
	return -1;
}

type Growable = Int32Array | Uint32Array | Uint8Array | Float32Array | Float64Array;

function grow<T extends Growable>(array: T, atLeast: number): T {
	let size = Math.max(4, array.length);
	while (size < atLeast) size *= 2;
	const next = new (array.constructor as new (n: number) => T)(size);
	next.set(array);
	return next;
}

/** The k best (ticket, score) pairs, by a min-heap. */
class TopK {
	private readonly docs: number[] = [];
	private readonly scores: number[] = [];

	constructor(private readonly k: number) {}

	offer(doc: number, score: number): void {
		const { docs, scores } = this;
		if (docs.length < this.k) {
			docs.push(doc);
			scores.push(score);
			this.up(docs.length - 1);
		} else if (score > scores[0]) {
			docs[0] = doc;
			scores[0] = score;
			this.down(0);
		}
	}

	sorted(): [number, number][] {
		return this.docs.map((d, i): [number, number] => [d, this.scores[i]]).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
	}

	private up(i: number): void {
		while (i > 0) {
			const parent = (i - 1) >> 1;
			if (this.scores[parent] <= this.scores[i]) break;
			this.swap(i, parent);
			i = parent;
		}
	}

	private down(i: number): void {
		const n = this.docs.length;
		for (;;) {
			const l = 2 * i + 1;
			const r = l + 1;
			let m = i;
			if (l < n && this.scores[l] < this.scores[m]) m = l;
			if (r < n && this.scores[r] < this.scores[m]) m = r;
			if (m === i) break;
			this.swap(i, m);
			i = m;
		}
	}

	private swap(a: number, b: number): void {
		[this.docs[a], this.docs[b]] = [this.docs[b], this.docs[a]];
		[this.scores[a], this.scores[b]] = [this.scores[b], this.scores[a]];
	}
}
