/**
 * When and how long background work (validation, duplicate prints, indexing, settling the search
 * index) runs: requests come first.
 * - A request is answered only between slices, and its answer takes a few turns of the event loop
 *   (read, handle, write): while one waits, slices are 1 ms long.
 * - An answer goes out a pipe's worth (64 KB) at a time, each time the client has read the last:
 *   with a slice in every turn, a 14 MB answer (the Outline of a 20 MB dump) would trickle out over
 *   seconds. While one is encoded and written, background work takes a fifth of the time: after a
 *   slice it rests four times as long, the event loop writing meanwhile. It never stops: a client
 *   asking without pause must not stop the checks.
 */
import type { Disposable, Message, MessageReader, MessageWriter } from 'vscode-languageserver/node';
import type { Steps } from '../service/index';
import type { SliceScheduler } from '../workspace/workspacePrints';

/** While an answer is written, background work rests this many times as long as its last slice ran. */
const restPerSliceWhileWriting = 4;

/** The server's one queue of background work, and the transport it watches (server.ts makes it, features get it from the context). */
export class BackgroundSlices implements SliceScheduler {
	private requestsInFlight = 0;
	/** Answers handed to the writer and not yet written: it encodes them a turn later, before the stream holds a byte. */
	private answersPending = 0;
	/** Before this time, background work rests if an answer is being written. */
	private restUntil = 0;
	/**
	 * Slices waiting to run, in turn. One runs per turn of the event loop, whoever it belongs to: 16
	 * open dumps checked at once would otherwise run 16 slices between two requests. Checks of open
	 * documents go first: what the user looks at (its diagnostics) before the workspace's index and
	 * duplicate prints, which would otherwise take two thirds of the time while a 20 MB dump opens.
	 */
	private readonly queue: (() => void)[] = [];
	private readonly firstQueue: (() => void)[] = [];
	private pumping = false;

	/** `output`: the stream answers are written to, when it is the process's (stdio). */
	constructor(private readonly output?: { readonly writableLength: number }) {}

	private writing(): boolean {
		return this.answersPending > 0 || (!!this.output && this.output.writableLength > 0);
	}

	/** Work this long, then let the event loop answer and write. */
	sliceMs(): number {
		return this.requestsInFlight > 0 ? 1 : this.writing() ? 2 : 5;
	}

	/** Runs the next slice of background work: after those already waiting (`first`: before any other), one per turn of the event loop. */
	nextSlice(run: () => void, first = false): void {
		(first ? this.firstQueue : this.queue).push(run);
		if (!this.pumping) {
			this.pumping = true;
			setImmediate(this.pump);
		}
	}

	private readonly pump = (): void => {
		// Resting while an answer is encoded or written: checked again every millisecond, so the rest ends as soon as the answer is out.
		if (this.writing() && performance.now() < this.restUntil) {
			setTimeout(() => setImmediate(this.pump), 1);
			return;
		}
		const run = this.firstQueue.shift() ?? this.queue.shift();
		const start = performance.now();
		try {
			run?.();
		} finally {
			this.worked(start);
			if (this.queue.length || this.firstQueue.length) setImmediate(this.pump);
			else this.pumping = false;
		}
	};

	/** A slice that began at `start` has just ended: while an answer is written, the next one waits accordingly. */
	private worked(start: number): void {
		const end = performance.now();
		this.restUntil = Math.max(this.restUntil, end + restPerSliceWhileWriting * (end - start));
	}

	/** Runs steps in slices, answering requests (and writing answers) in between; resolves to the result. */
	async runInSlices<T>(steps: Steps<T>): Promise<T> {
		for (;;) {
			const start = performance.now();
			const until = start + this.sliceMs();
			let step = steps.next();
			while (!step.done && performance.now() < until) step = steps.next();
			// This slice ran after its turn's callback (a promise continuation): the turn did not see its length.
			this.worked(start);
			if (step.done) return step.value;
			await new Promise<void>((resolve) => this.nextSlice(resolve));
		}
	}

	private readonly answerWritten = (): void => {
		this.answersPending--;
	};

	/** The transport, watched: a request read counts as waiting until its answer is written. */
	watch(reader: MessageReader, writer: MessageWriter): [MessageReader, MessageWriter] {
		const isRequest = (m: Message) => 'method' in m && 'id' in m && m.id !== undefined;
		const isResponse = (m: Message) => !('method' in m) && 'id' in m;
		const watchedReader: MessageReader = {
			onError: reader.onError,
			onClose: reader.onClose,
			onPartialMessage: reader.onPartialMessage,
			listen: (callback): Disposable =>
				reader.listen((message) => {
					if (isRequest(message)) this.requestsInFlight++;
					callback(message);
				}),
			dispose: () => reader.dispose(),
		};
		const watchedWriter: MessageWriter = {
			onError: writer.onError,
			onClose: writer.onClose,
			write: (message) => {
				if (!isResponse(message)) return writer.write(message);
				this.requestsInFlight = Math.max(0, this.requestsInFlight - 1);
				this.answersPending++;
				this.restUntil = Math.max(this.restUntil, performance.now() + 1); // Its encoding, queued for the next turn, goes first.
				const written = writer.write(message);
				written.then(this.answerWritten, this.answerWritten);
				return written;
			},
			end: () => writer.end(),
			dispose: () => writer.dispose(),
		};
		return [watchedReader, watchedWriter];
	}
}
