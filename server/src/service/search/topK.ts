/** Top-k selection of a query's tickets from the sums of a scoring pass (see bm25f.ts accumulate). */

/**
 * The best `size` of the first `count` tickets of `touched` passing `filter`, as [ticket, score],
 * best first (ties by ticket number); `reset` clears their sums in `scores` for the next query.
 */
export function bestOf(
	scores: Float32Array,
	touched: Int32Array,
	count: number,
	size: number,
	filter: (doc: number) => boolean,
	reset: boolean,
): [number, number][] {
	const top = new TopK(size);
	for (let i = 0; i < count; i++) {
		const d = touched[i];
		const score = scores[d];
		if (reset) scores[d] = 0;
		// The filter (which may read a ticket's text to confirm a copy) only for a score the heap would take.
		if (top.accepts(score) && filter(d)) top.offer(d, score);
	}
	return top.sorted();
}

/** The k best (ticket, score) pairs, by a min-heap. */
export class TopK {
	private readonly docs: number[] = [];
	private readonly scores: number[] = [];

	constructor(private readonly k: number) {}

	/** Whether `offer` with this score would change the heap. */
	accepts(score: number): boolean {
		return this.docs.length < this.k || score > this.scores[0];
	}

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
