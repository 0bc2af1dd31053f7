/**
 * A progress bar on standard error, only when it is a terminal and only once the work has run
 * long enough to be worth watching (piped output and CI logs stay clean).
 */
import type { OutStream } from './io';

interface Progress {
	/** One more unit of work done; `label` names what is being worked on. */
	tick(label?: string): void;
	/** Clears the bar. */
	done(): void;
}

/** Shown only after this long. */
const showAfterMs = 400;
/** Redrawn at most this often. */
const redrawMs = 80;

const silent: Progress = { tick: () => undefined, done: () => undefined };

export function createProgress(stream: OutStream, total: number, now: () => number = Date.now): Progress {
	if (!stream.isTTY || total < 2) return silent;
	const start = now();
	let done = 0;
	let lastDraw = 0;
	let shown = false;
	return {
		tick(label = '') {
			done++;
			const t = now();
			if (t - start < showAfterMs || t - lastDraw < redrawMs) return;
			lastDraw = t;
			shown = true;
			// A terminal of unknown size reports 0 columns.
			const columns = stream.columns || 80;
			const width = Math.max(10, Math.min(30, columns - 50));
			const filled = Math.round((done / total) * width);
			const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} `;
			const room = columns - bar.length - 1;
			const name = room < 2 ? '' : label.length > room ? `…${label.slice(label.length - room + 1)}` : label;
			stream.write(`\r\x1b[2K${bar}${name}`);
		},
		done() {
			if (shown) stream.write('\r\x1b[2K');
		},
	};
}
