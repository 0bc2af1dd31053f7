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
import { maxRelated } from '../rules/boundedRelated';
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
	return tickets.reduce((a, b) => (b.uri < a.uri || (b.uri === a.uri && b.ordinal < a.ordinal) ? b : a));
}

export function duplicateDiagnostics(ticket: TicketRef, copies: readonly DuplicateOf[], config: TicketConfig): Diagnostic[] {
	const out: Diagnostic[] = [];
	const exact = copies.filter((c) => c.exact);
	const near = copies.filter((c) => !c.exact);
	// Titles are quoted masked (messages end up in CI logs), from the index: without their ticket's other text.
	const emit = (code: RuleCode, others: readonly DuplicateOf[], message: (first: boolean) => string, related: (c: DuplicateOf, title: string) => string) => {
		const setting = config.rules[code];
		if (!others.length || setting === 'off') return;
		const kept = firstCopy([ticket, ...others.map((c) => c.ticket)]);
		const first = kept === ticket;
		// The most similar copies, and always the one that is kept.
		const shown = mostSimilar(others, maxRelated);
		const keptCopy = others.find((c) => c.ticket === kept);
		if (keptCopy && !shown.includes(keptCopy)) shown[shown.length - 1] = keptCopy;
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
				? l10n.t('This ticket has {0} exact copies in the workspace (same text after whitespace and redaction markers); this first copy is kept.', exact.length)
				: l10n.t(
						'This ticket is an exact copy of {0} other tickets in the workspace (same text after whitespace and redaction markers); the first copy is kept, delete this one.',
						exact.length,
					),
		(_, title) => l10n.t('Copy: "{0}"', title),
	);
	emit(
		'near-duplicate',
		near,
		() =>
			l10n.t(
				'This ticket is nearly the same as {0} other tickets in the workspace (up to {1}% of its 5-character shingles shared).',
				near.length,
				Math.round(near.reduce((best, c) => Math.max(best, c.similarity), 0) * 100),
			),
		(c, title) => l10n.t('{0}% similar: "{1}"', Math.round(c.similarity * 100), title),
	);
	return out;
}

/**
 * The `k` most similar, in the order a stable sort by similarity would give them, in one pass: a
 * template-like ticket's thousands of copies are not sorted for each of them.
 */
function mostSimilar(copies: readonly DuplicateOf[], k: number): DuplicateOf[] {
	const best: DuplicateOf[] = [];
	for (const c of copies) {
		if (best.length === k && c.similarity <= best[k - 1].similarity) continue;
		let at = best.length;
		while (at > 0 && best[at - 1].similarity < c.similarity) at--;
		best.splice(at, 0, c);
		if (best.length > k) best.pop();
	}
	return best;
}
