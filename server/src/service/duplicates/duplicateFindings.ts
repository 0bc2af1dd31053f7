/**
 * The diagnostics of duplicate tickets, once the host has found them (the workspace's prints live
 * in the server): one `duplicate-ticket` finding for a ticket with exact copies and one
 * `near-duplicate` for a ticket with near copies, on its title, with related information linking
 * every other copy in whichever file it is. The first copy in workspace order (file URI, then
 * position) is the one kept: its finding says so, the others carry the delete fix.
 */
import * as l10n from '@vscode/l10n';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { TicketConfig } from '../config/ticketConfig';
import type { DuplicateData } from '../fixes/deleteDuplicate';
import { diagnosticSource, type RuleCode } from '../rules/catalog';
import { ruleSeverity } from '../rules/finding';

/** A ticket somewhere in the workspace. */
export interface TicketRef {
	readonly uri: string;
	readonly ordinal: number;
	readonly title: string;
	readonly titleRange: Range;
}

export interface DuplicateOf {
	readonly ticket: TicketRef;
	readonly exact: boolean;
	readonly similarity: number;
}

/**
 * Related information lists at most this many copies (the most similar first, and the kept one); the
 * message gives the count. A template-like ticket can have hundreds of copies: listing them all
 * made a 20 MB dump's diagnostics 43 MB of JSON.
 */
const maxRelatedCopies = 5;

/** The copy kept: the first in file URI order, then position in the file. */
export function firstCopy(tickets: readonly TicketRef[]): TicketRef {
	return tickets.reduce((a, b) => (b.uri < a.uri || (b.uri === a.uri && b.ordinal < a.ordinal) ? b : a));
}

export function duplicateDiagnostics(ticket: TicketRef, copies: readonly DuplicateOf[], config: TicketConfig): Diagnostic[] {
	const out: Diagnostic[] = [];
	const exact = copies.filter((c) => c.exact);
	const near = copies.filter((c) => !c.exact);
	const emit = (code: RuleCode, others: readonly DuplicateOf[], message: (first: boolean) => string, related: (c: DuplicateOf) => string) => {
		const setting = config.rules[code];
		if (!others.length || setting === 'off') return;
		const kept = firstCopy([ticket, ...others.map((c) => c.ticket)]);
		const first = kept === ticket;
		// The most similar copies, and always the one that is kept.
		const shown = [...others].sort((a, b) => b.similarity - a.similarity).slice(0, maxRelatedCopies);
		const keptCopy = others.find((c) => c.ticket === kept);
		if (keptCopy && !shown.includes(keptCopy)) shown[shown.length - 1] = keptCopy;
		const data: DuplicateData = { first };
		out.push({
			range: ticket.titleRange,
			severity: ruleSeverity(code, config),
			code,
			source: diagnosticSource,
			message: message(first),
			relatedInformation: shown.map((c) => ({ location: { uri: c.ticket.uri, range: c.ticket.titleRange }, message: related(c) })),
			data,
		});
	};
	emit(
		'duplicate-ticket',
		exact,
		(first) =>
			first
				? l10n.t('This ticket has {0} exact copies in the workspace (same text after whitespace and redaction markers); this first copy is kept.', exact.length)
				: l10n.t(
						'This ticket is an exact copy of {0} other tickets in the workspace (same text after whitespace and redaction markers); the first copy is kept, delete this one.',
						exact.length,
					),
		(c) => l10n.t('Copy: "{0}"', c.ticket.title),
	);
	emit(
		'near-duplicate',
		near,
		() =>
			l10n.t(
				'This ticket is nearly the same as {0} other tickets in the workspace (up to {1}% of its 5-character shingles shared).',
				near.length,
				Math.round(Math.max(...near.map((c) => c.similarity)) * 100),
			),
		(c) => l10n.t('{0}% similar: "{1}"', Math.round(c.similarity * 100), c.ticket.title),
	);
	return out;
}
