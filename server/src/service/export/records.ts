/**
 * A ticket as plain data, for dataset pipelines (the CLI's `export`) and statistics: its fields
 * and its dialog as `{speaker, text}` turns, with no ranges and no Markdown structure.
 */
import type { TicketDocument } from '../document/ticketDocument';
import type { Section, Ticket } from '../document/model';
import type { SectionKind } from '../config/labels';

interface DialogTurn {
	/** `customer` or `staff`; for an unknown speaker, the name as written. */
	readonly speaker: string;
	readonly text: string;
}

export interface TicketRecord {
	/** Position of the ticket in its file, from 0. */
	readonly ordinal: number;
	/** The title line (0-based, as every LSP position). */
	readonly startLine: number;
	readonly title: string;
	/** Empty when the ticket has no category line or the part is missing. */
	readonly product: string;
	readonly subcategory: string;
	readonly description: string;
	readonly answers: readonly string[];
	readonly rootCause: string;
	readonly dialog: readonly DialogTurn[];
}

function sectionText(sections: readonly Section[], kind: SectionKind): string {
	return sections.find((s) => s.kind === kind)?.contentText.trim() ?? '';
}

function ticketRecord(ticket: Ticket): TicketRecord {
	return {
		ordinal: ticket.ordinal,
		startLine: ticket.startLine,
		title: ticket.title.text,
		product: ticket.category?.product?.text ?? '',
		subcategory: ticket.category?.subcategory?.text ?? '',
		description: sectionText(ticket.sections, 'description'),
		answers: ticket.answers.map((a) => a.text.trim()),
		rootCause: sectionText(ticket.sections, 'rootCause'),
		dialog: ticket.turns.map((t) => ({ speaker: t.speaker ?? t.name, text: t.text.trim() })),
	};
}

export function ticketRecords(document: TicketDocument): TicketRecord[] {
	return document.tickets().map(ticketRecord);
}
