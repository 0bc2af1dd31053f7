/**
 * The flaggers bench/evalLabels.ts scores: each takes a dump (parsed) and returns the numbers of
 * the tickets whose root cause it suspects.
 *
 * - evidence: root-cause-unsupported (server/src/service/labels/), as the editor reports it;
 * - kNN: the majority root cause of the 5 most similar other tickets (cosine of TF-IDF over the
 *   search index's terms, server/src/service/search/tokenize.ts) differs from the given one;
 * - confident learning: server/src/service/labels/confidentLearning.ts over the tickets' own terms;
 * - random: as many tickets as another flagger flags, drawn at random.
 */
import { confidentLearning, labelTerms, tokenize, type ConfidentLearningOptions, type LabelSuggestion } from '../server/src/service/index';
import { random } from './corpus';
import { service, type Parsed } from './labelNoise';

export type Flags = Set<number>;

/** The tickets whose root cause has no evidence, with the labels suggested instead. */
export function evidenceSuspects(dump: Parsed, version: number): Map<number, readonly LabelSuggestion[]> {
	const doc = { uri: 'file:///eval/dump.txt', version, getText: () => dump.text };
	const flagged = new Map<number, readonly LabelSuggestion[]>();
	for (const d of service.validate(doc) ?? []) {
		if (d.code !== 'root-cause-unsupported') continue;
		const i = dump.tickets.findIndex((t) => t.startLine <= d.range.start.line && d.range.start.line <= t.endLine);
		flagged.set(i, (d.data as { suggestions: LabelSuggestion[] }).suggestions);
	}
	return flagged;
}

export function evidenceFlags(dump: Parsed, version: number): Flags {
	return new Set(evidenceSuspects(dump, version).keys());
}

/** The k most similar other tickets of each ticket (TF-IDF cosine over its text without its root cause). */
export function nearestNeighbours(dump: Parsed, k: number): number[][] {
	const n = dump.tickets.length;
	const terms = dump.tickets.map((t, i) => {
		const counts = new Map<string, number>();
		for (const term of tokenize(t.text.replace(dump.rootCauses[i], ''))) counts.set(term, (counts.get(term) ?? 0) + 1);
		return counts;
	});
	const df = new Map<string, number>();
	for (const counts of terms) for (const term of counts.keys()) df.set(term, (df.get(term) ?? 0) + 1);
	const vectors = terms.map((counts) => {
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
	return vectors.map((v, i) =>
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
}

export function knnFlags(rootCauses: readonly string[], neighbours: readonly number[][]): Flags {
	const flagged = new Set<number>();
	const k = neighbours[0]?.length ?? 0;
	rootCauses.forEach((label, i) => {
		const votes = new Map<string, number>();
		for (const j of neighbours[i]) votes.set(rootCauses[j], (votes.get(rootCauses[j]) ?? 0) + 1);
		const [top] = [...votes].sort((a, b) => b[1] - a[1]);
		if (top && top[0] !== label && top[1] > k / 2) flagged.add(i);
	});
	return flagged;
}

export function randomFlags(n: number, count: number, seed: number): Flags {
	const next = random(seed ^ 0x5bd1e995);
	return new Set([...Array(n).keys()].sort(() => next() - 0.5).slice(0, count));
}

/** Each ticket's terms, the same in every copy of a dump (its root cause is not among them). */
export function ticketTerms(dump: Parsed): (readonly string[])[] {
	return dump.tickets.map((t) => labelTerms(t, 'rootCause').terms);
}

export function confidentFlags(rootCauses: readonly string[], terms: readonly (readonly string[])[], options?: ConfidentLearningOptions): Flags {
	const result = confidentLearning(
		terms.map((t, i) => ({ terms: t, label: rootCauses[i] })),
		options,
	);
	return new Set(result.suspects.map((s) => s.index));
}
