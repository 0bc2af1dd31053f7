/** The byte buffer under the frame parser (frames.ts). */

const maxReservedBytes = 64 * 1024 * 1024;

/** The bytes not yet read, in one growing buffer: a 20 MB body comes in 64 KB chunks, each copied in once. */
export class ByteQueue {
	private store = Buffer.alloc(0);
	private start = 0;
	private end = 0;

	get length(): number {
		return this.end - this.start;
	}

	append(chunk: Buffer): void {
		if (this.end + chunk.length > this.store.length) {
			const needed = this.length + chunk.length;
			// Doubling, but by a megabyte at most once big: a body of known length has its room already (reserve).
			this.reserve(Math.max(4096, Math.min(2 * needed, needed + (1 << 20))));
		}
		chunk.copy(this.store, this.end);
		this.end += chunk.length;
	}

	/**
	 * Room for `bytes` unread bytes in all: a body's length is known from its header, and it is then
	 * copied in once. Not beyond 64 MB (the biggest file the index reads): a Content-Length of 2 GB
	 * must not take 2 GB before any of it has come.
	 */
	reserve(wanted: number): void {
		const bytes = Math.max(this.length, Math.min(wanted, maxReservedBytes));
		if (this.start + bytes <= this.store.length) return;
		const store = bytes > this.store.length ? Buffer.allocUnsafe(bytes) : this.store;
		this.store.copy(store, 0, this.start, this.end);
		this.store = store;
		this.end = this.length;
		this.start = 0;
	}

	/** The unread bytes (a view, valid until the next append). */
	view(): Buffer {
		return this.store.subarray(this.start, this.end);
	}

	consume(bytes: number): void {
		this.start = Math.min(this.end, this.start + bytes);
		// After a big body, the little that is left moves to a store of its size, and the big one goes.
		if (this.store.length > 1 << 20 && this.length < this.store.length / 4) this.store = Buffer.from(this.view());
		else if (this.start === this.end) this.start = this.end = 0;
		if (this.store.length === this.length) [this.start, this.end] = [0, this.length];
	}
}
