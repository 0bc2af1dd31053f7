/**
 * Each ticket's strongest terms and their impacts, for feedback (queryTerms.ts) and nothing else.
 * Keeping every term of every ticket while indexing would take 300 terms a ticket, 150 MB at 100k
 * tickets: until the index first settles tickets keep none, and settling derives each ticket's
 * `forwardTerms` strongest from the postings in one pass; tickets added later are cut as added.
 */
import { pooled } from './arena';
import type { TermWeights } from './bm25f';
import type { IndexedTickets } from './indexedTickets';
import type { PostingLists } from './postingLists';
import type { Steps } from '../document/steps';

/** Terms a ticket keeps for feedback once the index has settled (feedback reads its best 100 by idf, most of them among these). */
const forwardTerms = 64;
/** Postings read between two steps of deriveSteps (about 2 ms). */
const postingsPerStep = 100_000;
const emptyIds = new Int32Array(0);
const emptyImpacts = new Uint8Array(0);

export class ForwardLists {
	/** Term numbers (ascending) and impacts of each ticket; empty until the first settle. */
	private terms: Int32Array[] = [];
	private impacts: Uint8Array[] = [];
	/** Tickets added from now on keep their strongest terms (the index has begun to settle). */
	private pruning = false;
	/** Every ticket has its list (after the first settle; see of()). */
	private ready = false;

	get settling(): boolean {
		return this.pruning;
	}

	/** A ticket was added with these [term, impact] entries (its postings already in the lists). */
	added(doc: number, entries: [number, number][], weights: TermWeights): void {
		// Before the first settle the list is left out: deriveSteps gets every ticket's from the postings.
		if (this.pruning) this.set(doc, this.strongest(entries, weights));
		else this.clear(doc);
	}

	clear(doc: number): void {
		this.terms[doc] = emptyIds;
		this.impacts[doc] = emptyImpacts;
	}

	/** A ticket's terms and impacts: its list, or before the first settle its postings. */
	of(doc: number, lists: PostingLists): [Int32Array, Uint8Array] {
		const ids = this.terms[doc];
		if (!ids.length && !this.ready) return termsOf(doc, lists);
		return [ids, this.impacts[doc]];
	}

	/**
	 * Every ticket's list from one pass over the postings, in steps (adding and removing tickets
	 * meanwhile is fine): each posting offers its term to its ticket's strongest so far (a small
	 * heap per ticket, in typed arrays). The pass also counts the dead postings again.
	 */
	*deriveSteps(lists: PostingLists, tickets: IndexedTickets, weights: TermWeights): Steps<void> {
		this.pruning = true;
		for (;;) {
			const compactions = tickets.compactions;
			const docs = tickets.count;
			const k = forwardTerms;
			const heapWeights = new Float32Array(docs * k);
			const heapIds = new Int32Array(docs * k);
			const heapImpacts = new Uint8Array(docs * k);
			const heapSizes = new Uint8Array(docs);
			const deadIn = new Int32Array(lists.deadIn.length);
			lists.recountStarts();
			const maxDf = weights.maxDf();
			let read = 0;
			let renumbered = false;
			for (let id = 0; id < lists.terms && !renumbered; id++) {
				const weight = weights.termWeight(id, maxDf);
				const list = lists.docs[id];
				const impacts = lists.impacts[id];
				const n = lists.length[id];
				for (let i = 0; i < n; i++) {
					const d = list[i];
					if (!tickets.alive[d]) deadIn[id]++;
					else if (weight > 0 && d < docs) offer(heapWeights, heapIds, heapImpacts, heapSizes, d, impacts[i] * weight, id, impacts[i]);
				}
				read += n;
				if (read >= postingsPerStep) {
					read = 0;
					yield;
					renumbered = tickets.compactions !== compactions;
				}
			}
			if (renumbered) continue; // Tickets were renumbered meanwhile: start again.
			// Before, removals could not say which terms they had.
			lists.recounted(deadIn, tickets.alive);
			for (let d = 0; d < docs; d++) {
				// Tickets added meanwhile got theirs when added.
				if (!tickets.alive[d] || this.terms[d].length) continue;
				this.terms[d] = heapIds.subarray(d * k, d * k + heapSizes[d]);
				this.impacts[d] = heapImpacts.subarray(d * k, d * k + heapSizes[d]);
			}
			break;
		}
		this.ready = true;
	}

	/** Moves ticket `d`'s list to `remap[d]` (−1: dropped); `count` tickets remain. */
	compact(remap: Int32Array, count: number): void {
		for (let d = 0; d < remap.length; d++) {
			const to = remap[d];
			if (to < 0) continue;
			this.terms[to] = this.terms[d];
			this.impacts[to] = this.impacts[d];
		}
		this.terms.length = count;
		this.impacts.length = count;
	}

	/** Moves the lists of the first `count` tickets into two big arrays (see arena.ts), in two steps. */
	*poolSteps(count: number): Steps<void> {
		this.terms = pooled(
			this.terms,
			Int32Array.from(this.terms, (ids) => ids.length),
			count,
			Int32Array,
		);
		yield;
		this.impacts = pooled(
			this.impacts,
			Int32Array.from(this.impacts, (ids) => ids.length),
			count,
			Uint8Array,
		);
	}

	/**
	 * A ticket's terms worth keeping for feedback: its `forwardTerms` strongest by impact × idf ×
	 * kind, the common ones left out (a ticket added after the index settled; deriveSteps ranks the
	 * others). Weight and position are packed into one number per term and sorted natively.
	 */
	private strongest(entries: [number, number][], weights: TermWeights): [number, number][] {
		const n = entries.length;
		if (n <= forwardTerms) return entries;
		const maxDf = weights.maxDf();
		const weight = (i: number) => entries[i][1] * weights.termWeight(entries[i][0], maxDf);
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

	private set(doc: number, entries: [number, number][]): void {
		entries.sort((a, b) => a[0] - b[0]);
		const ids = new Int32Array(entries.length);
		const impacts = new Uint8Array(entries.length);
		entries.forEach(([id, impact], i) => {
			ids[i] = id;
			impacts[i] = impact;
		});
		this.terms[doc] = ids;
		this.impacts[doc] = impacts;
	}
}

/**
 * A ticket's terms and impacts, found in the postings (before the first settle tickets keep no
 * list): a binary search per term, milliseconds in a big index; only feedback asks, for its ten
 * tickets, and only until the index settles.
 */
function termsOf(doc: number, lists: PostingLists): [Int32Array, Uint8Array] {
	const ids: number[] = [];
	const impacts: number[] = [];
	for (let id = 0; id < lists.terms; id++) {
		const at = lists.find(id, doc);
		if (at >= 0) {
			ids.push(id);
			impacts.push(lists.impacts[id][at]);
		}
	}
	return [Int32Array.from(ids), Uint8Array.from(impacts)];
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
