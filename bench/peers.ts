/**
 * The search libraries our ranking is compared with, given the same tickets, the same fields and
 * the same tokenisation (server/src/service/tokenize.ts), each configured through its own options.
 */
import MiniSearch from 'minisearch';
import winkBm25 from 'wink-bm25-text-search';
import { fieldNames, tokenize, type TicketFields } from '../server/src/service/index';

export interface PeerConfig {
	/** Field weights (BM25F weights for wink, boosts for MiniSearch). */
	readonly weights: Readonly<Record<(typeof fieldNames)[number], number>>;
	readonly k1: number;
	readonly b: number;
}

export interface PeerIndex {
	/** Ids of the best tickets for a text query, best first. */
	search(text: string, limit: number): number[];
}

export interface Peer {
	readonly name: string;
	build(tickets: readonly TicketFields[], config: PeerConfig): PeerIndex;
}

export const wink: Peer = {
	name: 'wink-bm25-text-search',
	build(tickets, config) {
		const engine = winkBm25();
		// wink refuses a zero weight: a field left out gets a weight too small to matter.
		const fldWeights = Object.fromEntries(fieldNames.map((f) => [f, config.weights[f] || 1e-6]));
		engine.defineConfig({ fldWeights, bm25Params: { k1: config.k1, b: config.b } });
		engine.definePrepTasks([(text: string) => tokenize(text)]);
		tickets.forEach((t, id) => engine.addDoc({ ...t }, id));
		engine.consolidate();
		return { search: (text, limit) => engine.search(text, limit).map(([id]) => Number(id)) };
	},
};

export const minisearch: Peer = {
	name: 'minisearch',
	build(tickets, config) {
		const engine = new MiniSearch<TicketFields & { id: number }>({
			fields: [...fieldNames],
			tokenize: (text) => tokenize(text),
			processTerm: (term) => term,
			searchOptions: {
				boost: { ...config.weights },
				combineWith: 'OR',
				bm25: { k: config.k1, b: config.b, d: 0.5 },
			},
		});
		engine.addAll(tickets.map((t, id) => ({ ...t, id })));
		return {
			search: (text, limit) =>
				engine
					.search(text)
					.slice(0, limit)
					.map((r) => r.id as number),
		};
	},
};

export const peers: readonly Peer[] = [wink, minisearch];
