/**
 * Ticket text quoted in a message (a title, the start of a turn, a section name) with every leaked
 * value masked as the leak findings mask it: messages end up in CI logs and must never repeat a
 * leaked value. The values are looked for in the whole ticket the text comes from when it is given (a
 * value written in full is a redaction leak only because the ticket masks it elsewhere), else in the
 * quoted text itself (another ticket's title, a category counted across the workspace).
 * Every detector runs whatever the rules' severities (a rule switched off silences its findings, it
 * does not let other messages print the values); allow-listed values are no leaks and stay.
 * A secret is quoted as `[REDACTED_SECRET]`, not as its fix masks it: even the few characters a
 * mask keeps must not reach a log.
 */
import type { TicketConfig } from '../config/ticketConfig';
import type { ParsedTicket } from '../document/model';
import { allowListFor } from './allowList';
import { findLeaks } from './findLeaks';
import { leakCodeOf, type Leak } from './leak';
import { ticketLeaks } from './ticketLeaks';

/** Per parse, the masks of its leaked values (every message of the ticket reuses them). */
const ticketMasks = new WeakMap<readonly Leak[], ReadonlyMap<string, string>>();

function masksOf(ticket: ParsedTicket, allowList: readonly string[]): ReadonlyMap<string, string> {
	const leaks = ticketLeaks(ticket, allowList);
	let masks = ticketMasks.get(leaks);
	if (!masks) ticketMasks.set(leaks, (masks = new Map(leaks.map((leak) => [leak.value, quoteMask(leak)]))));
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
	// Text of the ticket has had its leaks replaced above: scanning it again would only cost (10,000 quotes of a 20 MB dump).
	if (ticket) return masked;
	const leaks = findLeaks(masked, { allow: allowListFor(config.allowList) });
	for (let k = leaks.length - 1; k >= 0; k--) masked = masked.slice(0, leaks[k].start) + quoteMask(leaks[k]) + masked.slice(leaks[k].end);
	return masked;
}

/** What a quote shows for a leaked value: its mask, or for a secret no part of it. */
function quoteMask(leak: Leak): string {
	return leakCodeOf[leak.kind] === 'secret-credential' ? '[REDACTED_SECRET]' : leak.mask;
}
