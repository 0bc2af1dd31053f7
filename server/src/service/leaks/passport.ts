/**
 * Passport numbers after 护照 (or "passport"): the mainland formats, E or G and 8 digits
 * (`E12345678`), E, a letter and 7 digits (`EA1234567`), the diplomatic, service and official
 * ones (D/S/P and 7 digits, `DE1234567`, `SE…`, `PE…`, 14/15 and 7 digits), and the travel permits
 * for Hong Kong, Macau and Taiwan (C, H, M, T and 8 to 10 digits). The cue must stand shortly
 * before: a bare E and 8 digits is as often an error or order code.
 */
import { followedByMask, lineBefore, notAfterWord, notBeforeWord } from './boundaries';
import type { Detector } from './leak';

const passport = new RegExp(`${notAfterWord}(?:[EG]\\d{8}|E[A-HJ-NP-Z]\\d{7}|[DSP]E?\\d{7}|1[45]\\d{7}|[CHMT]\\d{8,10})${notBeforeWord}`, 'gi');
const cue = /(?:护照|passport|通行证|旅行证)[^\n]{0,12}$/i;

export const detectPassports: Detector = (text, report) => {
	if (!/护照|passport|通行证|旅行证/i.test(text)) return;
	for (const m of text.matchAll(passport)) {
		const end = m.index + m[0].length;
		if (!cue.test(lineBefore(text, m.index, 20)) || followedByMask(text, end)) continue;
		report({ kind: 'passport', start: m.index, end, cue: /护照|passport/i.exec(lineBefore(text, m.index, 20))?.[0] ?? '护照' });
	}
};
