/**
 * Work done in steps: a generator that yields every few tickets, so that a host can answer other
 * requests in between (a 20 MB dump is 12,000 tickets, seconds of work), or runs it all at once.
 */
export type Steps<T> = Generator<void, T>;

/** Runs every step; returns the result. */
export function runSteps<T>(steps: Steps<T>): T {
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}
