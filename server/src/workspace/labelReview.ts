/**
 * The label review of a set of dumps: the evidence findings of every ticket and the suspects of
 * confident learning over all of them, in review order (service labels/reviewSuspects.ts), as rows
 * a command line or an editor can show, each with the neighbours that voted. Kept labels and label
 * rules turned off are left out, as in the diagnostics.
 */
import { suspectKey } from './ticketTreeLevels';
import {
	confidentLearning,
	givenLabel,
	isKept,
	labelSuspects,
	labelTerms,
	reviewSuspects,
	ticketOwnWords,
	type LabelKind,
	type LabelSuggestion,
	type LabelSuspect,
	type SuspectSource,
	type Ticket,
	type TicketConfig,
} from '../service/index';

export interface ReviewDump {
	readonly uri: string;
	readonly tickets: readonly Ticket[];
}

export interface ReviewNeighbour {
	readonly uri: string;
	/** The neighbour's title line, from 0. */
	readonly line: number;
	readonly title: string;
	readonly label: string;
	readonly similarity: number;
}

export interface ReviewRow {
	readonly uri: string;
	/** The ticket's title line, from 0, and the line of the label. */
	readonly line: number;
	readonly labelLine: number;
	readonly title: string;
	readonly kind: LabelKind;
	readonly label: string;
	readonly source: SuspectSource;
	/** The evidence looked for and not found (empty when only confident learning suspects the label). */
	readonly lookedFor: readonly string[];
	/** The evidence's suggestions; confident learning's alone where only it suspects the label. */
	readonly suggestions: readonly LabelSuggestion[];
	/** The label confident learning suggests, and its probability from the other tickets. */
	readonly learned?: { readonly label: string; readonly probability: number };
	/** The given label's probability from the other tickets, and its threshold, where confident learning ranks. */
	readonly probability?: number;
	readonly threshold?: number;
	readonly neighbours: readonly ReviewNeighbour[];
}

/** What confident learning did for one kind of label, for the view to say. */
export interface LearningState {
	readonly kind: LabelKind;
	readonly labelled: number;
	readonly ranks: boolean;
	readonly flags: boolean;
	readonly minimumToRank: number;
	readonly minimumTickets: number;
}

export interface LabelReview {
	readonly rows: readonly ReviewRow[];
	readonly learning: readonly LearningState[];
}

const codes: Record<LabelKind, 'root-cause-unsupported' | 'category-unsupported'> = { rootCause: 'root-cause-unsupported', product: 'category-unsupported' };
/** Neighbours shown per suspect. */
const shownNeighbours = 5;

export function labelReview(dumps: readonly ReviewDump[], config: TicketConfig): LabelReview {
	const places = dumps.flatMap((d) => d.tickets.map((ticket) => ({ uri: d.uri, ticket, words: ticketOwnWords(ticket) })));
	const rows: ReviewRow[] = [];
	const learning: LearningState[] = [];
	for (const kind of ['rootCause', 'product'] as const) {
		if (config.rules[codes[kind]] === 'off') continue;
		const items = places.map((p) => labelTerms(p.ticket, kind, p.words));
		const learned = confidentLearning(items);
		const { labelled, ranks, flags, minimumToRank, minimumTickets } = learned;
		learning.push({ kind, labelled, ranks, flags, minimumToRank, minimumTickets });
		const evidence = places.map((p) => labelSuspects(p.ticket, config, p.words).find((s) => s.kind === kind));
		const labels = items.map((i) => i.label);
		for (const s of reviewSuspects(kind, labels, evidence, learned)) {
			const { uri, ticket } = places[s.index];
			if (isKept(config, uri, ticket.title.text, s.label)) continue;
			rows.push({
				uri,
				line: ticket.startLine,
				labelLine: labelLine(ticket, kind, s.evidence),
				title: ticket.title.text,
				kind,
				label: s.label,
				source: s.source,
				lookedFor: s.evidence?.lookedFor ?? [],
				suggestions: s.evidence?.suggestions ?? [{ label: s.statistics!.suggested, confidence: s.statistics!.suggestedProbability, terms: [] }],
				learned: s.statistics && { label: s.statistics.suggested, probability: s.statistics.suggestedProbability },
				probability: s.probability,
				threshold: learned.thresholds.get(s.label),
				neighbours: s.neighbours.slice(0, shownNeighbours).map((v) => ({
					uri: places[v.index].uri,
					line: places[v.index].ticket.startLine,
					title: places[v.index].ticket.title.text,
					label: givenLabel(places[v.index].ticket, kind),
					similarity: v.similarity,
				})),
			});
		}
	}
	return { rows, learning };
}

function labelLine(ticket: Ticket, kind: LabelKind, evidence: LabelSuspect | undefined): number {
	if (evidence) return evidence.range.start.line;
	const place = kind === 'product' ? ticket.category?.product?.range : ticket.sections.find((s) => s.kind === 'rootCause')?.content;
	return place?.start.line ?? ticket.startLine;
}

/**
 * Each suspect ticket's group in the Tickets view (ticketTreeLevels.ts), by `suspectKey`: its first
 * suspected label in review order → that row's first suggestion (`noSuggestion` when it has none).
 */
export function suspectGroups(review: LabelReview, noSuggestion: string): Map<string, string> {
	const groups = new Map<string, string>();
	for (const row of review.rows) {
		const key = suspectKey(row.uri, row.line);
		if (!groups.has(key)) groups.set(key, `${row.label} → ${row.suggestions[0]?.label ?? noSuggestion}`);
	}
	return groups;
}
