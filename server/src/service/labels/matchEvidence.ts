/**
 * Which evidence terms a text mentions. Terms are matched without regard to case; a term that
 * begins or ends with a Latin letter or digit must not be part of a longer word there (`AK` is not
 * found in `break`, `cert` not in `concert`), while Chinese terms are found anywhere.
 */
import { escapeRegExp } from '../config/labels';
import type { EvidenceTable } from './evidence';

/** The terms of each label found in a text, in the table's order; labels with none found are absent. */
export type EvidenceFound = ReadonlyMap<string, readonly string[]>;

type Matcher = readonly (readonly [term: string, pattern: RegExp])[];

const compiled = new WeakMap<EvidenceTable, ReadonlyMap<string, Matcher>>();

function termPattern(term: string): RegExp {
	const before = /^[a-z0-9]/i.test(term) ? '(?<![a-z0-9])' : '';
	const after = /[a-z0-9]$/i.test(term) ? '(?![a-z0-9])' : '';
	return new RegExp(`${before}${escapeRegExp(term)}${after}`, 'i');
}

function matchers(table: EvidenceTable): ReadonlyMap<string, Matcher> {
	let known = compiled.get(table);
	if (!known) {
		known = new Map(Object.entries(table).map(([label, terms]) => [label, terms.map((t) => [t, termPattern(t)] as const)]));
		compiled.set(table, known);
	}
	return known;
}

/** The terms of `label` that `text` mentions (empty when none, or when the label has no evidence). */
export function termsFound(table: EvidenceTable, label: string, text: string): readonly string[] {
	return (matchers(table).get(label) ?? []).filter(([, pattern]) => pattern.test(text)).map(([term]) => term);
}

/** Every label of the table whose evidence `text` mentions, with the terms found. */
export function evidenceFound(table: EvidenceTable, text: string): EvidenceFound {
	const out = new Map<string, readonly string[]>();
	for (const label of Object.keys(table)) {
		const found = termsFound(table, label, text);
		if (found.length) out.set(label, found);
	}
	return out;
}
