/** Shared pieces of the detectors' patterns and checks. */

/** A value must not run on into ASCII letters, digits or `_` (Chinese text right against it is fine). */
export const notAfterWord = '(?<![0-9A-Za-z_])';
export const notBeforeWord = '(?![0-9A-Za-z_])';

/** Whether the text right after `end` is a redaction marker: the value is the kept prefix of a masked one. */
export function followedByMask(text: string, end: number): boolean {
	return text.startsWith('***', end);
}

/** The text before `start` on the same line, at most `length` characters: where cue words stand. */
export function lineBefore(text: string, start: number, length: number): string {
	const from = Math.max(0, start - length);
	const before = text.slice(from, start);
	const newline = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
	return newline >= 0 ? before.slice(newline + 1) : before;
}
