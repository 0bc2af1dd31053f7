/**
 * The one place where positions are converted: remark's 1-based points and UTF-16 offsets
 * to LSP's 0-based line / UTF-16 character positions, and ranges moved between a ticket's
 * own coordinates and the file's.
 *
 * JavaScript strings are UTF-16, so an offset into the text is already an LSP character count.
 */
import type { Position, Range } from 'vscode-languageserver-types';
import type { TextChange } from './textChange';

/** Offsets of the first character of every line; a line ends at LF, CRLF or a lone CR. */
export class LineIndex {
	private readonly starts: number[];

	constructor(
		readonly text: string,
		starts?: number[],
	) {
		this.starts = starts ?? lineStarts(text, 0, text.length, [0]);
	}

	/**
	 * The index of `text`, a new version of `previous.text` that differs from it only in `change`:
	 * line starts before and after the change are taken over (shifted), only the changed part is read.
	 */
	static afterChange(previous: LineIndex, text: string, change: TextChange): LineIndex {
		const old = previous.starts;
		// Starts before the change depend only on common text; so do starts after its end's line break.
		const before = firstAtLeast(old, change.start);
		const after = firstAtLeast(old, change.oldEnd + 1);
		const starts = old.slice(0, Math.max(1, before));
		lineStarts(text, Math.max(0, change.start - 1), change.newEnd, starts);
		const delta = change.newEnd - change.oldEnd;
		for (let i = after; i < old.length; i++) starts.push(old[i] + delta);
		return new LineIndex(text, starts);
	}

	get lineCount(): number {
		return this.starts.length;
	}

	lineStart(line: number): number {
		return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
	}

	/** End of the line's content, before its line break. */
	lineEnd(line: number): number {
		if (line + 1 >= this.starts.length) return this.text.length;
		let end = this.starts[line + 1];
		if (this.text.charCodeAt(end - 1) === 10) end--;
		if (this.text.charCodeAt(end - 1) === 13) end--;
		return end;
	}

	lineText(line: number): string {
		return this.text.slice(this.lineStart(line), this.lineEnd(line));
	}

	positionAt(offset: number): Position {
		const clamped = Math.max(0, Math.min(offset, this.text.length));
		let lo = 0;
		let hi = this.starts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (this.starts[mid] <= clamped) lo = mid;
			else hi = mid - 1;
		}
		return { line: lo, character: clamped - this.starts[lo] };
	}

	offsetAt(position: Position): number {
		if (position.line >= this.starts.length) return this.text.length;
		if (position.line < 0) return 0;
		const start = this.starts[position.line];
		return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
	}

	rangeAt(start: number, end: number): Range {
		return { start: this.positionAt(start), end: this.positionAt(end) };
	}

	/** The range of a whole line's content (without its break). */
	lineRange(line: number): Range {
		return { start: { line, character: 0 }, end: { line, character: this.lineEnd(line) - this.lineStart(line) } };
	}
}

/**
 * Appends to `starts` the line starts after the line breaks found from `from` up to `to` (a start
 * beyond `to` is left out: the caller has it). indexOf runs natively, far faster than a loop over
 * every character of a 20 MB dump; a CR needs the loop.
 */
function lineStarts(text: string, from: number, to: number, starts: number[]): number[] {
	if (text.indexOf('\r', from) < 0 || text.indexOf('\r', from) >= to) {
		for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
		return starts;
	}
	for (let i = from; i < to; i++) {
		const c = text.charCodeAt(i);
		if (c === 10) starts.push(i + 1);
		else if (c === 13) {
			if (text.charCodeAt(i + 1) === 10) i++;
			if (i + 1 <= to) starts.push(i + 1);
		}
	}
	return starts;
}

/** The first index of a sorted array whose value is at least `value`. */
function firstAtLeast(sorted: readonly number[], value: number): number {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (sorted[mid] < value) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** A unist point as remark reports it: 1-based line and column, 0-based offset. */
interface RemarkPoint {
	readonly line: number;
	readonly column: number;
	readonly offset?: number;
}

/** remark's point (in the text it parsed) to an LSP position in that same text. */
export function positionFromRemark(point: RemarkPoint, index: LineIndex): Position {
	if (point.offset !== undefined) return index.positionAt(point.offset);
	return { line: point.line - 1, character: point.column - 1 };
}

export function offsetFromRemark(point: RemarkPoint, index: LineIndex): number {
	return point.offset ?? index.offsetAt({ line: point.line - 1, character: point.column - 1 });
}

/** Moves a range from a ticket's own coordinates (line 0 = its title line) to the file's. */
export function shiftRange(range: Range, lines: number): Range {
	if (lines === 0) return range;
	return {
		start: { line: range.start.line + lines, character: range.start.character },
		end: { line: range.end.line + lines, character: range.end.character },
	};
}

export function makeRange(startLine: number, startChar: number, endLine: number, endChar: number): Range {
	return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}

export function comparePositions(a: Position, b: Position): number {
	return a.line - b.line || a.character - b.character;
}

export function rangeContains(outer: Range, inner: Range): boolean {
	return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

export function rangeContainsPosition(range: Range, position: Position): boolean {
	return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}
