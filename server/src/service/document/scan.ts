/**
 * The line scan: splits a whole file into its header and one chunk per ticket without parsing
 * Markdown (remark on a whole 2 MB dump takes 14 s; this takes milliseconds). A ticket starts at
 * an ATX H2 line and runs to the line before the next one.
 *
 * Inside a fenced code block (a shell script or YAML pasted in a dialog), a `## ` line is a
 * comment, not a title, unless a bold key and a colon come next (`**问题分类**: …`, a ticket's
 * category line in any labels): a fence left open by mistake must not swallow the tickets after
 * it. Each title closes any fence, so a ticket's scan does not depend on the tickets before it.
 */
import { fenceCloserOf } from './fences';
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
/** What follows a title within a few lines: its category line, whatever the labels. */
const keyLine = /^[ \t]*\*\*[^*\r\n]{1,16}\*\*[ \t]*[:：]/;
/** A title in a fence looks this many lines ahead for its category line. */
const titleLookahead = 3;

export function isH2Line(line: string): boolean {
	return h2Line.test(line);
}

export function scanFile(text: string, index = new LineIndex(text)): ScannedFile {
	return toChunks(text, index, titlesFrom(text, index, 0).titles);
}

/**
 * The title lines from `from`, where no fence is open (the first line, or a title's), to the end;
 * or up to a title that `known` says the rest of the scan is known from (not included).
 */
function titlesFrom(text: string, index: LineIndex, from: number, known?: (line: number) => boolean): { titles: number[]; knownFrom?: number } {
	const titles: number[] = [];
	/** What closes the open fence, if one is open. */
	let closer: RegExp | undefined;
	for (let line = from; line < index.lineCount; line++) {
		if (isTitleLine(text, index, line) && (!closer || hasKeyLineAfter(index, line))) {
			if (known?.(line)) return { titles, knownFrom: line };
			titles.push(line);
			closer = undefined;
			continue;
		}
		// Cheap pre-check on the first non-blank character: only ` and ~ open or close a fence.
		const c = firstNonBlankChar(text, index, line);
		if (c !== 96 /* ` */ && c !== 126 /* ~ */) continue;
		const lineText = index.lineText(line);
		if (closer) {
			if (closer.test(lineText)) closer = undefined;
			continue;
		}
		closer = fenceCloserOf(lineText);
	}
	return { titles };
}

function firstNonBlankChar(text: string, index: LineIndex, line: number): number {
	let at = index.lineStart(line);
	const end = index.lineEnd(line);
	while (at < end && (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9)) at++;
	return at < end ? text.charCodeAt(at) : -1;
}

/** Whether the next non-blank line after a title, within a few lines, is a bold key and a colon. */
function hasKeyLineAfter(index: LineIndex, line: number): boolean {
	for (let next = line + 1; next <= line + titleLookahead && next < index.lineCount; next++) {
		const lineText = index.lineText(next);
		if (lineText.trim()) return keyLine.test(lineText);
	}
	return false;
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
	const firstAfter = Math.min(index.positionAt(change.newEnd).line + 1, index.lineCount);
	const lineDelta = index.lineCount - previous.index.lineCount;
	// The scan starts again at the last title before the change whose reading (it may look a few lines ahead) the change cannot reach.
	let restart = 0;
	while (restart < oldTitles.length && oldTitles[restart] + titleLookahead < firstChanged) restart++;
	restart--;
	const front = restart >= 0 ? oldTitles.slice(0, restart) : [];
	// Titles at or after the change's end read as before, with no fence open: from the first one read again, the rest is as before.
	const oldAfter = new Set(oldTitles.filter((line) => line + lineDelta >= firstAfter).map((line) => line + lineDelta));
	const { titles, knownFrom } = titlesFrom(text, index, restart >= 0 ? oldTitles[restart] : 0, (line) => line >= firstAfter && oldAfter.has(line));
	const back = knownFrom === undefined ? [] : oldTitles.filter((line) => line + lineDelta >= knownFrom).map((line) => line + lineDelta);
	// The chunks before the scan's start end at its first title, which is read as before: they are unchanged.
	return { ...toChunks(text, index, [...front, ...titles, ...back]), kept: { front: front.length, back: back.length } };
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
