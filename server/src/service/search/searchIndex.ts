/**
 * The similar-ticket ranking: BM25F over a ticket's four fields (title, description, answers,
 * dialog; bm25f.ts), with pseudo-relevance feedback for queries by ticket (queryTerms.ts). The
 * ranking never reads a ticket's category or root cause: the product is stored only for the
 * "same product only" option. This class puts the parts together:
 * - postingLists.ts: per term, its tickets and impacts (a byte each);
 * - indexedTickets.ts: per ticket, its key, group, product, copy print, and whether alive;
 * - forwardLists.ts: per ticket, its 64 strongest terms, for feedback, once the index has settled;
 * - topK.ts: the best tickets of a query's sums.
 * Storage is what a 100k-ticket workspace needs and no more, and a query reads as little as it
 * can. Lists grow in arenas while a big index is built and settle into a few big arrays (arena.ts:
 * the memory of 100k tickets' small arrays would not go back to the system). Removal marks a
 * ticket dead; the lists are compacted once a quarter of them is dead. Length normalisation is
 * against fixed average lengths (bm25f.ts), so impacts never need recomputing.
 */
import { accumulate, impactLevels, matchedTerms, TermWeights, ticketImpacts } from './bm25f';
import { copyByPrints, copyPrint, fieldHashCount, type CopyPrint } from '../duplicates/exactCopies';
import { ForwardLists } from './forwardLists';
import { IndexedTickets } from './indexedTickets';
import { PostingLists } from './postingLists';
import { feedbackTerms, textQuery, ticketQuery, type Query } from './queryTerms';
import { defaultRankingParams, type RankingParams } from './rankingParams';
import type { TicketFields } from '../document/ticketDigest';
import { runSteps, type Steps } from '../document/steps';
import { bestOf } from './topK';

export interface SearchOptions {
	/** Most results returned (default 10). */
	readonly limit?: number;
	/** Only tickets of this product. */
	readonly product?: string;
	/** Leave out the tickets of this group (the query's own file). */
	readonly excludeGroup?: number;
	/** Leave out these tickets (the query ticket itself). */
	readonly excludeKeys?: ReadonlySet<number>;
	/** Leave out exact copies of this ticket (see exactCopies.ts). */
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

/** Masked copies confirmed on their texts per query, at most (each may read a file). */
const maxConfirms = 4;

export class SearchIndex {
	private readonly params: RankingParams;
	private readonly lists = new PostingLists();
	// Tickets by internal number (renumbered by compaction; callers see their own keys).
	private readonly tickets = new IndexedTickets();
	private readonly forward = new ForwardLists();
	private readonly weights: TermWeights;
	// Scratch space of a query.
	private scores = new Float32Array(256);
	private touched = new Int32Array(256);

	/** The parameters are baked into the stored impacts: a new setting needs a new index. */
	constructor(params: RankingParams = defaultRankingParams) {
		this.params = params;
		this.weights = new TermWeights(params, this.lists, this.tickets);
	}

	get size(): number {
		return this.tickets.size;
	}

	get vocabularySize(): number {
		return this.lists.termIds.size;
	}

	/** Indexes one ticket under the caller's `key` (a new key; `group` is its file, for the exclude option). */
	add(key: number, group: number, fields: TicketFields, product?: string): void {
		if (this.tickets.has(key)) this.remove(key);
		if (this.tickets.needsCompaction) this.compact();
		const doc = this.tickets.add(key, group, product, copyPrint(fields));
		const entries = ticketImpacts(fields, this.params, (term) => this.lists.termId(term));
		for (const [id, impact] of entries) this.lists.post(id, doc, impact);
		this.forward.added(doc, entries, this.weights);
		if (this.lists.scattered) this.pool();
	}

	/**
	 * After a big indexing run: each ticket keeps only its strongest 64 terms (what feedback reads),
	 * ranked with the whole workspace's idf; tickets added later are cut as added. Also gives back
	 * the room the lists grew into.
	 */
	settle(): void {
		runSteps(this.settleSteps());
	}

	/** The same in steps (a 100k-ticket index takes seconds); adding and removing tickets meanwhile is fine. */
	*settleSteps(): Steps<void> {
		yield* this.forward.deriveSteps(this.lists, this.tickets, this.weights);
		yield;
		// The forward lists are in three big arrays already (a ticket's part is 64 terms long).
		yield* this.lists.poolSteps();
	}

	remove(key: number): boolean {
		const doc = this.tickets.remove(key);
		if (doc === undefined) return false;
		// Its forward list names 64 of its terms at most (none before the first settle): the dead postings
		// of each list are counted again at the next query, one pass over the postings, so df stays exact.
		this.lists.removed(doc);
		this.forward.clear(doc);
		return true;
	}

	has(key: number): boolean {
		return this.tickets.has(key);
	}

	/**
	 * The weighted terms of a ticket as a query: its strongest `queryTerms` terms. `indexed` says the
	 * ticket itself is in the index, so a term only it has (df 1) matches nothing else and is skipped.
	 */
	ticketQuery(fields: TicketFields, indexed = false): Query {
		this.lists.countDead(this.tickets.alive);
		return ticketQuery(fields, indexed, this.lists, this.weights);
	}

	/** The terms of typed text as a query, each counted once per occurrence. */
	textQuery(text: string): Query {
		return textQuery(text);
	}

	search(query: Query, options: SearchOptions = {}): SearchHit[] {
		const { lists, tickets, weights: termWeights } = this;
		lists.countDead(tickets.alive);
		const limit = Math.max(0, options.limit ?? 10);
		if (!limit || !query.size || !tickets.size) return [];
		if (tickets.needsCompaction) this.compact();
		if (this.scores.length < tickets.count) {
			this.scores = new Float32Array(tickets.key.length);
			this.touched = new Int32Array(tickets.key.length);
		}
		const { scores, touched } = this;
		const { feedback } = this.params;
		// Term → weight × idf × kind, the factor of its impacts.
		const weights = new Map<number, number>();
		for (const [term, q] of query) {
			const id = lists.termIds.get(term);
			if (id === undefined || q <= 0) continue;
			const base = q * termWeights.idf(id) * termWeights.kind(term);
			if (base > 0) weights.set(id, base);
		}
		const copyOf = options.excludeCopiesOf;
		// Exact copies are filtered out, so that many copies of the query cannot crowd out the results.
		const filter = tickets.filterOf({
			product: options.product,
			excludeGroup: options.excludeGroup,
			excludeKeys: options.excludeKeys,
			excludeExact: copyOf?.print.exact,
		});
		let count = accumulate(lists, tickets.alive, weights, scores, touched, 0);
		if (options.feedback && feedback.docs > 0 && feedback.weight > 0 && count) {
			// Feedback adds to the first pass's sums: only the added terms are read again.
			const top = bestOf(scores, touched, count, feedback.docs, filter, false);
			const added = feedbackTerms(query, top, this.forward, lists, termWeights);
			count = accumulate(lists, tickets.alive, added, scores, touched, count);
			for (const [id, w] of added) weights.set(id, (weights.get(id) ?? 0) + w);
		}
		const best = bestOf(scores, touched, count, limit + 8, filter, true);
		const hits: SearchHit[] = [];
		let confirms = 0;
		for (const [d, score] of best) {
			if (hits.length >= limit) break;
			// A masked copy shares the query's skeleton. The prints settle most such tickets; the caller confirms the rest on the texts, a few times per query at most.
			if (copyOf && tickets.skeleton[d] === copyOf.print.skeleton) {
				const { fieldHashes, unmasked } = copyOf.print;
				const copy = copyByPrints(tickets.fieldHashes, d * fieldHashCount, tickets.unmasked[d], fieldHashes, 0, unmasked);
				if (copy ?? (!!copyOf.confirm && confirms++ < maxConfirms && copyOf.confirm(tickets.key[d]))) continue;
			}
			hits.push({ key: tickets.key[d], score: score / impactLevels, matchedTerms: matchedTerms(lists, d, weights) });
		}
		return hits;
	}

	/**
	 * Moves every list (postings and forward lists) into a few big arrays, each list a view of its
	 * part. A 100k-ticket index is a few hundred thousand small arrays otherwise, each with its own
	 * allocation: grown by doubling while indexing, they leave the process's memory fragmented, and
	 * what was freed is not given back to the system. One big allocation is. A list that grows later
	 * leaves its view for an array of its own; when those hold half the pool, the pool is rebuilt.
	 */
	private pool(): void {
		runSteps(this.lists.poolSteps());
		runSteps(this.forward.poolSteps(this.tickets.count));
	}

	/** Drops dead tickets from every list and renumbers the living ones (order kept, so lists stay sorted). */
	private compact(): void {
		const remap = this.tickets.compact();
		this.forward.compact(remap, this.tickets.count);
		this.lists.compact(remap);
		// Gives back what the lists no longer need (a file re-indexed many times grows its lists).
		if (this.forward.settling) this.pool();
	}
}
