/**
 * Mainland phone numbers: mobiles (11 digits 1[3-9]…, optional +86, optionally grouped 3-4-4 by
 * spaces or dashes) and landlines with an area code (010, 02x, 0xxx; optional parentheses and
 * extension). Service numbers (400/800/95xxx) are public and not matched.
 */
import { followedByMask, notAfterWord, notBeforeWord } from './boundaries';
import type { Detector } from './leak';

const mobile = new RegExp(`${notAfterWord}(?:(?:\\+|00)?86[ -]?)?1[3-9]\\d([ -]?)\\d{4}\\1\\d{4}${notBeforeWord}`, 'g');
const areaCode = '0(?:10|2\\d|[3-9]\\d{2})';
const landline = new RegExp(`${notAfterWord}(?:\\(${areaCode}\\)[ -]?|${areaCode}[ -]?)[2-9]\\d{6,7}(?:-\\d{1,5})?${notBeforeWord}`, 'g');

export const detectPhones: Detector = (text, report) => {
	for (const m of text.matchAll(mobile)) {
		const end = m.index + m[0].length;
		if (!followedByMask(text, end)) report({ kind: 'mobile', start: m.index, end });
	}
	for (const m of text.matchAll(landline)) {
		const end = m.index + m[0].length;
		if (!followedByMask(text, end)) report({ kind: 'landline', start: m.index, end });
	}
};
