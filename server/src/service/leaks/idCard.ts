/** 18-character resident ID numbers (GB 11643): region, a real birth date, and a valid check character. */
import { followedByMask, notAfterWord, notBeforeWord } from './boundaries';
import { idCardBirthDateValid, idCardValid } from './checksums';
import type { Detector } from './leak';

const idCard = new RegExp(`${notAfterWord}[1-8]\\d{5}(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[\\dXx]${notBeforeWord}`, 'g');

export const detectIdCards: Detector = (text, report) => {
	for (const m of text.matchAll(idCard)) {
		const end = m.index + m[0].length;
		if (idCardValid(m[0]) && idCardBirthDateValid(m[0]) && !followedByMask(text, end)) report({ kind: 'idCard', start: m.index, end });
	}
};
