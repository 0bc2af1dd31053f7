/**
 * The label suspects of a set of tickets for review, most certain first: the evidence findings
 * (labelSuspects.ts) and the confident-learning suspects (confidentLearning.ts), each with what the
 * other says of it. A finding both make comes first (bench/evalLabels.ts: 0.90 to 0.98 of them
 * were planted noise, against 0.88 for evidence alone); then evidence alone, by its first
 * suggestion's confidence; then confident learning alone, where it is on, by its margin.
 * The evidence's suggestions keep their order: re-ranked by probability they were right less often.
 */
import type { ConfidentLearning, ConfidentSuspect, Vote } from './confidentLearning';
import type { LabelKind, LabelSuspect } from './labelSuspects';

export type SuspectSource = 'both' | 'evidence' | 'statistics';

export interface ReviewSuspect {
	/** The ticket, as an index into the tickets given. */
	readonly index: number;
	readonly kind: LabelKind;
	readonly label: string;
	readonly source: SuspectSource;
	readonly evidence?: LabelSuspect;
	readonly statistics?: ConfidentSuspect;
	/** The tickets whose labels voted, most similar first (empty where confident learning is off). */
	readonly neighbours: readonly Vote[];
	/** The given label's probability from the other tickets, where confident learning ranks. */
	readonly probability?: number;
}

const order: Record<SuspectSource, number> = { both: 0, evidence: 1, statistics: 2 };

/** `evidence[i]`: ticket i's evidence finding of this kind, if any; `learning` over the same tickets. */
export function reviewSuspects(
	kind: LabelKind,
	labels: readonly string[],
	evidence: readonly (LabelSuspect | undefined)[],
	learning: ConfidentLearning,
): ReviewSuspect[] {
	const statistical = new Map<number, ConfidentSuspect>(learning.ranks ? learning.suspects.map((s) => [s.index, s]) : []);
	const out: ReviewSuspect[] = [];
	const extra = (i: number) => ({
		neighbours: learning.neighbours[i] ?? [],
		probability: learning.ranks ? learning.probabilities[i]?.get(labels[i]) : undefined,
	});
	evidence.forEach((found, i) => {
		if (!found) return;
		const statistics = statistical.get(i);
		out.push({ index: i, kind, label: found.label, source: statistics ? 'both' : 'evidence', evidence: found, statistics, ...extra(i) });
	});
	if (learning.flags) {
		for (const [i, statistics] of statistical) {
			if (!evidence[i]) out.push({ index: i, kind, label: statistics.given, source: 'statistics', statistics, ...extra(i) });
		}
	}
	const certainty = (s: ReviewSuspect) => (s.source === 'statistics' ? s.statistics!.margin : (s.evidence!.suggestions[0]?.confidence ?? 0));
	return out.sort((a, b) => order[a.source] - order[b.source] || certainty(b) - certainty(a) || a.index - b.index);
}
