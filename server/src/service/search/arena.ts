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
