/**
 * The files a command writes before renaming them into place (`*.tickets-fix`, `*.partial`). They
 * are removed on any error by their writer, and here at exit and on SIGINT, SIGTERM and SIGHUP, so
 * an interrupted run leaves none behind. A signal is handled between two steps of the work (the
 * work is synchronous): a command holding a temporary file across steps lets signals in with
 * `betweenSteps`.
 */
import { openSync, rmSync } from 'node:fs';

const temps = new Set<string>();
const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let installed = false;

function removeAll(): void {
	for (const path of temps) rmSync(path, { force: true });
	temps.clear();
}

function install(): void {
	installed = true;
	process.on('exit', removeAll);
	for (const signal of signals)
		process.on(signal, () => {
			removeAll();
			// Ended by the signal, as without a handler: the shell sees 128 + its number.
			for (const s of signals) process.removeAllListeners(s);
			process.kill(process.pid, signal);
		});
}

/** Removes `path` if the process ends before `release` is called (after a rename, or once removed). */
export function trackTemp(path: string): () => void {
	if (!installed) install();
	temps.add(path);
	return () => void temps.delete(path);
}

/**
 * Creates a temporary file afresh and opens it: a leftover of a run that was killed is replaced,
 * and a link planted under its name is removed, not written through.
 */
export function createTemp(path: string, mode = 0o666): number {
	rmSync(path, { force: true });
	return openSync(path, 'wx', mode);
}

/** Lets a pending signal be handled (between two files of work). */
export function betweenSteps(): Promise<void> {
	return new Promise((resolve) => setImmediate(resolve));
}
