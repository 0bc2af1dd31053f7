/**
 * The postings of the similar-ticket index: per term, the tickets that have it (ascending internal
 * numbers) and its impact in each, one byte (bm25f.ts). Lists grow in arenas while a big index is
 * built and are pooled into a few big arrays once it settles (arena.ts). Removing a ticket leaves
 * its postings in place until compaction; deadIn counts them, so df stays exact.
 */
import { detached } from '../document/detached';
import { Arena, grow, pooled } from './arena';
import type { Steps } from '../document/steps';

/** Up to this many removals are counted in deadIn by a lookup in every list, more by a pass over the postings. */
const fewRemovals = 16;

export class PostingLists {
	readonly termIds = new Map<string, number>();
	termText: string[] = [];
	/** Per term: its tickets (ascending) and impacts; the first `length[id]` values are in use. */
	docs: Int32Array[] = [];
	impacts: Uint8Array[] = [];
	length = new Int32Array(1024);
	/** Postings of dead tickets still in a list (until compaction): df = length − deadIn. */
	deadIn: Int32Array = new Int32Array(1024);
	/** Tickets removed since deadIn was counted (see removed and countDead). */
	private deadSinceCount: number[] = [];
	/** Postings placed in the pool by poolSteps(), and those of them since moved out to lists of their own. */
	private pooledSize = 0;
	private unpooled = 0;
	private inPool = new Uint8Array(0);
	/** Where lists grow until they are first pooled (see arena.ts): 64 MB blocks, mapped apart from the rest. */
	private idArena: Arena<Int32Array> | undefined = new Arena(Int32Array, 16 * 2 ** 20);
	private impactArena: Arena<Uint8Array> | undefined = new Arena(Uint8Array, 64 * 2 ** 20);

	get terms(): number {
		return this.termText.length;
	}

	/** Lists that grew out of the pool hold half of it: time to pool again. */
	get scattered(): boolean {
		return this.pooledSize > 0 && this.unpooled > this.pooledSize / 2;
	}

	df(id: number): number {
		return this.length[id] - this.deadIn[id];
	}

	/** The number of `term`, a new one if it has none. */
	termId(term: string): number {
		let id = this.termIds.get(term);
		if (id === undefined) {
			// A long word may be a view into the ticket's text (V8 slices): keep a copy, not the text.
			term = detached(term);
			id = this.termText.length;
			this.termIds.set(term, id);
			this.termText.push(term);
			this.docs.push(new Int32Array(2));
			this.impacts.push(new Uint8Array(2));
			if (id >= this.length.length) {
				this.length = grow(this.length, id + 1);
				this.deadIn = grow(this.deadIn, id + 1);
			}
		}
		return id;
	}

	/** Appends a posting; `doc` is above every ticket already in the list. */
	post(id: number, doc: number, impact: number): void {
		const n = this.length[id];
		if (n === this.docs[id].length) {
			if (this.inPool[id]) {
				this.inPool[id] = 0;
				this.unpooled += n;
			}
			this.docs[id] = grow(this.docs[id], n + 1, this.idArena);
			this.impacts[id] = grow(this.impacts[id], n + 1, this.impactArena);
		}
		this.docs[id][n] = doc;
		this.impacts[id][n] = impact;
		this.length[id] = n + 1;
	}

	/** Where `doc` is in the list of term `id`, or −1. */
	find(id: number, doc: number): number {
		return binarySearch(this.docs[id], this.length[id], doc);
	}

	/** A ticket was marked dead: its postings are counted in deadIn at the next countDead(). */
	removed(doc: number): void {
		this.deadSinceCount.push(doc);
	}

	/**
	 * Brings deadIn up to date with the tickets removed since it was counted: a few are looked up in
	 * every list (an edit removes one; 3 ms at 100k tickets), many by one pass over the postings.
	 */
	countDead(alive: Uint8Array): void {
		const removed = this.deadSinceCount;
		if (!removed.length) return;
		this.deadSinceCount = [];
		if (removed.length <= fewRemovals) {
			for (let id = 0; id < this.termText.length; id++) {
				for (const doc of removed) if (binarySearch(this.docs[id], this.length[id], doc) >= 0) this.deadIn[id]++;
			}
			return;
		}
		this.recountDead(alive);
	}

	/** A pass over every list that counts dead postings itself starts: removals from now on are counted at the next query. */
	recountStarts(): void {
		this.deadSinceCount = [];
	}

	/** The dead postings that pass counted; tickets removed while it read the lists are counted again. */
	recounted(deadIn: Int32Array, alive: Uint8Array): void {
		this.deadIn = grow(deadIn, this.deadIn.length);
		// Removed while the pass read the lists: some lists counted them, some did not.
		if (this.deadSinceCount.length) {
			this.deadSinceCount = [];
			this.recountDead(alive);
		}
	}

	/** Renumbers the tickets of every list by `remap` (−1: dropped); the order is kept, so lists stay sorted. */
	compact(remap: Int32Array): void {
		this.deadIn.fill(0);
		this.deadSinceCount = [];
		for (let id = 0; id < this.termText.length; id++) {
			const docs = this.docs[id];
			const impacts = this.impacts[id];
			let n = 0;
			for (let i = 0; i < this.length[id]; i++) {
				const d = remap[docs[i]];
				if (d < 0) continue;
				docs[n] = d;
				impacts[n] = impacts[i];
				n++;
			}
			this.length[id] = n;
		}
	}

	/**
	 * Moves the lists into two big arrays, each list a view of its part, in two steps (each consistent
	 * with the lengths at its time). A list that grows later leaves its view for an array of its own.
	 */
	*poolSteps(): Steps<void> {
		this.docs = pooled(this.docs, this.length, this.termText.length, Int32Array);
		const terms = this.termText.length;
		this.pooledSize = this.length.subarray(0, terms).reduce((sum, n) => sum + n, 0);
		this.unpooled = 0;
		this.inPool = new Uint8Array(terms).fill(1);
		yield;
		this.impacts = pooled(this.impacts, this.length, this.termText.length, Uint8Array);
		this.idArena = this.impactArena = undefined;
	}

	private recountDead(alive: Uint8Array): void {
		this.deadIn.fill(0);
		for (let id = 0; id < this.termText.length; id++) {
			const list = this.docs[id];
			for (let i = 0; i < this.length[id]; i++) if (!alive[list[i]]) this.deadIn[id]++;
		}
	}
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
