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
 * Storage is what a 100k-ticket workspace needs and no more, and a query reads as little as it
 * can: each posting is a ticket number and its impact tf~/(k1 + tf~) computed when the ticket is
 * added and kept in a byte (so scoring is one multiply-add per posting); once the index has
 * settled, each ticket keeps its 64 strongest terms and their impacts (for removal and feedback)
 * and a few numbers. Lists grow in arenas while a big index is built and settle into a few big
 * arrays (arena.ts: the memory of 100k tickets' small arrays would not go back to the system).
 * Removal marks a ticket dead; the lists are compacted once a quarter of them is dead.
 * Length normalisation is against fixed average lengths (see pivotLengths), so impacts never need
 * recomputing.
 */
import { Arena } from './arena';
import { copyPrint, type CopyPrint } from '../duplicates/exactCopies';
import { detached } from '../document/detached';
import type { TicketFields } from '../document/ticketDigest';
import { runSteps, type Steps } from '../document/steps';
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
	/** A query by ticket leaves out terms found in more than this share of the tickets (they match everything). */
	readonly maxDfShare: number;
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
 * apart, agreed on the shape below; this setting scores 0.312 (0.314 since settle() breaks ties
 * between a ticket's equally strong terms differently), and the 29 single-parameter steps
 * away from it score 0.281–0.319 (median 0.305), so it sits on a plateau, not on a spike.
 * BM25 with equal fields, k1 1.2, b 0.75 and every query term scores 0.239. What the data said:
 * - the title is the densest field (weight 5; 3 or 8 lose 0.001–0.012); the answers carry the staff's
 *   vocabulary of the problem (the customer's words alone reach 0.19); the dialog repeats both and
 *   adds chat, so it counts half, fully length-normalised (b 1) like the answers;
 * - k1 3: a term repeated in a long dialog may keep counting longer than BM25's usual 1.2 (−0.017);
 * - a query keeps its 100 strongest terms, and none found in more than a fifth of the tickets:
 *   those match everything, and leaving them out makes a query read 40% fewer postings;
 * - CJK unigrams and Latin words at half weight: single characters are ambiguous, and words are
 *   mostly domain names, keys and code that match by accident;
 * - feedback from the 10 best tickets of a first pass adds 0.042 (0.270 without): the answers of
 *   similar cases name the fix, which the query ticket may not.
 * The 2-fold cross-validated figure of the search (choose on one half, score the other) was 0.275:
 * on unseen data expect a little less than the tuned figure.
 */
export const defaultRankingParams: RankingParams = {
	fieldWeights: { title: 5, description: 0.5, answers: 1, dialog: 0.5 },
	fieldB: { title: 0.5, description: 0.75, answers: 1, dialog: 1 },
	k1: 3,
	queryFieldWeights: { title: 5, description: 0.5, answers: 1, dialog: 0.5 },
	queryTerms: 100,
	maxDfShare: 0.2,
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
const emptyIds = new Int32Array(0);
const emptyImpacts = new Uint8Array(0);
const maxMatchedTerms = 5;
/** Terms a ticket keeps for feedback once the index has settled (feedback reads its best 100 by idf, most of them among these). */
const forwardTerms = 64;
/** Up to this many removals are counted in deadIn by a lookup in every list, more by a pass over the postings. */
const fewRemovals = 16;
/** Postings read between two steps of settleSteps (about 2 ms). */
const postingsPerStep = 100_000;
/** Compaction once this share of the tickets is dead (and at least this many). */
const deadShare = 0.25;
const deadMinimum = 256;
/** Masked copies confirmed on their texts per query, at most (each may read a file). */
const maxConfirms = 4;
/** Impacts tf~/(k1 + tf~) ∈ (0, 1) are stored in a byte. */
const impactLevels = 255;
/**
 * The length each field is normalised against (BM25's avglen): the real dump's average field
 * lengths in terms, fixed. A fixed pivot makes a ticket's impacts independent of what else is
 * indexed and when, so a file re-indexed after edits scores as it did when first read.
 */
const pivotLengths = [18, 51, 169, 313];

export class SearchIndex {
	private readonly params: RankingParams;
	// Terms, and per term its postings: ticket numbers (ascending) and impacts.
	private readonly termIds = new Map<string, number>();
	private termText: string[] = [];
	private postDocs: Int32Array[] = [];
	private postImpacts: Uint8Array[] = [];
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
	private docExact = new Float64Array(256);
	private docSkeleton = new Float64Array(256);
	/**
	 * Each ticket's strongest `forwardTerms` terms and their impacts, for feedback. Empty until the
	 * first settle(), which derives them from the postings (see settleSteps).
	 */
	private docTerms: Int32Array[] = [];
	private docImpacts: Uint8Array[] = [];
	private pruning = false;
	/** Every ticket has its forward list (after the first settle(); see docQuery). */
	private forwardReady = false;
	/** Tickets removed since deadIn was counted (see remove and countDead). */
	private deadSinceCount: number[] = [];
	private compactions = 0;
	/** Postings placed in the pool by pool(), and those of them since moved out to lists of their own. */
	private pooledSize = 0;
	private unpooled = 0;
	private inPool = new Uint8Array(0);
	/** Where lists grow until the first settle() (see arena.ts): 64 MB blocks, mapped apart from the rest. */
	private idArena: Arena<Int32Array> | undefined = new Arena(Int32Array, 16 * 2 ** 20);
	private impactArena: Arena<Uint8Array> | undefined = new Arena(Uint8Array, 64 * 2 ** 20);
	private readonly keyToDoc = new Map<number, number>();
	private readonly products = new Map<string, number>();
	// Scratch space of a query.
	private scores = new Float32Array(256);
	private touched = new Int32Array(256);

	/** The parameters are baked into the stored impacts: a new setting needs a new index. */
	constructor(params: RankingParams = defaultRankingParams) {
		this.params = params;
	}

	get size(): number {
		return this.docs - this.dead;
	}

	get vocabularySize(): number {
		return this.termIds.size;
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
		const factors = this.fieldFactors(lengths);
		const k1 = this.params.k1;
		const entries: [number, number][] = [];
		for (const [term, packed] of counts) {
			const x = pseudoTf(packed >>> 0, factors);
			if (x <= 0) continue;
			entries.push([this.termId(term), Math.min(impactLevels, Math.max(1, Math.round((impactLevels * x) / (k1 + x))))]);
		}
		for (const [id, impact] of entries) this.post(id, doc, impact);
		// Before the first settle() the forward list is left out: settle() derives every ticket's from the postings.
		if (this.pruning) this.setForward(doc, this.strongest(entries));
		else {
			this.docTerms[doc] = emptyIds;
			this.docImpacts[doc] = emptyImpacts;
		}
		if (this.pooledSize && this.unpooled > this.pooledSize / 2) this.pool();
	}

	/**
	 * After a big indexing run: each ticket keeps only its strongest `forwardTerms` terms (what
	 * feedback reads), ranked with the whole workspace's idf; tickets added later are cut as added.
	 * Also gives back the room the lists grew into.
	 */
	settle(): void {
		runSteps(this.settleSteps());
	}

	/**
	 * The same in steps (a 100k-ticket index takes seconds); adding and removing tickets meanwhile is
	 * fine. Every ticket's forward list comes from one pass over the postings: each posting offers its
	 * term to its ticket's 64 strongest so far (a small heap per ticket, in typed arrays). Keeping the
	 * full lists while indexing instead would take 300 terms a ticket, 150 MB at 100k tickets.
	 */
	*settleSteps(): Steps<void> {
		this.pruning = true;
		for (;;) {
			const compactions = this.compactions;
			const docs = this.docs;
			const k = forwardTerms;
			const heapWeights = new Float32Array(docs * k);
			const heapIds = new Int32Array(docs * k);
			const heapImpacts = new Uint8Array(docs * k);
			const heapSizes = new Uint8Array(docs);
			const deadIn = new Int32Array(this.deadIn.length);
			// This pass counts the dead postings again; removals from now on are counted at the next query.
			this.deadSinceCount = [];
			const maxDf = Math.max(2, this.params.maxDfShare * this.size);
			let read = 0;
			let renumbered = false;
			for (let id = 0; id < this.termText.length && !renumbered; id++) {
				const weight = this.termWeight(id, maxDf);
				const list = this.postDocs[id];
				const impacts = this.postImpacts[id];
				const n = this.postLen[id];
				for (let i = 0; i < n; i++) {
					const d = list[i];
					if (!this.docAlive[d]) deadIn[id]++;
					else if (weight > 0 && d < docs) offer(heapWeights, heapIds, heapImpacts, heapSizes, d, impacts[i] * weight, id, impacts[i]);
				}
				read += n;
				if (read >= postingsPerStep) {
					read = 0;
					yield;
					renumbered = this.compactions !== compactions;
				}
			}
			if (renumbered) continue; // Tickets were renumbered meanwhile: start again.
			// Dead tickets' postings, counted again (before, removals could not say which terms they had).
			this.deadIn = grow(deadIn, this.deadIn.length);
			// Removed while this pass read the lists: some lists counted them, some did not.
			if (this.deadSinceCount.length) {
				this.deadSinceCount = [];
				this.recountDead();
			}
			for (let d = 0; d < docs; d++) {
				// Tickets added meanwhile got theirs when added.
				if (!this.docAlive[d] || this.docTerms[d].length) continue;
				this.docTerms[d] = heapIds.subarray(d * k, d * k + heapSizes[d]);
				this.docImpacts[d] = heapImpacts.subarray(d * k, d * k + heapSizes[d]);
			}
			break;
		}
		this.forwardReady = true;
		yield;
		// The forward lists are in three big arrays already (a ticket's part is 64 terms long).
		yield* this.poolSteps(false);
	}

	/**
	 * Moves every list (postings and forward lists) into a few big arrays, each list a view of its
	 * part. A 100k-ticket index is a few hundred thousand small arrays otherwise, each with its own
	 * allocation: grown by doubling while indexing, they leave the process's memory fragmented, and
	 * what was freed is not given back to the system. One big allocation is. A list that grows later
	 * leaves its view for an array of its own; when those hold half the pool, the pool is rebuilt.
	 */
	private pool(): void {
		runSteps(this.poolSteps());
	}

	/** The same in four steps, one per kind of list (each is consistent with the lengths at its time); the postings alone if not `forward`. */
	private *poolSteps(forward = true): Steps<void> {
		this.postDocs = pooled(this.postDocs, this.postLen, this.termText.length, Int32Array);
		const terms = this.termText.length;
		this.pooledSize = this.postLen.subarray(0, terms).reduce((sum, n) => sum + n, 0);
		this.unpooled = 0;
		this.inPool = new Uint8Array(terms).fill(1);
		yield;
		this.postImpacts = pooled(this.postImpacts, this.postLen, this.termText.length, Uint8Array);
		this.idArena = this.impactArena = undefined;
		if (!forward) return;
		yield;
		this.docTerms = pooled(this.docTerms, Int32Array.from(this.docTerms, (ids) => ids.length), this.docs, Int32Array);
		yield;
		this.docImpacts = pooled(this.docImpacts, Int32Array.from(this.docImpacts, (ids) => ids.length), this.docs, Uint8Array);
	}

	/**
	 * A ticket's terms worth keeping for feedback: its `forwardTerms` strongest by impact × idf ×
	 * kind, the common ones left out (a ticket added after the index settled; settleSteps ranks the
	 * others). Weight and position are packed into one number per term and sorted natively.
	 */
	private strongest(entries: [number, number][]): [number, number][] {
		const n = entries.length;
		if (n <= forwardTerms) return entries;
		const maxDf = Math.max(2, this.params.maxDfShare * this.size);
		const weight = (i: number) => entries[i][1] * this.termWeight(entries[i][0], maxDf);
		if (n > 0xffff) {
			return Array.from(entries, (_, i) => i)
				.sort((a, b) => weight(b) - weight(a))
				.slice(0, forwardTerms)
				.map((i) => entries[i]);
		}
		// Weight to a millionth in the high part, position in the low 16 bits (an earlier term first among equals).
		const keys = new Float64Array(n);
		for (let i = 0; i < n; i++) keys[i] = Math.floor(weight(i) * 1e6) * 0x10000 + (0xffff - i);
		keys.sort();
		const kept: [number, number][] = [];
		for (let k = n - 1; k >= 0 && kept.length < forwardTerms; k--) kept.push(entries[0xffff - (keys[k] % 0x10000)]);
		return kept;
	}

	/** What an impact of a term is multiplied by to rank a ticket's terms: idf × kind, 0 for the common ones. */
	private termWeight(id: number, maxDf: number): number {
		return this.df(id) > maxDf ? 0 : this.idf(id) * this.params.kindWeights[termKind(this.termText[id])];
	}

	private setForward(doc: number, entries: [number, number][]): void {
		entries.sort((a, b) => a[0] - b[0]);
		const ids = new Int32Array(entries.length);
		const impacts = new Uint8Array(entries.length);
		entries.forEach(([id, impact], i) => {
			ids[i] = id;
			impacts[i] = impact;
		});
		this.docTerms[doc] = ids;
		this.docImpacts[doc] = impacts;
	}

	remove(key: number): boolean {
		const doc = this.keyToDoc.get(key);
		if (doc === undefined) return false;
		this.keyToDoc.delete(key);
		this.docAlive[doc] = 0;
		this.dead++;
		// Its forward list names 64 of its terms at most (none before the first settle): the dead postings
		// of each list are counted again at the next query, one pass over the postings, so df stays exact.
		this.deadSinceCount.push(doc);
		this.docTerms[doc] = emptyIds;
		this.docImpacts[doc] = emptyImpacts;
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
		this.countDead();
		const p = this.params;
		const weights = new Map<string, number>();
		for (const name of fieldNames) {
			const w = p.queryFieldWeights[name];
			if (w) forEachTerm(fields[name], (term) => weights.set(term, (weights.get(term) ?? 0) + w));
		}
		const ranked: [string, number, number][] = [];
		const maxDf = Math.max(2, p.maxDfShare * this.size);
		for (const [term, w] of weights) {
			const id = this.termIds.get(term);
			// A term no other ticket has cannot match: it would only take a place.
			if (id === undefined || this.df(id) < (indexed ? 2 : 1) || this.df(id) > maxDf) continue;
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
		this.countDead();
		const limit = Math.max(0, options.limit ?? 10);
		if (!limit || !query.size || !this.size) return [];
		if (this.dead >= deadMinimum && this.dead >= deadShare * this.docs) this.compact();
		if (this.scores.length < this.docs) {
			this.scores = new Float32Array(this.docKey.length);
			this.touched = new Int32Array(this.docKey.length);
		}
		const { kindWeights, feedback } = this.params;
		// Term → weight × idf × kind, the factor of its impacts.
		const weights = new Map<number, number>();
		for (const [term, q] of query) {
			const id = this.termIds.get(term);
			if (id === undefined || q <= 0) continue;
			const base = q * this.idf(id) * kindWeights[termKind(term)];
			if (base > 0) weights.set(id, base);
		}
		const filter = this.filterOf(options);
		let count = this.accumulate(weights, 0);
		if (options.feedback && feedback.docs > 0 && feedback.weight > 0 && count) {
			// Feedback adds to the first pass's sums: only the added terms are read again.
			const top = this.best(count, feedback.docs, filter, false);
			const added = this.expansion(query, top);
			count = this.accumulate(added, count);
			for (const [id, w] of added) weights.set(id, (weights.get(id) ?? 0) + w);
		}
		const best = this.best(count, limit + 8, filter, true);
		const hits: SearchHit[] = [];
		let confirms = 0;
		for (const [d, score] of best) {
			if (hits.length >= limit) break;
			const copyOf = options.excludeCopiesOf;
			// A masked copy shares the query's skeleton; the caller confirms on the texts, a few times per query at most.
			if (copyOf?.confirm && this.docSkeleton[d] === copyOf.print.skeleton && confirms++ < maxConfirms && copyOf.confirm(this.docKey[d])) continue;
			hits.push({ key: this.docKey[d], score: score / impactLevels, matchedTerms: this.matchedTerms(d, weights) });
		}
		return hits;
	}

	/** Adds each term's weight × impact to its tickets' sums; returns the count of tickets touched. */
	private accumulate(weights: ReadonlyMap<number, number>, count: number): number {
		const { scores, touched, docAlive: alive } = this;
		for (const [id, base] of weights) {
			const docs = this.postDocs[id];
			const impacts = this.postImpacts[id];
			const n = this.postLen[id];
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

	/** The best `size` touched tickets passing `filter`, best first; `reset` clears the sums for the next query. */
	private best(count: number, size: number, filter: (doc: number) => boolean, reset: boolean): [number, number][] {
		const { scores, touched } = this;
		const top = new TopK(size);
		for (let i = 0; i < count; i++) {
			const d = touched[i];
			const score = scores[d];
			if (reset) scores[d] = 0;
			if (filter(d)) top.offer(d, score);
		}
		return top.sorted();
	}

	private filterOf(options: SearchOptions): (doc: number) => boolean {
		const product = options.product === undefined ? undefined : (this.products.get(options.product) ?? -2);
		const exactCopy = options.excludeCopiesOf?.print.exact;
		const { excludeGroup, excludeKeys } = options;
		return (d) =>
			(excludeGroup === undefined || this.docGroup[d] !== excludeGroup) &&
			(product === undefined || this.docProduct[d] === product) &&
			!excludeKeys?.has(this.docKey[d]) &&
			// Exact copies go here, so that many copies of the query cannot crowd out the results.
			this.docExact[d] !== exactCopy;
	}

	/**
	 * The feedback terms: each of the best tickets' strongest terms (by impact × idf), its vector
	 * normalised and shared by squared score; the `terms` heaviest, scaled to `weight` times the query's
	 * length (in the units of the query's own weights × idf × kind).
	 */
	private expansion(query: Query, top: readonly [number, number][]): Map<number, number> {
		const p = this.params;
		// Shares go by the square of the score: the closest matches lend most, so that a template
		// reply common to many loosely similar tickets does not outweigh the near-identical ones.
		const total = top.reduce((sum, [, score]) => sum + score * score, 0) || 1;
		const added = new Map<number, number>();
		for (const [doc, score] of top) {
			const vector = this.docQuery(doc);
			const norm = Math.hypot(...vector.map(([, w]) => w)) || 1;
			for (const [id, w] of vector) added.set(id, (added.get(id) ?? 0) + ((score * score) / total) * (w / norm));
		}
		const chosen = [...added].sort((a, b) => b[1] - a[1]).slice(0, p.feedback.terms);
		const addedNorm = Math.hypot(...chosen.map(([, w]) => w)) || 1;
		const queryNorm = Math.hypot(...query.values()) || 1;
		const scale = (p.feedback.weight * queryNorm) / addedNorm;
		return new Map(chosen.map(([id, w]) => [id, scale * w * this.idf(id) * p.kindWeights[termKind(this.termText[id])]]));
	}

	/** An indexed ticket's strongest terms shared with other tickets, as [term, weight] (from the index, without the text). */
	private docQuery(doc: number): [number, number][] {
		const p = this.params;
		let ids = this.docTerms[doc];
		let impacts = this.docImpacts[doc];
		if (!ids.length && !this.forwardReady) [ids, impacts] = this.termsOf(doc);
		const ranked: [number, number, number][] = [];
		const maxDf = Math.max(2, p.maxDfShare * this.size);
		for (let i = 0; i < ids.length; i++) {
			const id = ids[i];
			if (this.df(id) < 2 || this.df(id) > maxDf) continue;
			const w = impacts[i] / impactLevels;
			ranked.push([id, w, w * this.idf(id) * p.kindWeights[termKind(this.termText[id])]]);
		}
		ranked.sort((a, b) => b[2] - a[2]);
		return ranked.slice(0, p.queryTerms).map(([id, w]) => [id, w]);
	}

	/**
	 * Brings deadIn up to date with the tickets removed since it was counted: a few are looked up in
	 * every list (an edit removes one; 3 ms at 100k tickets), many by one pass over the postings.
	 */
	private countDead(): void {
		const removed = this.deadSinceCount;
		if (!removed.length) return;
		this.deadSinceCount = [];
		if (removed.length <= fewRemovals) {
			for (let id = 0; id < this.termText.length; id++) {
				for (const doc of removed) if (binarySearch(this.postDocs[id], this.postLen[id], doc) >= 0) this.deadIn[id]++;
			}
			return;
		}
		this.recountDead();
	}

	private recountDead(): void {
		this.deadIn.fill(0);
		for (let id = 0; id < this.termText.length; id++) {
			const list = this.postDocs[id];
			for (let i = 0; i < this.postLen[id]; i++) if (!this.docAlive[list[i]]) this.deadIn[id]++;
		}
	}

	/**
	 * A ticket's terms and impacts, found in the postings (before the first settle() tickets keep no
	 * forward list): a binary search per term, milliseconds in a big index; only feedback asks, for
	 * its ten tickets, and only until the index settles.
	 */
	private termsOf(doc: number): [Int32Array, Uint8Array] {
		const ids: number[] = [];
		const impacts: number[] = [];
		for (let id = 0; id < this.termText.length; id++) {
			const at = binarySearch(this.postDocs[id], this.postLen[id], doc);
			if (at >= 0) {
				ids.push(id);
				impacts.push(this.postImpacts[id][at]);
			}
		}
		return [Int32Array.from(ids), Uint8Array.from(impacts)];
	}

	/** The query terms that contributed most to a ticket's score (looked up in their sorted lists). */
	private matchedTerms(doc: number, weights: ReadonlyMap<number, number>): string[] {
		const contributions: [string, number][] = [];
		for (const [id, base] of weights) {
			const at = binarySearch(this.postDocs[id], this.postLen[id], doc);
			if (at >= 0) contributions.push([this.termText[id], base * this.postImpacts[id][at]]);
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

	private df(id: number): number {
		return this.postLen[id] - this.deadIn[id];
	}

	private idf(id: number): number {
		const df = this.df(id);
		return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
	}

	/** w_f / (1 − b_f + b_f · len_f / pivot_f) for a ticket (see pivotLengths). */
	private fieldFactors(lengths: readonly number[]): Float64Array {
		const { fieldWeights, fieldB } = this.params;
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

	private termId(term: string): number {
		let id = this.termIds.get(term);
		if (id === undefined) {
			// A long word may be a view into the ticket's text (V8 slices): keep a copy, not the text.
			term = detached(term);
			id = this.termText.length;
			this.termIds.set(term, id);
			this.termText.push(term);
			this.postDocs.push(new Int32Array(2));
			this.postImpacts.push(new Uint8Array(2));
			if (id >= this.postLen.length) {
				this.postLen = grow(this.postLen, id + 1);
				this.deadIn = grow(this.deadIn, id + 1);
			}
		}
		return id;
	}

	private post(id: number, doc: number, impact: number): void {
		const n = this.postLen[id];
		if (n === this.postDocs[id].length) {
			if (this.inPool[id]) {
				this.inPool[id] = 0;
				this.unpooled += n;
			}
			this.postDocs[id] = grow(this.postDocs[id], n + 1, this.idArena);
			this.postImpacts[id] = grow(this.postImpacts[id], n + 1, this.impactArena);
		}
		this.postDocs[id][n] = doc;
		this.postImpacts[id][n] = impact;
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
			this.docTerms[next] = this.docTerms[d];
			this.docImpacts[next] = this.docImpacts[d];
			next++;
		}
		this.docAlive.fill(0, next, this.docs);
		this.docTerms.length = next;
		this.docImpacts.length = next;
		this.deadIn.fill(0);
		this.deadSinceCount = [];
		for (let id = 0; id < this.termText.length; id++) {
			const docs = this.postDocs[id];
			const impacts = this.postImpacts[id];
			let n = 0;
			for (let i = 0; i < this.postLen[id]; i++) {
				const d = remap[docs[i]];
				if (d < 0) continue;
				docs[n] = d;
				impacts[n] = impacts[i];
				n++;
			}
			this.postLen[id] = n;
		}
		this.keyToDoc.clear();
		for (let d = 0; d < next; d++) this.keyToDoc.set(this.docKey[d], d);
		this.docs = next;
		this.dead = 0;
		this.compactions++;
		// Gives back what the lists no longer need (a file re-indexed many times grows its lists).
		if (this.pruning) this.pool();
	}
}

/** Offers a term to a ticket's min-heap of its `forwardTerms` strongest (ticket d's heap is at d × forwardTerms). */
function offer(weights: Float32Array, ids: Int32Array, impacts: Uint8Array, sizes: Uint8Array, d: number, weight: number, id: number, impact: number): void {
	const base = d * forwardTerms;
	let n = sizes[d];
	let i: number;
	if (n < forwardTerms) {
		// Sift up from the end.
		i = n++;
		sizes[d] = n;
		while (i > 0) {
			const parent = (i - 1) >> 1;
			if (weights[base + parent] <= weight) break;
			weights[base + i] = weights[base + parent];
			ids[base + i] = ids[base + parent];
			impacts[base + i] = impacts[base + parent];
			i = parent;
		}
	} else {
		if (weight <= weights[base]) return;
		// Replace the weakest (the root) and sift down.
		i = 0;
		for (;;) {
			const l = 2 * i + 1;
			if (l >= n) break;
			const r = l + 1;
			const m = r < n && weights[base + r] < weights[base + l] ? r : l;
			if (weights[base + m] >= weight) break;
			weights[base + i] = weights[base + m];
			ids[base + i] = ids[base + m];
			impacts[base + i] = impacts[base + m];
			i = m;
		}
	}
	weights[base + i] = weight;
	ids[base + i] = id;
	impacts[base + i] = impact;
}

function pseudoTf(packed: number, factors: Float64Array): number {
	return (packed & 255) * factors[0] + ((packed >>> 8) & 255) * factors[1] + ((packed >>> 16) & 255) * factors[2] + (packed >>> 24) * factors[3];
}

/** Lists copied into one array per kind, in order, each list (its first `lengths[i]` values) a view of its part. */
function pooled<T extends Int32Array | Uint8Array>(lists: readonly T[], lengths: Int32Array, count: number, kind: new (n: number) => T): T[] {
	let total = 0;
	for (let i = 0; i < count; i++) total += lengths[i];
	const pool = new kind(total);
	const views: T[] = new Array(count);
	for (let i = 0, at = 0; i < count; i++) {
		const n = lengths[i];
		pool.set(lists[i].subarray(0, n), at);
		views[i] = pool.subarray(at, at + n) as T;
		at += n;
	}
	return views;
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

/** A copy of `array` with room for at least `atLeast` values (doubling), carved from `arena` when given (see arena.ts). */
function grow<T extends Growable>(array: T, atLeast: number, arena?: { alloc(length: number): T }): T {
	let size = Math.max(4, array.length);
	while (size < atLeast) size *= 2;
	const next = arena ? arena.alloc(size) : new (array.constructor as new (n: number) => T)(size);
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
