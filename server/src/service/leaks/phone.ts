/**
 * Mainland phone numbers as people type them: mobiles (11 digits 1[3-9]…, in any grouping by spaces
 * or dashes: `150 1234 5678`, `150 12345678`) and landlines with an area code (010, 02x, 0xxx;
 * optional parentheses, spaces inside the number, extension), with a `+86`, `(+86)` or `0086` prefix
 * as part of the range. Service numbers (400/800/95xxx) are public and not matched; quantities
 * (quantity.ts) are not phone numbers.
 */
import { followedByMask, notAfterWord, notBeforeWord } from './boundaries';
import type { Detector } from './leak';
import { isQuantity } from './quantity';

const country = '(?:\\(\\+?86\\)|(?:\\+|00)86|86(?=[ -]))[ -]?';
// Eleven digits with at most one separator between any two of them; groups are checked below.
const mobile = new RegExp(`${notAfterWord}(?:${country}|86)?1[3-9](?:[ -]?\\d){9}${notBeforeWord}(?!\\.\\d)`, 'g');
const areaCode = '0(?:10|2\\d|[3-9]\\d{2})';
const intlAreaCode = '(?:10|2\\d|[3-9]\\d{2})';
const local = '[2-9]\\d{2,3}[ -]?\\d{4}';
const landline = new RegExp(
	`${notAfterWord}(?:\\(${areaCode}\\)[ -]?|${areaCode}[ -]?|${country}${intlAreaCode}[ -]?)${local}(?:(?:-|转|ext\\.?[ ]?)\\d{1,5})?${notBeforeWord}(?!\\.\\d)`,
	'gi',
);

/** The digit groups of a mobile: one kind of separator, at most three, no group of one digit. */
function groupedLikeAPhone(number: string): boolean {
	const body = number.replace(/^(?:\(\+?86\)|\+86|0086|86)[ -]?/, '');
	const separators = new Set(body.match(/[ -]/g) ?? []);
	if (separators.size > 1) return false;
	const groups = body.split(/[ -]/);
	return groups.length <= 4 && groups.every((g) => g.length >= 2) && groups[0].length >= 3;
}

export const detectPhones: Detector = (text, report) => {
	for (const m of text.matchAll(mobile)) {
		const end = m.index + m[0].length;
		if (!groupedLikeAPhone(m[0]) || followedByMask(text, end) || isQuantity(text, m.index, end)) continue;
		report({ kind: 'mobile', start: m.index, end });
	}
	for (const m of text.matchAll(landline)) {
		const end = m.index + m[0].length;
		if (followedByMask(text, end) || isQuantity(text, m.index, end)) continue;
		report({ kind: 'landline', start: m.index, end });
	}
};
