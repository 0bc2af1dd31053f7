/**
 * Typed arrays carved out of big blocks, never freed one by one: the lists of an index being
 * built grow by doubling, and hundreds of thousands of small allocations, each freed when its
 * list outgrows it, leave the process's memory fragmented (the system does not get it back).
 * Blocks are large enough to be mapped on their own, so dropping the arena returns them whole,
 * and untouched parts of a block cost no memory.
 */
export class Arena<T extends Int32Array | Uint8Array> {
	private block: T | undefined;
	private used = 0;

	constructor(
		private readonly kind: new (length: number) => T,
		private readonly blockLength: number,
	) {}

	/** A zeroed array of `length` values. */
	alloc(length: number): T {
		if (!this.block || this.used + length > this.block.length) {
			this.block = new this.kind(Math.max(this.blockLength, length));
			this.used = 0;
		}
		const view = this.block.subarray(this.used, this.used + length) as T;
		this.used += length;
		return view;
	}
}

type Growable = Int32Array | Uint32Array | Uint8Array | Float32Array | Float64Array;

/** A copy of `array` with room for at least `atLeast` values (doubling), carved from `arena` when given. */
export function grow<T extends Growable>(array: T, atLeast: number, arena?: { alloc(length: number): T }): T {
	let size = Math.max(4, array.length);
	while (size < atLeast) size *= 2;
	const next = arena ? arena.alloc(size) : new (array.constructor as new (n: number) => T)(size);
	next.set(array);
	return next;
}

/**
 * Lists copied into one array per kind, in order, each list (its first `lengths[i]` values) a view
 * of its part: one big allocation, which the system gets back, instead of many small ones.
 */
export function pooled<T extends Int32Array | Uint8Array>(lists: readonly T[], lengths: Int32Array, count: number, kind: new (n: number) => T): T[] {
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
