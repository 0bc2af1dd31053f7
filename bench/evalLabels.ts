/**
 * `npm run eval:labels`: how well the label review finds planted label noise in the real dump.
 *
 * Each run copies the real dump and swaps the root cause of 10% of its tickets (11 of 114): half
 * with the root cause of another ticket of the same product ("within"), half with one of another
 * product ("across"), always to a different label. A flagger is then scored on the copy:
 * precision and recall of the planted tickets, over 20 seeded runs.
 *
 * - evidence: root-cause-unsupported (server/src/service/labels/), as the editor reports it;
 * - kNN: the majority root cause of the 5 most similar other tickets (cosine of TF-IDF over the
 *   search index's terms, server/src/service/search/tokenize.ts) differs from the given one;
 * - random: as many tickets as the evidence flags, drawn at random.
 *
 * The real dump's labels are noisy themselves (test/service/labels/realDumpLabels.test.ts lists
 * 34 unsupported root causes), so a flag on a ticket that was not planted is not always wrong.
 * Precision is printed twice: over every flag, and over the flags of tickets whose original label
 * is supported (the dump's own suspects set aside).
 *
 *   npm run eval:labels [-- --json out.json]
 */
import { writeFileSync } from 'node:fs';
import { createTicketService, tokenize, type Ticket } from '../server/src/service/index';
import { readRealDump } from './corpus';

const runs = 20;
const share = 0.1;
const k = 5;

const service = createTicketService();
const original = readRealDump();

/** A small seeded generator (mulberry32), so every run of the eval plants the same noise. */
function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

interface Parsed {
	readonly tickets: readonly Ticket[];
	readonly rootCauses: readonly string[];
	readonly products: readonly string[];
}

function parse(text: string, version: number): Parsed {
	const tickets = service.parse({ uri: 'file:///eval/dump.txt', version, getText: () => text }).tickets();
	return {
		tickets,
		rootCauses: tickets.map((t) => t.sections.find((s) => s.kind === 'rootCause')?.contentText.trim() ?? ''),
		products: tickets.map((t) => t.category?.product?.text ?? ''),
	};
}

const base = parse(original, 0);
const n = base.tickets.length;

/** The copy with the root causes of `planted` replaced, line by line. */
function plant(seed: number): { text: string; planted: Set<number> } {
	const next = random(seed);
	const lines = original.split('\n');
	const order = [...Array(n).keys()].sort(() => next() - 0.5);
	const planted = new Set<number>();
	const count = Math.round(n * share);
	for (const i of order) {
		if (planted.size === count) break;
		const within = planted.size % 2 === 0;
		const donors = [...Array(n).keys()].filter(
			(j) => (base.products[j] === base.products[i]) === within && base.rootCauses[j] && base.rootCauses[j] !== base.rootCauses[i],
		);
		if (!donors.length) continue;
		const donor = donors[Math.floor(next() * donors.length)];
		const section = base.tickets[i].sections.find((s) => s.kind === 'rootCause')!;
		const line = section.content.start.line; // placed tickets' ranges are in the file's coordinates
		lines[line] = base.rootCauses[donor];
		planted.add(i);
	}
	return { text: lines.join('\n'), planted };
}

function evidenceFlags(text: string, version: number): Set<number> {
	const doc = { uri: 'file:///eval/dump.txt', version, getText: () => text };
	const { tickets } = parse(text, version);
	const flagged = new Set<number>();
	for (const d of service.validate(doc) ?? []) {
		if (d.code !== 'root-cause-unsupported') continue;
		flagged.add(tickets.findIndex((t) => t.startLine <= d.range.start.line && d.range.start.line <= t.endLine));
	}
	return flagged;
}

/** TF-IDF vectors of the tickets' texts (without their root-cause line), for the kNN baseline. */
const vectors = (() => {
	const terms = base.tickets.map((t) => {
		const counts = new Map<string, number>();
		const label = base.rootCauses[base.tickets.indexOf(t)];
		for (const term of tokenize(t.text.replace(label, ''))) counts.set(term, (counts.get(term) ?? 0) + 1);
		return counts;
	});
	const df = new Map<string, number>();
	for (const counts of terms) for (const term of counts.keys()) df.set(term, (df.get(term) ?? 0) + 1);
	return terms.map((counts) => {
		const v = new Map<string, number>();
		let norm = 0;
		for (const [term, tf] of counts) {
			const w = (1 + Math.log(tf)) * Math.log(n / df.get(term)!);
			v.set(term, w);
			norm += w * w;
		}
		for (const [term, w] of v) v.set(term, w / Math.sqrt(norm || 1));
		return v;
	});
})();

const neighbours = vectors.map((v, i) =>
	vectors
		.map((u, j) => {
			let dot = 0;
			for (const [term, w] of v) dot += w * (u.get(term) ?? 0);
			return [j, dot] as const;
		})
		.filter(([j]) => j !== i)
		.sort((a, b) => b[1] - a[1])
		.slice(0, k)
		.map(([j]) => j),
);

function knnFlags(rootCauses: readonly string[]): Set<number> {
	const flagged = new Set<number>();
	rootCauses.forEach((label, i) => {
		const votes = new Map<string, number>();
		for (const j of neighbours[i]) votes.set(rootCauses[j], (votes.get(rootCauses[j]) ?? 0) + 1);
		const [top] = [...votes].sort((a, b) => b[1] - a[1]);
		if (top[0] !== label && top[1] > k / 2) flagged.add(i);
	});
	return flagged;
}

function randomFlags(count: number, seed: number): Set<number> {
	const next = random(seed ^ 0x5bd1e995);
	return new Set([...Array(n).keys()].sort(() => next() - 0.5).slice(0, count));
}

interface Score {
	tp: number;
	flagged: number;
	planted: number;
	/** Flags and hits among tickets whose original label is supported. */
	cleanFlagged: number;
	cleanTp: number;
}

const suspectsAsIs = evidenceFlags(original, 0);
const totals: Record<string, Score> = {};

function score(name: string, flags: Set<number>, planted: Set<number>): void {
	const s = (totals[name] ??= { tp: 0, flagged: 0, planted: 0, cleanFlagged: 0, cleanTp: 0 });
	for (const i of flags) {
		const hit = planted.has(i);
		s.flagged++;
		if (hit) s.tp++;
		if (!suspectsAsIs.has(i)) {
			s.cleanFlagged++;
			if (hit) s.cleanTp++;
		}
	}
	s.planted += planted.size;
}

for (let seed = 1; seed <= runs; seed++) {
	const { text, planted } = plant(seed);
	const noisy = parse(text, seed);
	const evidence = evidenceFlags(text, seed);
	score('evidence', evidence, planted);
	score('kNN majority vote (k=5)', knnFlags(noisy.rootCauses), planted);
	score('random', randomFlags(evidence.size, seed), planted);
}

const ratio = (a: number, b: number) => (b ? a / b : 0);
const rows = Object.entries(totals).map(([name, s]) => ({
	flagger: name,
	precision: ratio(s.tp, s.flagged),
	precisionOutsideDumpSuspects: ratio(s.cleanTp, s.cleanFlagged),
	recall: ratio(s.tp, s.planted),
	flagsPerRun: s.flagged / runs,
}));

console.log(`Planted root-cause noise: ${Math.round(n * share)} of ${n} tickets per run (half within, half across products), ${runs} runs`);
console.log(`The dump as it is: ${suspectsAsIs.size} root causes without evidence\n`);
console.log('flagger                    precision  precision*  recall  flags/run');
for (const r of rows) {
	console.log(
		`${r.flagger.padEnd(26)} ${r.precision.toFixed(3).padStart(9)}  ${r.precisionOutsideDumpSuspects.toFixed(3).padStart(10)}  ${r.recall.toFixed(3).padStart(6)}  ${r.flagsPerRun.toFixed(1).padStart(9)}`,
	);
}
console.log("\n* over tickets whose original label has evidence (the dump's own suspects set aside)");
console.log('Statistical suggestions (confident learning): not implemented yet, no figures.');

const out = process.argv.indexOf('--json');
if (out > 0) writeFileSync(process.argv[out + 1], `${JSON.stringify({ runs, share, rows }, null, 2)}\n`);
