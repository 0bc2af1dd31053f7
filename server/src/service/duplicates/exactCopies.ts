/**
 * Exact copies of a ticket: the same text after whitespace, markup, image-marker and redaction
 * normalisation (compare.ts). Similar-ticket search does not return a copy of the query as
 * "similar". Two numbers per ticket decide it without keeping the text: the hash of its comparable
 * text (equal: a copy), and the hash of its skeleton, the text with each run of ASCII letters,
 * digits and punctuation cut to what a mask keeps of it (its first 8 characters, and nothing from
 * a `*` on): a masked copy (`671f6a43***` for `671f6a43c0ffee`) shares it with its original. An
 * equal skeleton with a different text is a copy only if the texts match with `***` as a
 * wildcard, which the caller checks on the texts (rare: other tickets seldom share a skeleton).
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
}

const fieldOrder: readonly (keyof TicketFields)[] = ['title', 'description', 'answers', 'dialog'];

function joined(fields: TicketFields): string {
	return fieldOrder.map((f) => fields[f]).join('\u0000');
}

export function copyPrint(fields: TicketFields): CopyPrint {
	const text = comparable(joined(fields), true);
	return { exact: hash53(text), skeleton: hash53(text.replace(/[\x21-\x7e]+/g, maskedPrefix)) };
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
