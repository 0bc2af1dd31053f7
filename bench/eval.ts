/**
 * `npm run eval`: the quality of similar-ticket search on the real dump, next to the libraries.
 *
 * Leave-one-out: each of the 114 tickets queries the other 113 by its whole text, and P@5 is the
 * share of the top 5 that have its category (product｜subcategory). A perfect ranking reaches
 * 0.772 (some categories have fewer than five other tickets). No ranking reads a category or a
 * root cause; the options (same product, other files) are off.
 *
 * The libraries get the same tickets, fields and tokenisation (server/src/service/tokenize.ts) and
 * are configured as well as their options allow: each is run over a grid of field weights, k1, b
 * and query text (title + description, or the whole ticket), and its best setting is printed.
 *
 *   npm run eval [-- --json out.json]
 */
import { writeFileSync } from 'node:fs';
import { chineseLabels, SearchIndex, defaultRankingParams, type RankingParams, type TicketDigest } from '../server/src/service/index';
import { digestTickets } from '../server/src/service/document/ticketDigest';
import { readRealDump } from './corpus';
import { peers, type PeerConfig } from './peers';

const tickets: TicketDigest[] = digestTickets(readRealDump(), chineseLabels);
const categories = tickets.map((t) => `${t.product}｜${t.subcategory}`);
const k = 5;

/** P@5 of one ranking: `rank(i)` lists the best other tickets for ticket i. */
function precisionAt5(rank: (i: number) => number[]): number {
	let sum = 0;
	for (let i = 0; i < tickets.length; i++) {
		const top = rank(i)
			.filter((j) => j !== i)
			.slice(0, k);
		sum += top.filter((j) => categories[j] === categories[i]).length / k;
	}
	return sum / tickets.length;
}

function perfect(): number {
	const counts = new Map<string, number>();
	for (const c of categories) counts.set(c, (counts.get(c) ?? 0) + 1);
	return categories.reduce((sum, c) => sum + Math.min(k, counts.get(c)! - 1) / k, 0) / categories.length;
}

function ours(params: RankingParams, feedback: boolean): number {
	const index = new SearchIndex(params);
	tickets.forEach((t, i) => index.add(i, 0, t.fields));
	// As the server leaves it after indexing the workspace.
	index.settle();
	return precisionAt5((i) => index.search(index.ticketQuery(tickets[i].fields, true), { limit: k, excludeKeys: new Set([i]), feedback }).map((h) => h.key));
}

const equal = { title: 1, description: 1, answers: 1, dialog: 1 };
const plainBm25: RankingParams = {
	fieldWeights: equal,
	fieldB: { title: 0.75, description: 0.75, answers: 0.75, dialog: 0.75 },
	k1: 1.2,
	queryFieldWeights: equal,
	queryTerms: 100_000,
	maxDfShare: 1,
	kindWeights: [1, 1, 1],
	feedback: { docs: 0, terms: 0, weight: 0 },
};

const queryTexts: Record<string, (t: TicketDigest) => string> = {
	'title+description': (t) => `${t.fields.title}\n${t.fields.description}`,
	'whole ticket': (t) => Object.values(t.fields).join('\n'),
};
const weightings: Record<string, PeerConfig['weights']> = { equal, ours: defaultRankingParams.fieldWeights };

interface PrecisionRow {
	readonly engine: string;
	readonly p5: number;
	readonly setting: string;
}

const rows: PrecisionRow[] = [];
const describe = (p: RankingParams) =>
	`BM25F title ${p.fieldWeights.title}/desc ${p.fieldWeights.description}/answers ${p.fieldWeights.answers}/dialog ${p.fieldWeights.dialog}, k1 ${p.k1}, ${p.queryTerms} query terms, feedback ${p.feedback.docs}×${p.feedback.terms}`;
rows.push({ engine: 'ticket-curator', p5: ours(defaultRankingParams, true), setting: describe(defaultRankingParams) });
rows.push({ engine: 'ticket-curator, no feedback', p5: ours(defaultRankingParams, false), setting: 'the same without pseudo-relevance feedback' });
rows.push({ engine: 'ticket-curator, plain BM25', p5: ours(plainBm25, false), setting: 'equal fields, k1 1.2, b 0.75, every query term' });

for (const peer of peers) {
	let best: PrecisionRow | undefined;
	let defaults = 0;
	for (const [weightName, weights] of Object.entries(weightings)) {
		for (const k1 of [1.2, 3]) {
			for (const b of [0.75, 1]) {
				const index = peer.build(
					tickets.map((t) => t.fields),
					{ weights, k1, b },
				);
				for (const [queryName, text] of Object.entries(queryTexts)) {
					const p5 = precisionAt5((i) => index.search(text(tickets[i]), k + 1));
					if (weightName === 'equal' && k1 === 1.2 && b === 0.75 && queryName === 'title+description') defaults = p5;
					if (!best || p5 > best.p5)
						best = { engine: peer.name, p5, setting: `${weightName} field weights, k1 ${k1}, b ${b}, query: ${queryName} (best of 16)` };
				}
			}
		}
	}
	rows.push(best!);
	rows.push({ engine: `${peer.name}, defaults`, p5: defaults, setting: 'equal field weights, k1 1.2, b 0.75, query: title+description' });
}

// Reference points: what chance and "always the biggest category" give.
const biggest = [...new Set(categories)].sort((a, b) => categories.filter((c) => c === b).length - categories.filter((c) => c === a).length)[0];
const biggestIds = categories.map((c, j) => (c === biggest ? j : -1)).filter((j) => j >= 0);
rows.push({ engine: 'always the biggest category', p5: precisionAt5((i) => biggestIds.filter((j) => j !== i)), setting: biggest });
const sizes = new Map<string, number>();
for (const c of categories) sizes.set(c, (sizes.get(c) ?? 0) + 1);
const random = categories.reduce((sum, c) => sum + (sizes.get(c)! - 1) / (tickets.length - 1), 0) / tickets.length;
rows.push({ engine: 'random (expected)', p5: random, setting: '' });
rows.push({ engine: 'perfect', p5: perfect(), setting: 'every category fills the top 5 as far as it can' });

console.log(`\nSimilar tickets, leave-one-out P@5 on the real dump (${tickets.length} tickets, same category in the top ${k})\n`);
const width = Math.max(...rows.map((r) => r.engine.length));
for (const r of rows) console.log(`${r.engine.padEnd(width)}  ${r.p5.toFixed(3)}  ${r.setting}`);
const bestPeer = Math.max(...rows.filter((r) => peers.some((p) => r.engine.startsWith(p.name))).map((r) => r.p5));
console.log(`\nours / best library: ${(rows[0].p5 / bestPeer).toFixed(2)}×`);

const jsonAt = process.argv.indexOf('--json');
if (jsonAt >= 0 && process.argv[jsonAt + 1]) {
	writeFileSync(process.argv[jsonAt + 1], `${JSON.stringify({ similarQuality: { tickets: tickets.length, k, rows } }, null, 2)}\n`);
}
