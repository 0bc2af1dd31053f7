/**
 * Exact copies of a ticket: the same text after whitespace, markup, image-marker and redaction
 * normalisation (compare.ts). Similar-ticket search does not return a copy of the query as
 * "similar". Two numbers per ticket decide it without keeping the text: the hash of its comparable
 * text (equal: a copy), and the hash of its skeleton, the text with each run of ASCII letters,
 * digits and punctuation cut to what a mask keeps of it (its first 8 characters, and nothing from
 * a `*` on): a masked copy (`671f6a43***` for `671f6a43c0ffee`) shares it with its original. An
 * equal skeleton with a different text is a copy only if the texts match with `***` as a
 * wildcard. Per field, two more small hashes (of its loose and strict comparable text) and whether
 * it holds a wildcard at all decide most such pairs without the texts: two fields without a
 * wildcard match only when one of their texts is equal. The caller checks the rest on the texts.
 *
 * The duplicate rule's exact duplicates (TicketPrint.exact, duplicateIndex.ts) are stricter: the
 * whole ticket's text, category and root cause included, and a masked value is not its original.
 */
import { comparable, sameModuloRedaction } from '../document/compare';
import type { TicketFields } from '../document/ticketDigest';
import { hash53 } from '../document/textHash';

export interface CopyPrint {
	/** Hash of the comparable text. */
	readonly exact: number;
	/** Hash of the comparable text without its runs of ASCII letters, digits and punctuation. */
	readonly skeleton: number;
	/** Per field (in `fieldOrder`), the 32-bit hashes of its loose and of its strict comparable text: `fieldHashCount` numbers. */
	readonly fieldHashes: Uint32Array;
	/** Bit i set: field i holds no redaction wildcard in either comparable form. */
	readonly unmasked: number;
}

const fieldOrder: readonly (keyof TicketFields)[] = ['title', 'description', 'answers', 'dialog'];
/** Numbers in `CopyPrint.fieldHashes`: two per field. */
export const fieldHashCount = 2 * fieldOrder.length;

export function copyPrint(fields: TicketFields): CopyPrint {
	const fieldHashes = new Uint32Array(fieldHashCount);
	let unmasked = 0;
	const loose = fieldOrder.map((f, i) => {
		const looseText = comparable(fields[f], true);
		const strictText = comparable(fields[f], false);
		fieldHashes[2 * i] = hash53(looseText);
		fieldHashes[2 * i + 1] = hash53(strictText);
		if (!looseText.includes('***') && !strictText.includes('***')) unmasked |= 1 << i;
		return looseText;
	});
	const text = loose.join('\u0000');
	return { exact: hash53(text), skeleton: hash53(text.replace(/[\x21-\x7e]+/g, maskedPrefix)), fieldHashes, unmasked };
}

/**
 * Whether two tickets of equal skeleton are copies, from their prints alone (`a` and `b` hold
 * `fieldHashCount` numbers from `aAt` and `bAt`): undefined when a field differs and one of the two
 * holds a wildcard, which only the texts can settle (`isCopy`).
 */
export function copyByPrints(a: ArrayLike<number>, aAt: number, aUnmasked: number, b: ArrayLike<number>, bAt: number, bUnmasked: number): boolean | undefined {
	let settled = true;
	for (let i = 0; i < fieldOrder.length; i++) {
		// Equal loose or strict text: the field matches (sameModuloRedaction tries both first).
		if (a[aAt + 2 * i] === b[bAt + 2 * i] || a[aAt + 2 * i + 1] === b[bAt + 2 * i + 1]) continue;
		if (aUnmasked & bUnmasked & (1 << i)) return false;
		settled = false;
	}
	return settled ? true : undefined;
}

/** What the anonymiser leaves of a value: it keeps at least its first 8 characters before `***`. */
const keptByMask = 8;

function maskedPrefix(run: string): string {
	const star = run.indexOf('*');
	return `\u0001${run.slice(0, Math.min(keptByMask, star < 0 ? run.length : star))}`;
}

/** Whether two tickets are copies of each other: every field equal modulo redaction. */
export function isCopy(a: TicketFields, b: TicketFields): boolean {
	return fieldOrder.every((f) => a[f] === b[f] || sameModuloRedaction(a[f], b[f]));
}
