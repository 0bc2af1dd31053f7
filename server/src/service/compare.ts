/**
 * Text comparison that forgives what the dump's own processing changes: whitespace, non-breaking
 * spaces, and redaction (a `***` in one text stands for any run of characters in the other).
 */

export function normalizeSpace(text: string): string {
	return text.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

const imageMarker = /\s*\[图片\]\s*/g;

/** Equal after normalisation, treating `***` in either text as a wildcard. */
export function sameModuloRedaction(a: string, b: string): boolean {
	const x = normalizeSpace(a).replace(imageMarker, ' ').trim();
	const y = normalizeSpace(b).replace(imageMarker, ' ').trim();
	if (x === y) return true;
	return matchesMasked(x, y) || matchesMasked(y, x);
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
	const from = Math.max(0, i - context);
	const cut = (s: string) => (from > 0 ? '…' : '') + s.slice(from, i + context) + (s.length > i + context ? '…' : '');
	return { left: cut(x), right: cut(y) };
}
