/**
 * When and how long background work (validation, duplicate prints, indexing, settling the search
 * index) runs: requests come first.
 * - A request is answered only between slices, and its answer takes a few turns of the event loop
 *   (read, handle, write): while one waits, slices are 1 ms long.
 * - Answers are written between slices, a pipe's worth at a time: behind 5 ms slices a 14 MB answer
 *   (the Outline of a 20 MB dump) would trickle out over seconds. While one is being written,
 *   background work waits, up to `maxWaitMs` (a client asking without pause must not stop the
 *   checks), and then runs in 2 ms slices until the answer is out.
 */
import type { Disposable, Message, MessageReader, MessageWriter } from 'vscode-languageserver/node';
import type { Steps } from './service/index';

const output = process.argv.includes('--stdio') ? process.stdout : undefined;
const maxWaitMs = 50;
let waitingSince: number | undefined;
let requestsInFlight = 0;

function writing(): boolean {
	return !!output && output.writableLength > 0;
}

/** Work this long, then let the event loop answer and write. */
export function sliceMs(): number {
	return requestsInFlight > 0 ? 1 : writing() ? 2 : 5;
}

/**
 * Slices waiting to run, in turn. One runs per turn of the event loop, whoever it belongs to: 16
 * open dumps checked at once would otherwise run 16 slices between two requests.
 */
const queue: (() => void)[] = [];
let pumping = false;

/** Runs the next slice of background work: after those already waiting, one per turn of the event loop. */
export function nextSlice(run: () => void): void {
	queue.push(run);
	if (!pumping) {
		pumping = true;
		pumpSoon();
	}
}

function pumpSoon(): void {
	if (writing() && requestsInFlight === 0) {
		const now = performance.now();
		waitingSince ??= now;
		if (now - waitingSince < maxWaitMs) {
			setTimeout(pumpSoon, 1);
			return;
		}
	} else waitingSince = undefined;
	setImmediate(pump);
}

function pump(): void {
	const run = queue.shift();
	try {
		run?.();
	} finally {
		if (queue.length) pumpSoon();
		else pumping = false;
	}
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

/** The transport, watched: a request read counts as waiting until its answer is written. */
export function watchRequests(reader: MessageReader, writer: MessageWriter): [MessageReader, MessageWriter] {
	const isRequest = (m: Message) => 'method' in m && 'id' in m && m.id !== undefined;
	const isResponse = (m: Message) => !('method' in m) && 'id' in m;
	const watchedReader: MessageReader = {
		onError: reader.onError,
		onClose: reader.onClose,
		onPartialMessage: reader.onPartialMessage,
		listen: (callback): Disposable =>
			reader.listen((message) => {
				if (isRequest(message)) requestsInFlight++;
				callback(message);
			}),
		dispose: () => reader.dispose(),
	};
	const watchedWriter: MessageWriter = {
		onError: writer.onError,
		onClose: writer.onClose,
		write: (message) => {
			if (isResponse(message)) requestsInFlight = Math.max(0, requestsInFlight - 1);
			return writer.write(message);
		},
		end: () => writer.end(),
		dispose: () => writer.dispose(),
	};
	return [watchedReader, watchedWriter];
}
