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
import { before, CopyTally, type CopiesSummary } from './copyTally';
import { maskQuote } from '../leaks/maskQuote';

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
 * Related information lists at most `maxRelated` copies (the most similar first, and the kept one);
 * the message gives the count. A template-like ticket can have hundreds of copies: listing them all
 * made a 20 MB dump's diagnostics 43 MB of JSON.
 */

/** The copy kept: the first in file URI order, then position in the file. */
export function firstCopy(tickets: readonly TicketRef[]): TicketRef {
	return tickets.reduce((a, b) => (before(b, a) ? b : a));
}

/** The findings of a ticket with these copies (in the order they are listed when equally similar). */
export function duplicateDiagnostics(ticket: TicketRef, copies: readonly DuplicateOf[], config: TicketConfig): Diagnostic[] {
	const exact = new CopyTally();
	const near = new CopyTally();
	copies.forEach((c, rank) => (c.exact ? exact : near).add(c.ticket, c.exact, c.similarity, rank));
	return summaryDiagnostics(ticket, exact.summary(), near.summary(), config);
}

/** The same from summaries of its exact and its near copies (copyTally.ts). */
export function summaryDiagnostics(ticket: TicketRef, exact: CopiesSummary, near: CopiesSummary, config: TicketConfig): Diagnostic[] {
	const out: Diagnostic[] = [];
	// Titles are quoted masked (messages end up in CI logs), from the index: without their ticket's other text.
	const emit = (code: RuleCode, others: CopiesSummary, message: (first: boolean) => string, related: (c: DuplicateOf, title: string) => string) => {
		const setting = config.rules[code];
		if (!others.count || setting === 'off') return;
		const keptCopy = others.first && before(others.first.ticket, ticket) ? others.first : undefined;
		const first = !keptCopy;
		// The most similar copies, and always the one that is kept.
		const shown = [...others.mostSimilar];
		if (keptCopy && !shown.some((c) => c.ticket === keptCopy.ticket)) shown[shown.length - 1] = keptCopy;
		const data: DuplicateData = { first };
		out.push({
			range: ticket.titleRange,
			severity: ruleSeverity(code, config),
			code,
			source: diagnosticSource,
			message: message(first),
			relatedInformation: shown.map((c) => ({
				location: { uri: c.ticket.uri, range: c.ticket.titleRange },
				message: related(c, maskQuote(c.ticket.title, config)),
			})),
			data,
		});
	};
	emit(
		'duplicate-ticket',
		exact,
		(first) =>
			first
				? l10n.t('This ticket has {0} exact copies in the workspace (same text after whitespace and redaction markers); this first copy is kept.', exact.count)
				: l10n.t(
						'This ticket is an exact copy of {0} other tickets in the workspace (same text after whitespace and redaction markers); the first copy is kept, delete this one.',
						exact.count,
					),
		(_, title) => l10n.t('Copy: "{0}"', title),
	);
	emit(
		'near-duplicate',
		near,
		() =>
			l10n.t(
				'This ticket is nearly the same as {0} other tickets in the workspace (up to {1}% of its 5-character shingles shared).',
				near.count,
				Math.round(near.best * 100),
			),
		(c, title) => l10n.t('{0}% similar: "{1}"', Math.round(c.similarity * 100), title),
	);
	return out;
}
