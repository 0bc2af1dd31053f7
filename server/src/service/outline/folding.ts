/** Folding: each ticket (keeping its `---` visible) and each of its sections, from the tickets' line outlines. */
import type { FoldingRange } from 'vscode-languageserver-types';
import type { TicketDocument } from '../document/ticketDocument';

export function foldingRanges(doc: TicketDocument): FoldingRange[] {
	const ranges: FoldingRange[] = [];
	for (let i = 0; i < doc.chunks.length; i++) {
		const outline = doc.outline(i);
		const start = doc.chunks[i].startLine;
		const end = outline.separatorLine !== undefined ? lastContentBefore(doc, start + outline.separatorLine, start) : start + outline.lastContentLine;
		if (end > start) ranges.push({ startLine: start, endLine: end });
		for (const section of outline.sections) {
			const { start: from, end: to } = section.range;
			if (to.line > from.line) ranges.push({ startLine: start + from.line, endLine: start + to.line });
		}
	}
	return ranges;
}

function lastContentBefore(doc: TicketDocument, line: number, floor: number): number {
	let l = line - 1;
	while (l > floor && !doc.index.lineText(l).trim()) l--;
	return l;
}
