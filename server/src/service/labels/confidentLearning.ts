/**
 * Confident learning (Northcutt et al., the method of cleanlab) over the workspace's own tickets:
 * out-of-sample probabilities of each ticket's label from the tickets of the other folds, a
 * threshold per label (the mean probability its own tickets give it), and a ticket flagged when
 * its given label falls below its threshold while another label reaches its own.
 *
 * The classifier is a weighted vote of the most similar tickets (TF-IDF cosine over the terms the
 * search index makes, search/tokenize.ts), so every probability has the neighbours that voted for
 * it. Similarities are gathered through an inverted list, and only each ticket's strongest terms
 * query it, so a workspace of thousands of tickets costs seconds, not the square of its size.
 */

export interface LabelledTerms {
	/** The ticket's terms, without its labels (labelTerms.ts). */
	readonly terms: readonly string[];
	/** The given label; empty when the ticket has none (it gets probabilities, and is never flagged). */
	readonly label: string;
}

export interface Vote {
	/** The neighbour, as an index into the items. */
	readonly index: number;
	readonly label: string;
	/** Its cosine similarity, the weight of its vote. */
	readonly similarity: number;
}

export interface ConfidentSuspect {
	readonly index: number;
	readonly given: string;
	/** The label most probable among those at or above their threshold. */
	readonly suggested: string;
	/** The given label's out-of-sample probability, and the threshold it falls below. */
	readonly selfConfidence: number;
	readonly threshold: number;
	readonly suggestedProbability: number;
	/** suggestedProbability − selfConfidence: the larger, the more certain the suspicion. */
	readonly margin: number;
}

export interface ConfidentLearning {
	/** Its suspects may stand alone (at `minimumTickets` labelled tickets and more). */
	readonly flags: boolean;
	/** Its suspects may rank the evidence findings (at `minimumToRank` labelled tickets and more). */
	readonly ranks: boolean;
	readonly labelled: number;
	readonly minimumTickets: number;
	readonly minimumToRank: number;
	/** Per label with at least `minimumPerLabel` tickets. */
	readonly thresholds: ReadonlyMap<string, number>;
	readonly probabilities: readonly ReadonlyMap<string, number>[];
	readonly neighbours: readonly (readonly Vote[])[];
	/** Most certain first; empty when it neither flags nor ranks. */
	readonly suspects: readonly ConfidentSuspect[];
}

export interface ConfidentLearningOptions {
	readonly folds?: number;
	readonly neighbours?: number;
	/** Labelled tickets below which its suspects do not stand alone. */
	readonly minimumTickets?: number;
	/** Labelled tickets below which it computes nothing. */
	readonly minimumToRank?: number;
	/** Tickets a label needs for a threshold; a rarer label is neither flagged nor suggested. */
	readonly minimumPerLabel?: number;
}

/**
 * The sizes are measured by bench/evalLabels.ts on the real dump (114 tickets, all the labelled
 * tickets there are): alone, its suspects were planted noise in 1 of 5 at every size from 30 to
 * 114 (random: 1 in 10; the kNN baseline did better), so they stand alone only from 200 tickets, a
 * size not yet measured; agreeing with an evidence finding, they were right 0.88 to 0.96 of the time from 30.
 */
export const confidentLearningDefaults = { folds: 5, neighbours: 10, minimumTickets: 200, minimumToRank: 30, minimumPerLabel: 3 } as const;

/** Weight of the labels' prior in a ticket's probabilities, against the sum of its neighbours' similarities. */
const priorWeight = 0.2;
/** Terms of a ticket that query the others (the strongest by TF-IDF). */
const queryTerms = 40;
/** A term in more than this share of the tickets says nothing of a label. */
const commonShare = 0.5;

type Vector = ReadonlyMap<number, number>;

function vectors(items: readonly LabelledTerms[]): Vector[] {
	const ids = new Map<string, number>();
	const counts = items.map((item) => {
		const c = new Map<number, number>();
		for (const term of item.terms) {
			let id = ids.get(term);
			if (id === undefined) ids.set(term, (id = ids.size));
			c.set(id, (c.get(id) ?? 0) + 1);
		}
		return c;
	});
	const df = new Float64Array(ids.size);
	for (const c of counts) for (const id of c.keys()) df[id]++;
	const n = items.length;
	return counts.map((c) => {
		const v = new Map<number, number>();
		let norm = 0;
		for (const [id, tf] of c) {
			if (df[id] < 2 || df[id] > commonShare * n) continue; // a term of one ticket links it to none
			const w = (1 + Math.log(tf)) * Math.log(n / df[id]);
			v.set(id, w);
			norm += w * w;
		}
		const scale = 1 / Math.sqrt(norm || 1);
		for (const [id, w] of v) v.set(id, w * scale);
		return v;
	});
}

/** Each ticket's fold: spread in order, so neighbouring tickets of a file fall in different folds. */
const foldOf = (i: number, folds: number) => i % folds;

function nearest(vs: readonly Vector[], folds: number, k: number): Vote[][] {
	const postings = new Map<number, [number, number][]>();
	vs.forEach((v, i) => {
		for (const [id, w] of v) {
			let list = postings.get(id);
			if (!list) postings.set(id, (list = []));
			list.push([i, w]);
		}
	});
	return vs.map((v, i) => {
		const scores = new Map<number, number>();
		const strongest = [...v].sort((a, b) => b[1] - a[1]).slice(0, queryTerms);
		for (const [id, w] of strongest) {
			for (const [j, u] of postings.get(id)!) {
				if (foldOf(j, folds) !== foldOf(i, folds)) scores.set(j, (scores.get(j) ?? 0) + w * u);
			}
		}
		return [...scores]
			.sort((a, b) => b[1] - a[1] || a[0] - b[0])
			.slice(0, k)
			.map(([index, similarity]) => ({ index, similarity, label: '' }));
	});
}

/** Probabilities of every label for every ticket, from its neighbours in the other folds, and thresholds. */
export function confidentLearning(items: readonly LabelledTerms[], options: ConfidentLearningOptions = {}): ConfidentLearning {
	const { folds, neighbours: k, minimumTickets, minimumToRank, minimumPerLabel } = { ...confidentLearningDefaults, ...options };
	const counts = new Map<string, number>();
	for (const item of items) if (item.label) counts.set(item.label, (counts.get(item.label) ?? 0) + 1);
	const labelled = [...counts.values()].reduce((a, b) => a + b, 0);
	const labels = [...counts.keys()];
	const ranks = labelled >= minimumToRank && labelled > 0;
	const flags = ranks && labelled >= minimumTickets;
	if (!ranks) return { flags, ranks, labelled, minimumTickets, minimumToRank, thresholds: new Map(), probabilities: [], neighbours: [], suspects: [] };
	const neighbours = nearest(vectors(items), folds, k).map((votes) =>
		votes.filter((v) => items[v.index].label).map((v) => ({ ...v, label: items[v.index].label })),
	);
	const probabilities = neighbours.map((votes) => {
		const total = votes.reduce((sum, v) => sum + v.similarity, 0);
		const alpha = priorWeight * (total || 1);
		const p = new Map<string, number>(labels.map((l) => [l, (alpha * counts.get(l)!) / labelled]));
		for (const v of votes) p.set(v.label, p.get(v.label)! + v.similarity);
		for (const [l, x] of p) p.set(l, x / (total + alpha));
		return p;
	});
	const thresholds = new Map<string, number>();
	for (const label of labels) {
		if (counts.get(label)! < minimumPerLabel) continue;
		let sum = 0;
		items.forEach((item, i) => item.label === label && (sum += probabilities[i].get(label)!));
		thresholds.set(label, sum / counts.get(label)!);
	}
	const suspects: ConfidentSuspect[] = [];
	items.forEach(({ label: given }, i) => {
		const threshold = thresholds.get(given);
		const selfConfidence = probabilities[i].get(given) ?? 0;
		if (threshold === undefined || selfConfidence >= threshold) return;
		// The most probable label at or above its own threshold, and more probable than the given one.
		let suggested = '';
		let best = -1;
		for (const [label, t] of thresholds) {
			const p = probabilities[i].get(label)!;
			if (label !== given && p >= t && p > best && p > selfConfidence) [suggested, best] = [label, p];
		}
		if (suggested) suspects.push({ index: i, given, suggested, selfConfidence, threshold, suggestedProbability: best, margin: best - selfConfidence });
	});
	suspects.sort((a, b) => b.margin - a.margin || a.index - b.index);
	return { flags, ranks, labelled, minimumTickets, minimumToRank, thresholds, probabilities, neighbours, suspects };
}
