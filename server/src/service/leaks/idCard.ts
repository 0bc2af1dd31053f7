/**
 * 18-character resident ID numbers (GB 11643): region, a real birth date, and a valid check
 * character; written plain or split into groups by spaces (`110105 19491231 002X`).
 */
import { followedByMask, notAfterWord, notBeforeWord } from './boundaries';
import { idCardBirthDateValid, idCardValid } from './checksums';
import type { Detector } from './leak';

const idCard = new RegExp(`${notAfterWord}[1-8]\\d{5}(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[\\dXx]${notBeforeWord}`, 'g');
// At most one space between any two characters; the check digit and the birth date tell the rest.
const groupedIdCard = new RegExp(`${notAfterWord}[1-8](?: ?\\d){16} ?[\\dXx]${notBeforeWord}`, 'g');

export const detectIdCards: Detector = (text, report) => {
	for (const m of text.matchAll(idCard)) {
		const end = m.index + m[0].length;
		if (idCardValid(m[0]) && idCardBirthDateValid(m[0]) && !followedByMask(text, end)) report({ kind: 'idCard', start: m.index, end });
	}
	for (const m of text.matchAll(groupedIdCard)) {
		if (!m[0].includes(' ')) continue;
		const groups = m[0].split(' ');
		const id = groups.join('');
		if (groups.length > 5 || groups.some((g) => g.length < 2)) continue;
		const end = m.index + m[0].length;
		if (idCardValid(id) && idCardBirthDateValid(id) && !followedByMask(text, end)) report({ kind: 'idCard', start: m.index, end });
	}
};
