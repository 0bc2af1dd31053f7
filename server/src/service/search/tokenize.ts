/**
 * Search terms of ticket text. Chinese is written without spaces, so CJK text becomes every
 * character (unigram) and every pair of adjacent characters (bigram): "证书过期" gives 证, 书, 过,
 * 期, 证书, 书过, 过期. Latin text becomes lower-cased words and numbers; full-width letters and
 * digits (ＨＴＴＰＳ, １２３) count as their ASCII forms.
 *
 * Tokens that carry no shared meaning are dropped: runs of more than 24 letters/digits (hashes,
 * base64, signatures) and numbers of more than 8 digits (order, device and phone numbers); they
 * would only grow the vocabulary of a big workspace.
 */

export enum TermKind {
	/** A CJK character. */
	Unigram = 0,
	/** Two adjacent CJK characters. */
	Bigram = 1,
	/** A Latin word or a number. */
	Word = 2,
}

const maxWordLength = 24;
const maxNumberLength = 8;

/** Han (with extension A and compatibility ideographs), kana and Hangul: scripts written without spaces. */
export function isCjkCode(c: number): boolean {
	return (
		(c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x3040 && c <= 0x30ff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff)
	);
}

/** ASCII letters and digits (after folding full-width forms), and letters of other alphabetic scripts. */
function wordCode(c: number): number {
	if (c >= 0xff10 && c <= 0xff5a) c -= 0xfee0; // full-width digits and letters
	if (c >= 65 && c <= 90) return c + 32;
	if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) return c;
	if (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) return c; // Latin letters with accents
	if (c >= 0x370 && c <= 0x4ff) return c; // Greek, Cyrillic
	return -1;
}

const plainWord = /^[a-z0-9]+$/;
const allDigits = /^[0-9]+$/;

function foldWord(word: string): string {
	let out = '';
	for (let k = 0; k < word.length; k++) out += String.fromCharCode(wordCode(word.charCodeAt(k)));
	return out;
}

/** Calls `visit` for every term of `text`, in order, with its kind. */
export function forEachTerm(text: string, visit: (term: string, kind: TermKind) => void): void {
	const n = text.length;
	let i = 0;
	while (i < n) {
		const c = text.charCodeAt(i);
		if (isCjkCode(c)) {
			let j = i + 1;
			while (j < n && isCjkCode(text.charCodeAt(j))) j++;
			for (let k = i; k < j; k++) {
				visit(text[k], TermKind.Unigram);
				if (k + 1 < j) visit(text.slice(k, k + 2), TermKind.Bigram);
			}
			i = j;
			continue;
		}
		const w = wordCode(c);
		if (w < 0) {
			i++;
			continue;
		}
		let j = i + 1;
		while (j < n && wordCode(text.charCodeAt(j)) >= 0) j++;
		const length = j - i;
		if (length <= maxWordLength) {
			let word = text.slice(i, j);
			if (!plainWord.test(word)) word = foldWord(word);
			if (length <= maxNumberLength || !allDigits.test(word)) visit(word, TermKind.Word);
		}
		i = j;
	}
}

/** The terms of `text`, in order (with repeats). */
export function tokenize(text: string): string[] {
	const out: string[] = [];
	forEachTerm(text, (term) => out.push(term));
	return out;
}

/** The kind of a term as `forEachTerm` produced it. */
export function termKind(term: string): TermKind {
	if (isCjkCode(term.charCodeAt(0))) return term.length === 1 ? TermKind.Unigram : TermKind.Bigram;
	return TermKind.Word;
}
