/**
 * Duplicate scan over a generated workspace: 100k tickets made distinct from the real dump's (a
 * third of their Chinese characters, letters and digits replaced), with exact and near copies
 * planted. Prints the time to print every ticket (normalise, shingle, MinHash), to build the LSH
 * index, and to find every duplicate; recall (planted copies found, near ones counted when their
 * true Jaccard similarity reaches the threshold) and precision (found near pairs whose true
 * similarity reaches it).
 *   tsx bench/duplicates.ts [--tickets 100000] [--json out.json]
 */
import { writeFileSync } from 'node:fs';
import { DuplicateIndex, ticketPrint, type TicketPrint } from '../server/src/service/duplicates/duplicateIndex';
import { random, realTickets } from './corpus';
import { ms } from './stats';
import { jaccard } from '../test/support/jaccard';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const total = Number(option('--tickets') ?? 100_000);
const jsonOut = option('--json');
const threshold = 0.8;

const rand = random(7);
const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
/** Replaces a share of the Chinese characters, letters and digits (structure lines keep their shape). */
const mutate = (text: string, rate: number) =>
	text.replace(/[\u4e00-\u9fffA-Za-z0-9]/g, (c) =>
		rand() >= rate ? c : c.charCodeAt(0) >= 0x4e00 ? String.fromCharCode(0x4e00 + Math.floor(rand() * 0x5000)) : letters[Math.floor(rand() * letters.length)],
	);

// 1% exact copies (re-spaced, another redaction marker), 1% near copies (0.5–3.5% of their characters changed: similarity about 0.75–0.97).
const sources = realTickets();
const tickets: string[] = [];
const planted: { copy: number; of: number; exact: boolean }[] = [];
while (tickets.length < total) {
	const i = tickets.length;
	const r = rand();
	if (i > 100 && r < 0.01) {
		const of = Math.floor(rand() * i);
		tickets.push(tickets[of].replace(/，/g, '， ').replace(/\[REDACTED_PHONE\]/g, '[REDACTED_EMAIL]'));
		planted.push({ copy: i, of, exact: true });
	} else if (i > 100 && r < 0.02) {
		const of = Math.floor(rand() * i);
		tickets.push(mutate(tickets[of], 0.005 + rand() * 0.03));
		planted.push({ copy: i, of, exact: false });
	} else {
		tickets.push(mutate(sources[i % sources.length], 0.33));
	}
}

const t0 = performance.now();
const prints: TicketPrint[] = tickets.map(ticketPrint);
const t1 = performance.now();
const index = new DuplicateIndex();
index.addMany(prints.map((p, i) => [i, p] as const));
const t2 = performance.now();
const found = new Set<string>();
const nearFound: [number, number][] = [];
let exactPairs = 0;
let nearPairs = 0;
prints.forEach((p, i) => {
	for (const m of index.matches(p, threshold, (key) => key === i)) {
		const [a, b] = i < m.key ? [i, m.key] : [m.key, i];
		const pair = `${a},${b}`;
		if (found.has(pair)) continue;
		found.add(pair);
		if (m.exact) exactPairs++;
		else {
			nearPairs++;
			nearFound.push([a, b]);
		}
	}
});
const t3 = performance.now();

const pairKey = (p: { copy: number; of: number }) => `${Math.min(p.copy, p.of)},${Math.max(p.copy, p.of)}`;
const plantedExact = planted.filter((p) => p.exact);
// Near copies count for recall when their true similarity reaches the threshold.
const plantedNear = planted.filter((p) => !p.exact && jaccard(tickets[p.copy], tickets[p.of]) >= threshold);
const foundExact = plantedExact.filter((p) => found.has(pairKey(p))).length;
const foundNear = plantedNear.filter((p) => found.has(pairKey(p))).length;
// Precision on (up to) 2000 found near pairs: their true similarity, with the estimate's margin.
const sample = nearFound.filter((_, i) => i % Math.max(1, Math.ceil(nearFound.length / 2000)) === 0);
const trueNear = sample.filter(([a, b]) => jaccard(tickets[a], tickets[b]) >= threshold - 0.05).length;

const figures = {
	tickets: total,
	printMsPerTicket: (t1 - t0) / total,
	printMs: t1 - t0,
	indexMs: t2 - t1,
	queryMs: t3 - t2,
	scanMs: t3 - t0,
	exactPairs,
	nearPairs,
	plantedExact: plantedExact.length,
	foundExact,
	plantedNear: plantedNear.length,
	foundNear,
	nearRecall: foundNear / (plantedNear.length || 1),
	nearPrecision: trueNear / (sample.length || 1),
	heapMB: process.memoryUsage().heapUsed / 2 ** 20,
};
console.log(`\nDuplicate scan (${total} tickets, threshold ${threshold}, MinHash 128 values in 32 bands of 4)`);
console.log('print all  build index  find all  total     exact found  near found (J≥0.8)  near precision  pairs: exact  near');
console.log(
	`${ms(figures.printMs).padEnd(10)} ${ms(figures.indexMs).padEnd(12)} ${ms(figures.queryMs).padEnd(9)} ${ms(figures.scanMs).padEnd(9)} ` +
		`${`${foundExact}/${plantedExact.length}`.padEnd(12)} ${`${foundNear}/${plantedNear.length}`.padEnd(19)} ${figures.nearPrecision.toFixed(3).padEnd(15)} ${String(exactPairs).padEnd(13)} ${nearPairs}`,
);
console.log(`(${figures.printMsPerTicket.toFixed(3)} ms a ticket to print; times in ms)`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ duplicates: figures }, null, 2));
