/**
 * The line scan: splits a whole file into its header and one chunk per ticket without parsing
 * Markdown (remark on a whole 2 MB dump takes 14 s; this takes milliseconds). A ticket starts at
 * an ATX H2 line and runs to the line before the next one.
 */
import { LineIndex } from './positions';
import type { TextChange } from './textChange';

export interface TicketChunk {
	/** Line of the ticket's `## ` title. */
	readonly startLine: number;
	/** Line after the ticket's last line (the next title, or the line count). */
	readonly endLine: number;
	readonly startOffset: number;
	readonly endOffset: number;
	/** The ticket's source text, the cache key of its parse. */
	readonly text: string;
}

export interface ScannedFile {
	readonly index: LineIndex;
	/** Lines 0 .. headerEndLine-1 are the file header (title, declared count, first separator). */
	readonly headerEndLine: number;
	readonly chunks: readonly TicketChunk[];
}

const h2Line = /^ {0,3}##(?:[ \t]|$)/;

export function isH2Line(line: string): boolean {
	return h2Line.test(line);
}

export function scanFile(text: string, index = new LineIndex(text)): ScannedFile {
	const titleLines: number[] = [];
	for (let line = 0; line < index.lineCount; line++) if (isTitleLine(text, index, line)) titleLines.push(line);
	return toChunks(text, index, titleLines);
}

/**
 * The scan of `text`, a new version of the text `previous` was scanned from, that differs from it
 * only in `change` (`index` is the new text's): title lines before and after the change are taken
 * over, only the lines it touched are read. `kept` says how many chunks at each end are unchanged.
 */
export function rescanFile(previous: ScannedFile, text: string, index: LineIndex, change: TextChange): ScannedFile & { kept: { front: number; back: number } } {
	const oldTitles = previous.chunks.map((c) => c.startLine);
	// A line before the one holding the change's start is unchanged; so is a line that starts after its end.
	const firstChanged = index.positionAt(change.start).line;
	let firstAfter = index.positionAt(change.newEnd).line + 1;
	const lineDelta = index.lineCount - previous.index.lineCount;
	const front = oldTitles.filter((line) => line < firstChanged);
	const titleLines = [...front];
	for (let line = firstChanged; line < firstAfter && line < index.lineCount; line++) if (isTitleLine(text, index, line)) titleLines.push(line);
	firstAfter = Math.min(firstAfter, index.lineCount);
	const back = oldTitles.filter((line) => line + lineDelta >= firstAfter).map((line) => line + lineDelta);
	titleLines.push(...back);
	// The last chunk before the change ends at the next title, which the change may have moved.
	return { ...toChunks(text, index, titleLines), kept: { front: Math.max(0, front.length - 1), back: back.length } };
}

/** Whether a line is a ticket's `## ` title (a BOM before the first line does not count). */
function isTitleLine(text: string, index: LineIndex, line: number): boolean {
	let start = index.lineStart(line);
	if (line === 0 && text.charCodeAt(0) === 0xfeff) start++;
	// Cheap pre-check on the first characters before the regular expression.
	let at = start;
	while (at < start + 3 && text.charCodeAt(at) === 32) at++;
	if (text.charCodeAt(at) !== 35 /* # */ || text.charCodeAt(at + 1) !== 35) return false;
	return h2Line.test(text.slice(start, Math.min(index.lineEnd(line), start + 8)));
}

function toChunks(text: string, index: LineIndex, titleLines: readonly number[]): ScannedFile {
	const chunks: TicketChunk[] = [];
	for (let i = 0; i < titleLines.length; i++) {
		const startLine = titleLines[i];
		const endLine = i + 1 < titleLines.length ? titleLines[i + 1] : index.lineCount;
		const startOffset = index.lineStart(startLine);
		const endOffset = endLine < index.lineCount ? index.lineStart(endLine) : text.length;
		chunks.push({ startLine, endLine, startOffset, endOffset, text: text.slice(startOffset, endOffset) });
	}
	return { index, headerEndLine: titleLines.length ? titleLines[0] : index.lineCount, chunks };
}

/** The index of the chunk whose lines hold `line` (from its title to the line before the next title), if any. */
export function chunkAtLine(chunks: readonly TicketChunk[], line: number): number | undefined {
	let lo = 0;
	let hi = chunks.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (line < chunks[mid].startLine) hi = mid - 1;
		else if (line >= chunks[mid].endLine) lo = mid + 1;
		else return mid;
	}
	return undefined;
}
