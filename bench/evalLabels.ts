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
import { confidentLearning, confidentLearningDefaults } from '../server/src/service/index';
import { confidentFlags, evidenceFlags, evidenceSuspects, knnFlags, nearestNeighbours, randomFlags, ticketTerms, type Flags } from './labelFlaggers';
import { parse, plant, relabel, reviewedLabels, type Parsed } from './labelNoise';
import { otherMislabels, overruled, rootCauseReview } from '../test/support/realDumpReview';
import { random, readRealDump } from './corpus';

const runs = 20;
const k = 5;

const original = parse(readRealDump());
const review = reviewedLabels(original);
const reviewed = parse(relabel(original, review), 1);
const n = original.tickets.length;
// The tickets' texts outside their root cause are the same in every copy, so are their neighbours.
const neighbours = nearestNeighbours(original, k);
const terms = ticketTerms(original);

type Flagger = (dump: Parsed, seed: number) => Flags;

const flaggers: Record<string, Flagger> = {
	evidence: (dump, seed) => evidenceFlags(dump, seed),
	'confident learning': (dump) => confidentFlags(dump.rootCauses, terms),
	'evidence or confident': (dump, seed) => new Set([...evidenceFlags(dump, seed), ...confidentFlags(dump.rootCauses, terms)]),
	'evidence and confident': (dump, seed) => {
		const cl = confidentFlags(dump.rootCauses, terms);
		return new Set([...evidenceFlags(dump, seed)].filter((i) => cl.has(i)));
	},
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
console.log(
	`Reviewed base: ${rootCauseReview.length - overruled.length} of the dump's ${rootCauseReview.length} root-cause findings relabelled (${overruled.length} overruled), and ${otherMislabels.length} mislabels found reading other suspects (test/support/realDumpReview.ts)\n`,
);
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

/**
 * Confident learning by workspace size: the reviewed base's noisy copies cut to random subsets of
 * `size` tickets, the method run on the subset alone. Below the size where it beats random
 * clearly it is off (confidentLearningDefaults.minimumTickets).
 */
const sizes = [30, 45, 60, 75, 90, n];
const bySize = sizes.map((size) => {
	const s = { size, flags: 0, tp: 0, planted: 0, both: 0, bothTp: 0, randomTp: 0 };
	for (let seed = 1; seed <= runs; seed++) {
		const { text, planted } = plant(reviewed, seed);
		const noisy = parse(text, seed + 1);
		const next = random(seed * 7919);
		const subset = [...Array(n).keys()].sort(() => next() - 0.5).slice(0, size);
		const cl = confidentFlags(
			subset.map((i) => noisy.rootCauses[i]),
			subset.map((i) => terms[i]),
			{ minimumTickets: 0, minimumToRank: 0 },
		);
		const flags = [...cl].map((j) => subset[j]);
		const evidence = evidenceFlags(noisy, seed);
		s.flags += flags.length;
		s.tp += flags.filter((i) => planted.has(i)).length;
		s.planted += subset.filter((i) => planted.has(i)).length;
		const both = flags.filter((i) => evidence.has(i));
		s.both += both.length;
		s.bothTp += both.filter((i) => planted.has(i)).length;
	}
	return {
		size,
		precision: ratio(s.tp, s.flags),
		recall: ratio(s.tp, s.planted),
		randomPrecision: ratio(s.planted, runs * size),
		flagsPerRun: s.flags / runs,
		precisionWithEvidence: ratio(s.bothTp, s.both),
	};
});
console.log('\nConfident learning by workspace size (reviewed base, random subsets, no minimum)');
console.log('tickets  precision  random  recall  flags/run  precision with evidence');
for (const r of bySize) {
	console.log(
		`${String(r.size).padStart(7)}  ${f(r.precision, 9)}  ${f(r.randomPrecision, 6)}  ${f(r.recall, 6)}  ${r.flagsPerRun.toFixed(1).padStart(9)}  ${f(r.precisionWithEvidence, 23)}`,
	);
}

/**
 * Whether the first suggestion of a planted ticket the evidence flags is the label it had before:
 * the evidence's own order, that order re-ranked by confident learning's probabilities, and the
 * most probable other label alone (reviewed base).
 */
const firstRight = { evidence: 0, reranked: 0, probable: 0, flagged: 0 };
for (let seed = 1; seed <= runs; seed++) {
	const { text, planted } = plant(reviewed, seed);
	const noisy = parse(text, seed + 1);
	const learning = confidentLearning(terms.map((t, i) => ({ terms: t, label: noisy.rootCauses[i] })));
	for (const [i, suggestions] of evidenceSuspects(noisy, seed)) {
		if (!planted.has(i)) continue;
		const truth = reviewed.rootCauses[i];
		const p = learning.probabilities[i];
		firstRight.flagged++;
		if (suggestions[0]?.label === truth) firstRight.evidence++;
		if ([...suggestions].sort((a, b) => (p.get(b.label) ?? 0) - (p.get(a.label) ?? 0))[0]?.label === truth) firstRight.reranked++;
		if ([...p].filter(([l]) => l !== noisy.rootCauses[i]).sort((a, b) => b[1] - a[1])[0]?.[0] === truth) firstRight.probable++;
	}
}
console.log('\nFirst suggestion right on the planted tickets the evidence flags (reviewed base)');
console.log(
	`evidence order ${f(ratio(firstRight.evidence, firstRight.flagged), 5)}, re-ranked by probability ${f(ratio(firstRight.reranked, firstRight.flagged), 5)}, most probable other label ${f(ratio(firstRight.probable, firstRight.flagged), 5)} (${firstRight.flagged} tickets)`,
);
console.log(
	`\nConfident learning stands alone from ${confidentLearningDefaults.minimumTickets} labelled tickets and ranks from ${confidentLearningDefaults.minimumToRank} (confidentLearningDefaults); the rows above run it at ${n} regardless.`,
);

const out = process.argv.indexOf('--json');
if (out > 0) writeFileSync(process.argv[out + 1], `${JSON.stringify({ runs, rows, bySize, firstRight }, null, 2)}\n`);
