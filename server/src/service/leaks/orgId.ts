/**
 * Unified social credit codes (统一社会信用代码, the company tax ID): 18 characters of the GB 32100
 * alphabet with a valid check character. An all-digit code must stand after a word naming it
 * (税号, 信用代码…), since 1 in 31 long numbers passes the check by chance.
 */
import { followedByMask, lineBefore, notAfterWord, notBeforeWord } from './boundaries';
import { orgIdValid } from './checksums';
import type { Detector } from './leak';

const c = '[0-9A-HJ-NP-RTUWXY]';
const orgId = new RegExp(`${notAfterWord}${c}{2}\\d{6}${c}{10}${notBeforeWord}`, 'g');
const cue = /税号|信用代码|识别号|社会信用|营业执照|tax/i;

export const detectOrgIds: Detector = (text, report) => {
	for (const m of text.matchAll(orgId)) {
		const end = m.index + m[0].length;
		if (!orgIdValid(m[0]) || followedByMask(text, end)) continue;
		if (/^\d+$/.test(m[0]) && !cue.test(lineBefore(text, m.index, 24))) continue;
		report({ kind: 'orgId', start: m.index, end });
	}
};
