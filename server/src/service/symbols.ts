/**
 * The Outline: the file title on top, one symbol per ticket (its category as detail) under it,
 * and the ticket's sections as children.
 */
import * as l10n from '@vscode/l10n';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import type { TicketDocument } from './document';
import type { Ticket } from './model';
import type { Cancellation } from './types';

export function documentSymbols(doc: TicketDocument, separator: string, token?: Cancellation): DocumentSymbol[] {
	const tickets: DocumentSymbol[] = [];
	for (const ticket of doc.tickets()) {
		if (token?.isCancellationRequested) return [];
		tickets.push(ticketSymbol(ticket, separator));
	}
	const title = doc.header.titles[0];
	if (!title) return tickets;
	const lastLine = doc.index.lineCount - 1;
	const range: Range = { start: { line: title.range.start.line, character: 0 }, end: { line: lastLine, character: doc.index.lineText(lastLine).length } };
	return [
		{
			name: title.text || l10n.t('(untitled dump)'),
			detail: l10n.t('{0} tickets', tickets.length),
			kind: SymbolKind.File,
			range,
			selectionRange: title.range,
			children: tickets,
		},
	];
}

function ticketSymbol(ticket: Ticket, separator: string): DocumentSymbol {
	const c = ticket.category;
	const detail = c?.product ? [c.product.text, c.subcategory?.text].filter(Boolean).join(separator) : '';
	return {
		name: ticket.title.text || l10n.t('(untitled ticket)'),
		detail,
		kind: SymbolKind.Object,
		range: ticket.range,
		selectionRange: ticket.title.range,
		children: ticket.sections.map((section) => ({
			name: section.name.text || '###',
			kind: SymbolKind.Field,
			range: section.range,
			selectionRange: section.name.text ? section.name.range : section.heading,
		})),
	};
}
