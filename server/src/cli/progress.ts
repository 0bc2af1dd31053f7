/**
 * Progress on standard error, never on standard output. On a terminal: a bar redrawn in place,
 * with the files done and the tickets of the file being worked on, once the work has run long
 * enough to be worth watching. Elsewhere (a pipe, a CI log): nothing, unless `--progress` asks
 * for it; then one plain line per tenth of each file's tickets, which a log can keep.
 */
import * as l10n from '@vscode/l10n';
import type { OutStream } from './io';

export interface Progress {
	/** One more file begun; `label` names it. */
	tick(label?: string): void;
	/** `done` of the current file's `total` tickets are through. */
	tickets(done: number, total: number): void;
	/** Clears the bar. */
	done(): void;
}

/** Shown only after this long. */
const showAfterMs = 400;
/** Redrawn at most this often. */
const redrawMs = 80;

const silent: Progress = { tick: () => undefined, tickets: () => undefined, done: () => undefined };

/** `forced`: `--progress` was given, so it is written even where standard error is no terminal. */
export function createProgress(stream: OutStream, total: number, now: () => number = Date.now, forced = false): Progress {
	if (stream.isTTY) return terminalProgress(stream, total, now);
	return forced ? lineProgress(stream, total) : silent;
}

function terminalProgress(stream: OutStream, total: number, now: () => number): Progress {
	const start = now();
	let files = 0;
	let label = '';
	let inFile = '';
	let lastDraw = 0;
	let shown = false;
	const draw = () => {
		const t = now();
		if (t - start < showAfterMs || t - lastDraw < redrawMs) return;
		lastDraw = t;
		shown = true;
		// A terminal of unknown size reports 0 columns.
		const columns = stream.columns || 80;
		let head = '';
		if (total > 1) {
			const width = Math.max(10, Math.min(30, columns - 50));
			const filled = Math.round((files / total) * width);
			head = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${files}/${total} `;
		}
		const tail = inFile ? `  ${inFile}` : '';
		const room = columns - head.length - tail.length - 1;
		const name = room < 2 ? '' : label.length > room ? `…${label.slice(label.length - room + 1)}` : label;
		stream.write(`\r\x1b[2K${head}${name}${room < 2 ? '' : tail}`);
	};
	return {
		tick(next = '') {
			files++;
			label = next;
			inFile = '';
			draw();
		},
		tickets(done, of) {
			inFile = l10n.t('{0}/{1} tickets', done, of);
			draw();
		},
		done() {
			if (shown) stream.write('\r\x1b[2K');
		},
	};
}

function lineProgress(stream: OutStream, total: number): Progress {
	let files = 0;
	let label = '';
	let tenth = -1;
	return {
		tick(next = '') {
			files++;
			label = next;
			tenth = -1;
		},
		tickets(done, of) {
			const reached = of ? Math.floor((10 * done) / of) : 10;
			if (reached <= tenth) return;
			tenth = reached;
			const prefix = total > 1 ? `[${files}/${total}] ` : '';
			stream.write(`${prefix}${l10n.t('{0}: {1}/{2} tickets', label, done, of)}\n`);
		},
		done: () => undefined,
	};
}
