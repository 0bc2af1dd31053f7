/**
 * Every leak of one ticket's text (all detectors, the allow-list applied), found once per parse: the
 * leak rule reads them (with every leak code on, as by default) and so do the messages that quote the
 * ticket (maskQuote.ts), which would otherwise scan it a second time.
 */
import type { ParsedTicket } from '../document/model';
import { allowListFor } from './allowList';
import { findLeaks } from './findLeaks';
import type { Leak } from './leak';

const found = new WeakMap<ParsedTicket, { allowList: readonly string[]; leaks: readonly Leak[] }>();

export function ticketLeaks(ticket: ParsedTicket, allowList: readonly string[]): readonly Leak[] {
	const known = found.get(ticket);
	if (known?.allowList === allowList) return known.leaks;
	const leaks = findLeaks(ticket.text, { allow: allowListFor(allowList) });
	found.set(ticket, { allowList, leaks });
	return leaks;
}
