/**
 * Text comparison that forgives what the dump's own processing changes: whitespace, non-breaking
 * spaces, image markers and redaction (a `***` or a masked IPv4 octet in one text stands for any
 * run of characters in the other).
 */

export function normalizeSpace(text: string): string {
	return text.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

const imageMarker = /\[图片\]/g;
/** What an HTML stripper removes: the dump's descriptions are first turns with `<WARNING>`, `<?php … ?>` dropped. */
const markup = /<[^>]*>/g;
/** The redaction markers of a dump, shared by every comparison that forgives redaction. */
export const anySpace = /[\s\u00a0\u3000]+/g;
/**
 * A masked IPv4 address (`148.153.*.*`): each masked octet is a wildcard like `***`. No `\b` before
 * it: texts are compared without whitespace, so `IP 148.153.*.*` reads `IP148.153.*.*`.
 */
export const maskedIpv4 = /(\d{1,3}\.\d{1,3}\.)\*\.\*/g;
/** A placeholder the anonymiser put for a whole value (`[REDACTED_PHONE]`): a wildcard too. */
export const redactionPlaceholder = /\[REDACTED_[A-Z0-9_]+\]/g;
/** The anonymiser's mask of a value's tail. */
export const maskStars = /\*{3,}/g;

/**
 * The text as compared: without whitespace (chats and their copies space CJK text differently),
 * masked octets and `[REDACTED_…]` placeholders turned into `***`, and, when loose, without `[图片]` and markup (copies drop both).
 */
export function comparable(text: string, loose: boolean): string {
	const bare = loose ? text.replace(markup, '').replace(imageMarker, '') : text;
	return bare.replace(anySpace, '').replace(maskedIpv4, '$1***.***').replace(redactionPlaceholder, '***');
}

/**
 * Equal after normalisation, treating `***` in either text as a wildcard. Image markers are tried
 * both dropped and kept: the anonymiser sometimes masks a URL together with the `[图片` after it,
 * leaving `https://host/***]` against `https://host/path[图片]`.
 */
export function sameModuloRedaction(a: string, b: string): boolean {
	for (const loose of [true, false]) {
		const x = comparable(a, loose);
		const y = comparable(b, loose);
		if (x === y || matchesMasked(x, y) || matchesMasked(y, x)) return true;
	}
	return false;
}

/** Whether `masked` (with `***` wildcards) matches `plain`. */
function matchesMasked(masked: string, plain: string): boolean {
	if (!masked.includes('***')) return false;
	const parts = masked.split(/\*{3,}/);
	let at = 0;
	for (let i = 0; i < parts.length; i++) {
		const part = parts[i];
		if (i === 0) {
			if (!plain.startsWith(part)) return false;
			at = part.length;
			continue;
		}
		if (i === parts.length - 1) return plain.length - part.length >= at && plain.endsWith(part);
		const found = plain.indexOf(part, at);
		if (found < 0) return false;
		at = found + part.length;
	}
	return true;
}

/** The first place two texts differ, with a little context, for messages. */
export function firstDifference(a: string, b: string, context = 12): { left: string; right: string } {
	const x = normalizeSpace(a);
	const y = normalizeSpace(b);
	let i = 0;
	while (i < x.length && i < y.length && x[i] === y[i]) i++;
	const cut = (s: string) => {
		const [from, to] = outsidePlaceholders(s, Math.max(0, i - context), i + context);
		return (from > 0 ? '…' : '') + s.slice(from, to) + (s.length > to ? '…' : '');
	};
	return { left: cut(x), right: cut(y) };
}

/** `[from, to)` widened so that neither end falls inside a `[REDACTED_…]` placeholder: a message shows a mask whole. */
function outsidePlaceholders(s: string, from: number, to: number): [number, number] {
	for (const m of s.matchAll(redactionPlaceholder)) {
		const start = m.index;
		const end = start + m[0].length;
		if (start >= to) break;
		if (start < from && from < end) from = start;
		if (start < to && to < end) to = end;
	}
	return [from, to];
}
