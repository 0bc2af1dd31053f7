/**
 * Redaction leaks: a value this ticket masks in one place (`jCciD48k***`, `https://github.com/***`,
 * `47.112.*.*`) and writes in full in another, typically 客服解答, which the anonymiser skipped.
 * A masked form is what the anonymiser kept (prefix, dotted suffix, or a URL and IP with `*`
 * wildcards); an unmasked value matches it when it fills every wildcard with something.
 * Masked numbers (`31011500***`) give no form: which long number they hid cannot be told, and
 * numbers are judged by the kind detectors (long order and device numbers are no personal data).
 */
import { parseIpv4 } from './ip';
import type { MaskedOccurrence } from './leak';

type MaskFormType = 'url' | 'word' | 'ip';

export interface MaskForm {
	readonly type: MaskFormType;
	/** The literal text between the wildcards, in order (first = kept prefix, last = kept suffix). */
	readonly parts: readonly string[];
	/** Every place the ticket writes this masked form, in text order. */
	readonly occurrences: readonly MaskedOccurrence[];
}

interface RedactionCandidate {
	readonly start: number;
	readonly end: number;
	readonly form: MaskForm;
}

const urlChars = 'A-Za-z0-9\\-._~:/?#@!$&+,;=%';
const maskedUrl = new RegExp(`https?://[${urlChars}*]+`, 'g');
const urlRun = new RegExp(`[${urlChars}]*`, 'y');
const maskedWord = /(?<![A-Za-z0-9_-])([A-Za-z0-9_-]{6,})\*{3}((?:\.[A-Za-z0-9_-]+)*)/g;
const wordRun = /[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*/y;
const maskedIp = /(?<![0-9.])\d{1,3}(?:\.(?:\d{1,3}|\*)){3}(?![0-9])/g;
const ipRun = /[0-9.]*/y;
const trailing = /[.,;:!?]+$/;
const wordChar = /[A-Za-z0-9_-]/;

/** Every masked value of a text, once per distinct form. */
export function findMaskForms(text: string): MaskForm[] {
	if (!text.includes('*')) return [];
	const forms = new Map<string, { type: MaskFormType; parts: string[]; occurrences: MaskedOccurrence[] }>();
	const add = (type: MaskFormType, parts: string[], start: number, maskedText: string) => {
		const key = `${type}\u0000${parts.join('\u0000')}`;
		const occurrence = { start, end: start + maskedText.length, text: maskedText };
		const known = forms.get(key);
		if (known) known.occurrences.push(occurrence);
		else forms.set(key, { type, parts, occurrences: [occurrence] });
	};
	const urlSpans: [number, number][] = [];
	for (const m of text.matchAll(maskedUrl)) {
		const token = m[0].replace(trailing, '');
		urlSpans.push([m.index, m.index + token.length]);
		if (!token.includes('*')) continue;
		const parts = token.split(/\*+/);
		// The kept prefix must name at least a host, or every URL would match.
		if (!/^https?:\/\/[^/]+\./.test(parts[0])) continue;
		add('url', parts, m.index, token);
	}
	const insideUrl = (at: number) => urlSpans.some(([s, e]) => at >= s && at < e);
	for (const m of text.matchAll(maskedWord)) {
		// A plain lowercase word kept without a suffix (`complete***`) would match ordinary words (`completeUpload`).
		if (/^\d+$/.test(m[1]) || (/^[a-z]+$/.test(m[1]) && !m[2]) || insideUrl(m.index)) continue;
		add('word', [m[1], m[2]], m.index, m[0]);
	}
	// A masked address counts inside a masked URL too (`http://47.112.*.*/***`).
	for (const m of text.matchAll(maskedIp)) {
		if (!m[0].includes('*')) continue;
		add('ip', m[0].split(/\*+/), m.index, m[0]);
	}
	return [...forms.values()].map((f) => ({ ...f, occurrences: f.occurrences.sort((a, b) => a.start - b.start) }));
}

const specificity = (f: MaskForm) => f.parts.reduce((n, p) => n + p.length, 0);

/** The most specific form a value fills, if any. */
export function bestForm(forms: readonly MaskForm[], value: string): MaskForm | undefined {
	let best: MaskForm | undefined;
	for (const form of forms) if (formMatches(form, value) && (!best || specificity(form) > specificity(best))) best = form;
	return best;
}

/**
 * The masked occurrence that stands for the value at `start`: the one written after the same
 * words (客服解答 item k repeats staff turn k, so their text before the value agrees), else the first.
 */
export function closestOccurrence(text: string, form: MaskForm, start: number): MaskedOccurrence {
	let best = form.occurrences[0];
	let bestShared = -1;
	for (const occurrence of form.occurrences) {
		let shared = 0;
		while (shared < 32 && shared < start && shared < occurrence.start && text[start - 1 - shared] === text[occurrence.start - 1 - shared]) shared++;
		if (shared > bestShared) {
			best = occurrence;
			bestShared = shared;
		}
	}
	return best;
}

/** Whether `value` fills every wildcard of the form with at least one character. */
export function formMatches(form: MaskForm, value: string): boolean {
	if (value.includes('*')) return false;
	if (form.type === 'ip' && !parseIpv4(value)) return false;
	const parts = form.parts;
	if (!value.startsWith(parts[0])) return false;
	let at = parts[0].length;
	for (let i = 1; i < parts.length; i++) {
		const last = i === parts.length - 1;
		// Each wildcard stands for at least one character.
		const found = last ? value.length - parts[i].length : value.indexOf(parts[i], at + 1);
		if (found < at + 1 || (last && !value.endsWith(parts[i]))) return false;
		at = found + parts[i].length;
	}
	return true;
}

/** Unmasked values matching a form; one per start, the most specific form winning. */
export function findRedactionCandidates(text: string, forms: readonly MaskForm[]): RedactionCandidate[] {
	const byStart = new Map<number, RedactionCandidate>();
	for (const form of forms) {
		const prefix = form.parts[0];
		if (!prefix) continue;
		for (let at = text.indexOf(prefix); at >= 0; at = text.indexOf(prefix, at + 1)) {
			const end = valueEnd(text, at, form);
			if (end === undefined) continue;
			const value = text.slice(at, end);
			if (!formMatches(form, value)) continue;
			const known = byStart.get(at);
			if (!known || specificity(form) > specificity(known.form)) byStart.set(at, { start: at, end, form });
		}
	}
	return [...byStart.values()].sort((a, b) => a.start - b.start);
}

/** Where the value starting at `start` ends, or undefined when it is no candidate (masked itself, cut mid-word). */
function valueEnd(text: string, start: number, form: MaskForm): number | undefined {
	const prefix = form.parts[0];
	const from = start + prefix.length;
	let end: number;
	if (form.type === 'url') {
		urlRun.lastIndex = from;
		const run = urlRun.exec(text)![0];
		if (text[from + run.length] === '*') return undefined;
		end = from + run.replace(trailing, '').length;
		// `…/apply2.补全信息`: the digit is the next step's number, glued to the URL in the dump.
		if (/(?<!\d)\d$/.test(text.slice(from, end)) && /^[.、][^\p{ASCII}]/u.test(text.slice(end, end + 2))) end--;
	} else if (form.type === 'ip') {
		if (/[0-9.]/.test(text[start - 1] ?? '')) return undefined;
		ipRun.lastIndex = from;
		const run = ipRun.exec(text)![0];
		if (text[from + run.length] === '*') return undefined;
		end = from + run.replace(/\.+$/, '').length;
	} else {
		if (wordChar.test(text[start - 1] ?? '')) return undefined;
		wordRun.lastIndex = from;
		const run = wordRun.exec(text)?.[0] ?? '';
		if (text[from + run.length] === '*') return undefined;
		const suffix = form.parts[1];
		// Without a kept suffix the value is one word; with one, the dotted name that ends with it.
		end = suffix ? from + run.length : from + (/^[A-Za-z0-9_-]*/.exec(run)?.[0].length ?? 0);
	}
	return end > from ? end : undefined;
}
