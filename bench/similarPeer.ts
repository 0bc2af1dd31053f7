/**
 * One library of bench/similar.ts (or our own index, without the server) in its own process: reads the generated dumps, builds the
 * library's index over the tickets' fields (our tokenisation and field weights), queries it with
 * tickets' title and description, and prints one JSON line of figures.
 *
 *   node --import tsx bench/similarPeer.ts <library> <workspace folder> <queries>
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chineseLabels, defaultRankingParams, SearchIndex, type TicketFields } from '../server/src/service/index';
import { digestTickets } from '../server/src/service/document/ticketDigest';
import { random } from './corpus';
import { peers, type Peer } from './peers';
import { median, percentile } from './stats';

/** Our own ranking in the same harness (no server, no LSP), to compare like with like. */
const ours: Peer = {
	name: 'ticket-curator',
	build(tickets) {
		const index = new SearchIndex();
		tickets.forEach((t, i) => index.add(i, 0, t));
		index.settle();
		return { search: (text, limit) => index.search(index.textQuery(text), { limit }).map((h) => h.key) };
	},
};

const [name, dir, queryCount] = process.argv.slice(2);
const peer = [ours, ...peers].find((p) => p.name === name);
if (!peer) throw new Error(`unknown library ${name}`);

const tickets: TicketFields[] = [];
for (const file of readdirSync(dir).sort()) {
	for (const d of digestTickets(readFileSync(join(dir, file), 'utf8'), chineseLabels)) tickets.push(d.fields);
}
const before = process.memoryUsage().rss;
const started = performance.now();
const index = peer.build(tickets, { weights: defaultRankingParams.fieldWeights, k1: defaultRankingParams.k1, b: 1 });
const buildMs = performance.now() - started;
global.gc?.();
const rssMB = process.memoryUsage().rss / 2 ** 20;

const rand = random(7);
const times: number[] = [];
for (let i = 0; i < Number(queryCount); i++) {
	const t = tickets[Math.floor(rand() * tickets.length)];
	const start = performance.now();
	index.search(`${t.title}\n${t.description}`, 20);
	times.push(performance.now() - start);
}
console.log(JSON.stringify({ name, buildMs, rssMB, rssBeforeMB: before / 2 ** 20, query: { medianMs: median(times), p95Ms: percentile(times, 95) } }));
