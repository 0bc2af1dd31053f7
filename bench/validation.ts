/**
 * Validation speed: a full validation from scratch and a re-validation after a one-character edit
 * inside one ticket, on the real dump and on generated dumps, next to markdownlint on the same text
 * in the same run (the peer). Prints a table; `--json FILE` also writes the figures.
 *   tsx bench/validation.ts [--sizes real,2MB,20MB] [--json out.json]
 */
import { writeFileSync } from 'node:fs';
import { lint } from 'markdownlint/sync';
import { createTicketService } from '../server/src/service/index';
import { generateDump, readRealDump } from './corpus';
import { median, ms, time } from './stats';

interface TimingRow {
	corpus: string;
	bytes: number;
	tickets: number;
	fullMs: number;
	incrementalMs: number;
	markdownlintMs: number;
	ratio: number;
}

const args = process.argv.slice(2);
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
const sizes = (args.includes('--sizes') ? args[args.indexOf('--sizes') + 1] : 'real,2MB').split(',');

function corpusFor(name: string): string {
	if (name === 'real') return readRealDump();
	const mb = Number(name.replace(/MB$/i, ''));
	return generateDump({ bytes: mb * 1024 * 1024, seed: 7 });
}

/** Fewer repetitions for big files, where one markdownlint run takes seconds. */
function repetitions(bytes: number): { full: number; lint: number; edits: number } {
	if (bytes > 8e6) return { full: 3, lint: 1, edits: 15 };
	if (bytes > 1e6) return { full: 5, lint: 3, edits: 30 };
	return { full: 15, lint: 15, edits: 60 };
}

function bench(name: string): TimingRow {
	const text = corpusFor(name);
	const bytes = Buffer.byteLength(text);
	const reps = repetitions(bytes);
	const doc = (t: string, version: number) => ({ uri: 'file:///bench.md', version, getText: () => t });

	// Full: a fresh service each time, so nothing is cached.
	let tickets = 0;
	const full = time(reps.full + 1, () => {
		const service = createTicketService();
		service.validate(doc(text, 1));
		tickets = service.parse(doc(text, 1)).chunks.length;
	}).slice(1);

	// Incremental: one warm service; each run changes one character inside a ticket near the middle.
	const service = createTicketService();
	service.validate(doc(text, 1));
	const anchor = text.indexOf('### 问题描述', Math.floor(text.length / 2)) + '### 问题描述\n\n'.length;
	const incremental = time(reps.edits, (i) => {
		const edited = text.slice(0, anchor) + String.fromCharCode(0x4e00 + i) + text.slice(anchor + 1);
		service.validate(doc(edited, i + 2));
	});

	const lintTimes = time(reps.lint, () => lint({ strings: { bench: text } }));
	const row: TimingRow = {
		corpus: name,
		bytes,
		tickets,
		fullMs: median(full),
		incrementalMs: median(incremental),
		markdownlintMs: median(lintTimes),
		ratio: median(full) / median(lintTimes),
	};
	return row;
}

const rows = sizes.map(bench);
console.log('\nValidation (median ms; peer: markdownlint with its default rules on the same text)');
console.log('corpus   size      tickets  full     after 1-char edit  markdownlint  full/markdownlint');
for (const r of rows) {
	console.log(
		`${r.corpus.padEnd(8)} ${(r.bytes / 1024).toFixed(0).padStart(6)} KB ${String(r.tickets).padStart(7)}  ${ms(r.fullMs).padStart(7)}  ${ms(r.incrementalMs).padStart(17)}  ${ms(r.markdownlintMs).padStart(12)}  ${r.ratio.toFixed(2).padStart(17)}`,
	);
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ validation: rows }, null, 2));
