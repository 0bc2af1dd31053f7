/**
 * Ticket text quoted in a message (a title, the start of a turn, a section name) with every leaked
 * value masked as the leak findings mask it: messages end up in CI logs and must never repeat a
 * leaked value. The values are looked for in the whole ticket when it is given (a value written in
 * full is a redaction leak only because the ticket masks it elsewhere) and in the quoted text itself.
 * Every detector runs whatever the rules' severities (a rule switched off silences its findings, it
 * does not let other messages print the values); allow-listed values are no leaks and stay.
 */
import type { TicketConfig } from '../config/ticketConfig';
import type { ParsedTicket } from '../document/model';
import { allowListFor } from './allowList';
import { findLeaks } from './findLeaks';

/** Per parse, the masks of its leaked values (found once: every message of the ticket reuses them). */
const ticketMasks = new WeakMap<ParsedTicket, { allowList: readonly string[]; masks: ReadonlyMap<string, string> }>();

function masksOf(ticket: ParsedTicket, allowList: readonly string[]): ReadonlyMap<string, string> {
	const known = ticketMasks.get(ticket);
	if (known?.allowList === allowList) return known.masks;
	const masks = new Map<string, string>();
	for (const leak of findLeaks(ticket.text, { allow: allowListFor(allowList) })) masks.set(leak.value, leak.mask);
	ticketMasks.set(ticket, { allowList, masks });
	return masks;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `text` as a message may quote it: the ticket's leaked values and any leak of its own replaced by their masks. */
export function maskQuote(text: string, config: TicketConfig, ticket?: ParsedTicket): string {
	if (!text) return text;
	let masked = text;
	const masks = ticket ? masksOf(ticket, config.allowList) : undefined;
	if (masks?.size) {
		// Longest first: a value that contains another is masked whole.
		const values = [...masks.keys()].filter((v) => masked.includes(v)).sort((a, b) => b.length - a.length);
		if (values.length) masked = masked.replace(new RegExp(values.map(escape).join('|'), 'g'), (v) => masks.get(v)!);
	}
	const leaks = findLeaks(masked, { allow: allowListFor(config.allowList) });
	for (let k = leaks.length - 1; k >= 0; k--) masked = masked.slice(0, leaks[k].start) + leaks[k].mask + masked.slice(leaks[k].end);
	return masked;
}
