/**
 * The tickets of the similar-ticket index by internal number (what the postings hold): the caller's
 * key, group (file) and product, whether alive, and the copy print (see exactCopies.ts). Removal
 * marks a ticket dead; compaction renumbers the living ones, once a quarter of them is dead.
 */
import { fieldHashCount, type CopyPrint } from '../duplicates/exactCopies';
import { grow } from './arena';

/** Compaction once this share of the tickets is dead (and at least this many). */
const deadShare = 0.25;
const deadMinimum = 256;

/** Which tickets a search leaves out. */
export interface TicketFilter {
	/** Only tickets of this product. */
	readonly product?: string;
	/** Leave out the tickets of this group (the query's own file). */
	readonly excludeGroup?: number;
	/** Leave out these tickets (the query ticket itself). */
	readonly excludeKeys?: ReadonlySet<number>;
	/** Leave out exact copies of this print. */
	readonly excludeExact?: number;
}

export class IndexedTickets {
	/** Internal numbers given so far (the dead ones among them until compaction). */
	count = 0;
	dead = 0;
	/** Compactions so far: internal numbers taken before one mean nothing after it. */
	compactions = 0;
	key = new Float64Array(256);
	group = new Int32Array(256);
	product = new Int32Array(256);
	alive = new Uint8Array(256);
	exact = new Float64Array(256);
	skeleton = new Float64Array(256);
	/** The copy print's field hashes, `fieldHashCount` per ticket, and its unmasked bits. */
	fieldHashes = new Uint32Array(256 * fieldHashCount);
	unmasked = new Uint8Array(256);
	private readonly keyToDoc = new Map<number, number>();
	private readonly products = new Map<string, number>();

	get size(): number {
		return this.count - this.dead;
	}

	get needsCompaction(): boolean {
		return this.dead >= deadMinimum && this.dead >= deadShare * this.count;
	}

	has(key: number): boolean {
		return this.keyToDoc.has(key);
	}

	/** A new ticket's internal number (`key` is not indexed). */
	add(key: number, group: number, product: string | undefined, print: CopyPrint): number {
		const doc = this.count++;
		this.ensureCapacity(this.count);
		this.key[doc] = key;
		this.group[doc] = group;
		this.product[doc] = product ? this.productId(product) : -1;
		this.alive[doc] = 1;
		this.exact[doc] = print.exact;
		this.skeleton[doc] = print.skeleton;
		this.fieldHashes.set(print.fieldHashes, doc * fieldHashCount);
		this.unmasked[doc] = print.unmasked;
		this.keyToDoc.set(key, doc);
		return doc;
	}

	/** Marks the ticket of `key` dead; its internal number, if it was indexed. */
	remove(key: number): number | undefined {
		const doc = this.keyToDoc.get(key);
		if (doc === undefined) return undefined;
		this.keyToDoc.delete(key);
		this.alive[doc] = 0;
		this.dead++;
		return doc;
	}

	/** Renumbers the living tickets in order; returns each old number's new one (−1: dead). */
	compact(): Int32Array {
		const remap = new Int32Array(this.count);
		let next = 0;
		for (let d = 0; d < this.count; d++) {
			if (!this.alive[d]) {
				remap[d] = -1;
				continue;
			}
			remap[d] = next;
			this.key[next] = this.key[d];
			this.group[next] = this.group[d];
			this.product[next] = this.product[d];
			this.alive[next] = 1;
			this.exact[next] = this.exact[d];
			this.skeleton[next] = this.skeleton[d];
			this.fieldHashes.copyWithin(next * fieldHashCount, d * fieldHashCount, (d + 1) * fieldHashCount);
			this.unmasked[next] = this.unmasked[d];
			next++;
		}
		this.alive.fill(0, next, this.count);
		this.keyToDoc.clear();
		for (let d = 0; d < next; d++) this.keyToDoc.set(this.key[d], d);
		this.count = next;
		this.dead = 0;
		this.compactions++;
		return remap;
	}

	/** Whether a ticket passes `filter`. */
	filterOf(filter: TicketFilter): (doc: number) => boolean {
		const product = filter.product === undefined ? undefined : (this.products.get(filter.product) ?? -2);
		const { excludeGroup, excludeKeys, excludeExact } = filter;
		return (d) =>
			(excludeGroup === undefined || this.group[d] !== excludeGroup) &&
			(product === undefined || this.product[d] === product) &&
			!excludeKeys?.has(this.key[d]) &&
			this.exact[d] !== excludeExact;
	}

	private productId(product: string): number {
		let id = this.products.get(product);
		if (id === undefined) this.products.set(product, (id = this.products.size));
		return id;
	}

	private ensureCapacity(n: number): void {
		if (n <= this.key.length) return;
		this.key = grow(this.key, n);
		this.group = grow(this.group, n);
		this.product = grow(this.product, n);
		this.alive = grow(this.alive, n);
		this.exact = grow(this.exact, n);
		this.skeleton = grow(this.skeleton, n);
		this.fieldHashes = grow(this.fieldHashes, n * fieldHashCount);
		this.unmasked = grow(this.unmasked, n);
	}
}
