/**
 * The line scan: splits a whole file into its header and one chunk per ticket without parsing
 * Markdown (remark on a whole 2 MB dump takes 14 s; this takes milliseconds). A ticket starts at
 * an ATX H2 line and runs to the line before the next one.
 */
import { LineIndex } from './positions';

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
	for (let line = 0; line < index.lineCount; line++) {
		let start = index.lineStart(line);
		if (line === 0 && text.charCodeAt(0) === 0xfeff) start++;
		// Cheap pre-check on the first characters before the regular expression.
		let at = start;
		while (at < start + 3 && text.charCodeAt(at) === 32) at++;
		if (text.charCodeAt(at) !== 35 /* # */ || text.charCodeAt(at + 1) !== 35) continue;
		if (h2Line.test(text.slice(start, Math.min(index.lineEnd(line), start + 8)))) titleLines.push(line);
	}
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
