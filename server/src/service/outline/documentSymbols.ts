/**
 * The Outline: the file title on top, one symbol per ticket (its category as detail) under it,
 * and the ticket's sections as children. Read from each ticket's line outline, not its Markdown
 * parse, so a 20 MB dump's Outline comes in a fraction of a second (outline.ts). A dump of more
 * than `sectionsMaxTickets` tickets is outlined without sections, and its file symbol says so.
 */
import * as l10n from '@vscode/l10n';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import { categoryLabel } from '../config/labels';
import type { TicketDocument } from '../document/ticketDocument';
import type { TicketOutline } from '../document/lineOutline';
import { makeRange, shiftRange } from '../document/positions';
import type { Cancellation } from '../document/types';

export function documentSymbols(doc: TicketDocument, separator: string, sectionsMaxTickets: number, token?: Cancellation): DocumentSymbol[] {
	const tickets: DocumentSymbol[] = [];
	const withSections = doc.chunks.length <= sectionsMaxTickets;
	for (let i = 0; i < doc.chunks.length; i++) {
		if (token?.isCancellationRequested) return [];
		tickets.push(ticketSymbol(doc.outline(i), doc.chunks[i].startLine, separator, withSections));
	}
	const title = doc.header.titles[0];
	if (!title) return tickets;
	const lastLine = doc.index.lineCount - 1;
	const range: Range = { start: { line: title.range.start.line, character: 0 }, end: { line: lastLine, character: doc.index.lineText(lastLine).length } };
	return [
		{
			name: title.text || l10n.t('(untitled dump)'),
			detail: withSections
				? l10n.t('{0} tickets', tickets.length)
				: l10n.t('{0} tickets; sections not listed past {1} tickets (ticketCurator.limits.outlineSectionsMaxTickets)', tickets.length, sectionsMaxTickets),
			kind: SymbolKind.File,
			range,
			selectionRange: title.range,
			children: tickets,
		},
	];
}

/** A ticket whose title line is `line` of the file. */
function ticketSymbol(outline: TicketOutline, line: number, separator: string, withSections: boolean): DocumentSymbol {
	const c = outline.category;
	const detail = categoryLabel({ product: c?.product?.text, subcategory: c?.subcategory?.text }, separator);
	return {
		name: outline.title.text || l10n.t('(untitled ticket)'),
		detail,
		kind: SymbolKind.Object,
		range: makeRange(line, 0, line + outline.lastContentLine, outline.lastContentCharacter),
		selectionRange: shiftRange(outline.title.range, line),
		children: (withSections ? outline.sections : []).map((section) => ({
			name: section.name.text || '###',
			kind: SymbolKind.Field,
			range: shiftRange(section.range, line),
			selectionRange: shiftRange(section.name.text ? section.name.range : section.heading, line),
		})),
	};
}
