/** Folding: each ticket (keeping its `---` visible) and each of its sections. */
import type { FoldingRange } from 'vscode-languageserver-types';
import type { TicketDocument } from './document';

export function foldingRanges(doc: TicketDocument): FoldingRange[] {
	const ranges: FoldingRange[] = [];
	for (const ticket of doc.tickets()) {
		const end = ticket.separator ? lastContentBefore(doc, ticket.separator.start.line, ticket.startLine) : ticket.lastContentLine;
		if (end > ticket.startLine) ranges.push({ startLine: ticket.startLine, endLine: end });
		for (const section of ticket.sections) {
			const { start, end } = section.range;
			if (end.line > start.line) ranges.push({ startLine: start.line, endLine: end.line });
		}
	}
	return ranges;
}

function lastContentBefore(doc: TicketDocument, line: number, floor: number): number {
	let l = line - 1;
	while (l > floor && !doc.index.lineText(l).trim()) l--;
	return l;
}
