/**
 * When and how long background work (validation, duplicate prints, indexing) runs. Answers are
 * written to the client between slices, a pipe's worth at a time: behind 15 ms slices a 14 MB
 * answer (the Outline of a 20 MB dump) would trickle out over seconds. While an answer is being
 * written, background work therefore waits, up to `maxWaitMs` (a client asking without pause
 * must not stop the checks), and then runs in short slices until the answer is out.
 */
import type { Steps } from './service/index';

const output = process.argv.includes('--stdio') ? process.stdout : undefined;
const maxWaitMs = 100;
let waitingSince: number | undefined;

function writing(): boolean {
	return !!output && output.writableLength > 0;
}

/** Runs the next slice of background work: soon, or once the answer being written is out. */
export function nextSlice(run: () => void): void {
	if (writing()) {
		const now = performance.now();
		waitingSince ??= now;
		if (now - waitingSince < maxWaitMs) {
			setTimeout(() => nextSlice(run), 1);
			return;
		}
	} else waitingSince = undefined;
	setImmediate(run);
}

/** Work this long, then let the event loop answer and write. */
export function sliceMs(): number {
	return writing() ? 2 : 15;
}

/** Runs steps in slices, answering requests (and writing answers) in between; resolves to the result. */
export async function runInSlices<T>(steps: Steps<T>): Promise<T> {
	for (;;) {
		const until = performance.now() + sliceMs();
		let step = steps.next();
		while (!step.done && performance.now() < until) step = steps.next();
		if (step.done) return step.value;
		await new Promise<void>((resolve) => nextSlice(resolve));
	}
}
