/**
 * Progress of a long export on standard error. On a terminal the workspace's bar already follows
 * the files (cliWorkspace.ts); `--progress` asks for plain lines anyway (a log, a piped run): the
 * tickets read so far, at most once a second, and what the export does after reading. With
 * TICKETS_PROGRESS=json the lines are `{"tickets":N,"files":M}` instead, for a program that runs
 * the export (the language server: host/exportProcess.ts).
 */
import * as l10n from '@vscode/l10n';
import type { CliIO } from './io';

interface ExportProgress {
	/** A dump of `n` tickets was read. */
	tickets(n: number): void;
	/** The export moved on to `label` (after reading). */
	phase(label: string): void;
	done(): void;
}

const everyMs = 1000;

export function exportProgress(io: CliIO, forced: boolean, now: () => number = Date.now): ExportProgress {
	if (!forced) return { tickets: () => undefined, phase: () => undefined, done: () => undefined };
	let read = 0;
	let files = 0;
	let last = now();
	const json = io.env.TICKETS_PROGRESS === 'json';
	let said = -1;
	const line = () => {
		if (said === read) return;
		said = read;
		io.stderr.write(json ? `${JSON.stringify({ tickets: read, files })}\n` : `tickets: ${l10n.t('export: {0} tickets read from {1} file(s)', read, files)}\n`);
	};
	return {
		tickets(n) {
			read += n;
			files++;
			if (now() - last < everyMs) return;
			last = now();
			line();
		},
		phase(label) {
			line();
			if (!json) io.stderr.write(`tickets: ${l10n.t('export: {0}…', label)}\n`);
		},
		done() {
			line();
		},
	};
}
