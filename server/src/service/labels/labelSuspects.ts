/**
 * Labels that do not fit their ticket: a root cause, or a product, none of whose evidence the
 * ticket mentions in its own words, with the labels whose evidence it does mention as suggestions.
 * The rule (rules/labelRules.ts), the quick fixes and the CLI's `labels` command all read these.
 */
import type { Range } from 'vscode-languageserver-types';
import type { TicketConfig } from '../config/ticketConfig';
import type { ParsedTicket } from '../document/model';
import { catchAllRootCause, type EvidenceTable } from './evidence';
import { evidenceFound, termsFound } from './matchEvidence';
import { ticketOwnWords } from './ownWords';

export type LabelKind = 'rootCause' | 'product';

export interface LabelSuggestion {
	readonly label: string;
	/** 0..1: how much of the evidence found is this label's, discounted when it is one or two terms. */
	readonly confidence: number;
	/** Its evidence terms the ticket mentions. */
	readonly terms: readonly string[];
}

export interface LabelSuspect {
	readonly kind: LabelKind;
	readonly label: string;
	/** The label as written, in the ticket's coordinates. */
	readonly range: Range;
	/** The evidence looked for and not found. */
	readonly lookedFor: readonly string[];
	/** Most confident first; the catch-all alone when no label's evidence is found (root causes). */
	readonly suggestions: readonly LabelSuggestion[];
}

/** How sure a suggestion that is the catch-all is: it is chosen for want of anything better. */
export const catchAllConfidence = 0.5;
const maxSuggestions = 3;

/** The ticket's labels that its own words give no evidence for. */
export function labelSuspects(ticket: ParsedTicket, config: TicketConfig, words = ticketOwnWords(ticket)): LabelSuspect[] {
	const out: LabelSuspect[] = [];
	const rootCause = ticket.sections.find((s) => s.kind === 'rootCause');
	const label = rootCause?.contentText.trim();
	if (rootCause && label) {
		const suspect = unsupported('rootCause', label, rootCause.content, config.rootCauseEvidence, config.rootCauses, words);
		if (suspect) out.push(suspect);
	}
	const product = ticket.category?.product;
	if (product) {
		const known = knownProducts(config);
		const suspect = unsupported('product', product.text, product.range, config.productEvidence, known, words);
		if (suspect) out.push(suspect);
	}
	return out;
}

/** Products of the configured taxonomy, or of the evidence table when there is none. */
function knownProducts(config: TicketConfig): readonly string[] {
	const categories = config.categories ?? [];
	if (!categories.length) return Object.keys(config.productEvidence);
	const separator = config.labels.categorySeparator;
	return [...new Set(categories.map((c) => c.split(separator)[0].trim()))];
}

function unsupported(kind: LabelKind, label: string, range: Range, table: EvidenceTable, known: readonly string[], words: string): LabelSuspect | undefined {
	const lookedFor = table[label];
	// A label without an entry is not ours to judge; one with an empty entry is the catch-all.
	if (!lookedFor?.length || termsFound(table, label, words).length) return undefined;
	return { kind, label, range, lookedFor, suggestions: suggest(kind, table, known, words) };
}

function suggest(kind: LabelKind, table: EvidenceTable, known: readonly string[], words: string): LabelSuggestion[] {
	const found = [...evidenceFound(table, words)].filter(([label]) => known.includes(label));
	const total = found.reduce((sum, [, terms]) => sum + terms.length, 0);
	const ranked = found
		.map(([label, terms]) => ({ label, terms, confidence: (terms.length / total) * (1 - 0.5 ** terms.length) }))
		.sort((a, b) => b.confidence - a.confidence || known.indexOf(a.label) - known.indexOf(b.label))
		.slice(0, maxSuggestions);
	if (ranked.length || kind === 'product') return ranked;
	const catchAll = catchAllLabel(table, known);
	return catchAll ? [{ label: catchAll, confidence: catchAllConfidence, terms: [] }] : [];
}

/** The known root cause whose evidence is empty (the reference taxonomy's 需要进一步排查具体原因). */
function catchAllLabel(table: EvidenceTable, known: readonly string[]): string | undefined {
	if (known.includes(catchAllRootCause) && table[catchAllRootCause]?.length === 0) return catchAllRootCause;
	return known.find((label) => table[label]?.length === 0);
}
