/**
 * When the next slice of background work (validation, duplicate prints, indexing) may run. A
 * response is written to the client only between slices (the event loop writes a pipe's worth
 * at a time), so a 10 MB answer (the Outline of a 20 MB dump) would trickle out over seconds of
 * back-to-back slices. Background work therefore waits while an answer is still being written.
 */
import type { Steps } from './service/index';

const output = process.argv.includes('--stdio') ? process.stdout : undefined;

/** Runs `slice` once the output is written (or at once when the transport does not tell). */
export function afterOutput(slice: () => void): void {
	if (output && output.writableLength > 0) setTimeout(() => afterOutput(slice), 1);
	else setImmediate(slice);
}

/** The same, awaited. */
export function outputWritten(): Promise<void> {
	return new Promise((resolve) => afterOutput(resolve));
}

/** Work this long, then let the event loop answer other messages. */
export const sliceMs = 15;

/** Runs steps in slices, answering requests (and writing answers) in between; resolves to the result. */
export async function runInSlices<T>(steps: Steps<T>): Promise<T> {
	for (;;) {
		const until = performance.now() + sliceMs;
		let step = steps.next();
		while (!step.done && performance.now() < until) step = steps.next();
		if (step.done) return step.value;
		await outputWritten();
	}
}
