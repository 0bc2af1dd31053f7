/**
 * `npm run eval:labels`: how well the label review finds planted label noise in the real dump.
 *
 * Each run swaps the root cause of 10% of the tickets (11 of 114), half with the root cause of
 * another ticket of the same product, half with one of another product, always to a different
 * label (bench/labelNoise.ts), and scores each flagger (bench/labelFlaggers.ts) on the copy over
 * 20 seeded runs.
 *
 * The real dump's own labels are noisy (34 root causes without evidence, a third of the dump), so
 * precision is measured on two bases, and both are printed:
 *
 * - reviewed base: the noise is planted into a copy whose mislabelled tickets a reviewer has
 *   relabelled (test/support/realDumpReview.ts; a finding the reviewer overrules keeps its label).
 *   Every flag on a ticket that was not planted is a false alarm. This is the honest figure.
 * - dump as it is: flags on the planted tickets, on tickets the reviewer found mislabelled already,
 *   and the rest, counted apart; precision over planted tickets only, and counting the dump's own
 *   mislabels as found.
 *
 * (Setting the dump's suspects aside after the fact, as this eval once did, is no measure: the
 * evidence rule reads each ticket alone, so outside the planted tickets it flags exactly the
 * tickets it flagged before, and its precision there is 1 by construction.)
 *
 *   npm run eval:labels [-- --json out.json]
 */
import { writeFileSync } from 'node:fs';
import { evidenceFlags, knnFlags, nearestNeighbours, randomFlags, type Flags } from './labelFlaggers';
import { parse, plant, relabel, reviewedLabels, type Parsed } from './labelNoise';
import { readRealDump } from './corpus';

const runs = 20;
const k = 5;

const original = parse(readRealDump());
const review = reviewedLabels(original);
const reviewed = parse(relabel(original, review), 1);
const n = original.tickets.length;
// The tickets' texts outside their root cause are the same in every copy, so are their neighbours.
const neighbours = nearestNeighbours(original, k);

type Flagger = (dump: Parsed, seed: number) => Flags;

const flaggers: Record<string, Flagger> = {
	evidence: (dump, seed) => evidenceFlags(dump, seed),
	'kNN majority vote (k=5)': (dump) => knnFlags(dump.rootCauses, neighbours),
	random: (dump, seed) => randomFlags(n, evidenceFlags(dump, seed).size, seed),
};

interface Score {
	flagged: number;
	planted: number;
	tp: number;
	/** Flags on tickets the reviewer found mislabelled already (dump as it is only). */
	known: number;
}

const empty = (): Score => ({ flagged: 0, planted: 0, tp: 0, known: 0 });
const onReviewed: Record<string, Score> = {};
const asIs: Record<string, Score> = {};

function score(into: Record<string, Score>, name: string, flags: Flags, planted: Set<number>, mislabelled: ReadonlyMap<number, string>): void {
	const s = (into[name] ??= empty());
	for (const i of flags) {
		s.flagged++;
		if (planted.has(i)) s.tp++;
		else if (mislabelled.has(i)) s.known++;
	}
	s.planted += planted.size;
}

const none = new Map<number, string>();
for (let seed = 1; seed <= runs; seed++) {
	for (const [base, into, mislabelled] of [
		[reviewed, onReviewed, none],
		[original, asIs, review],
	] as const) {
		const { text, planted } = plant(base, seed);
		const noisy = parse(text, seed + 1);
		for (const [name, flagger] of Object.entries(flaggers)) score(into, name, flagger(noisy, seed), planted, mislabelled);
	}
}

const ratio = (a: number, b: number) => (b ? a / b : 0);
const cleanFlags = Object.fromEntries(Object.entries(flaggers).map(([name, flagger]) => [name, flagger(reviewed, 0).size]));
const rows = Object.keys(flaggers).map((name) => {
	const r = onReviewed[name];
	const a = asIs[name];
	return {
		flagger: name,
		reviewedBase: { precision: ratio(r.tp, r.flagged), recall: ratio(r.tp, r.planted), flagsPerRun: r.flagged / runs, flagsWithoutNoise: cleanFlags[name] },
		dumpAsIs: {
			precisionPlanted: ratio(a.tp, a.flagged),
			precisionWithOwnMislabels: ratio(a.tp + a.known, a.flagged),
			recall: ratio(a.tp, a.planted),
			flagsPerRun: a.flagged / runs,
		},
	};
});

const f = (x: number, width: number) => x.toFixed(3).padStart(width);
const name = (s: string) => s.padEnd(28);
console.log(`Planted root-cause noise: ${Math.round(n * 0.1)} of ${n} tickets per run (half within, half across products), ${runs} runs`);
console.log(`Reviewer: ${review.size} of the dump's root-cause findings relabelled, the others overruled (test/support/realDumpReview.ts)\n`);
console.log('Reviewed base (the honest figure: every flag off the planted tickets is a false alarm)');
console.log(`${name('flagger')} precision  recall  flags/run  flags without noise`);
for (const r of rows) {
	const s = r.reviewedBase;
	console.log(
		`${name(r.flagger)} ${f(s.precision, 9)}  ${f(s.recall, 6)}  ${s.flagsPerRun.toFixed(1).padStart(9)}  ${String(s.flagsWithoutNoise).padStart(19)}`,
	);
}
console.log('\nDump as it is (its own mislabels left in)');
console.log(`${name('flagger')} precision  precision+own  recall  flags/run`);
for (const r of rows) {
	const s = r.dumpAsIs;
	console.log(
		`${name(r.flagger)} ${f(s.precisionPlanted, 9)}  ${f(s.precisionWithOwnMislabels, 13)}  ${f(s.recall, 6)}  ${s.flagsPerRun.toFixed(1).padStart(9)}`,
	);
}
console.log("\nprecision: planted tickets among the flags; precision+own: planted tickets and the dump's reviewed mislabels among them");

const out = process.argv.indexOf('--json');
if (out > 0) writeFileSync(process.argv[out + 1], `${JSON.stringify({ runs, rows }, null, 2)}\n`);
