/**
 * The diagnostics of duplicate tickets, once the host has found them (the workspace's prints live
 * in the server): one `duplicate-ticket` finding for a ticket with exact copies and one
 * `near-duplicate` for a ticket with near copies, on its title, with related information linking
 * every other copy in whichever file it is. The first copy in workspace order (file URI, then
 * position) is the one kept: its finding says so, the others carry the delete fix.
 */
import * as l10n from '@vscode/l10n';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { TicketConfig } from './config';
import type { DuplicateData } from './fixes/duplicate';
import { diagnosticSource, ruleInfo, type RuleCode } from './rules/catalog';

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

const severities = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint };

/** The copy kept: the first in file URI order, then position in the file. */
export function firstCopy(tickets: readonly TicketRef[]): TicketRef {
	return tickets.reduce((a, b) => (b.uri < a.uri || (b.uri === a.uri && b.ordinal < a.ordinal) ? b : a));
}

const fileName = (uri: string) => decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));

export function duplicateDiagnostics(ticket: TicketRef, copies: readonly DuplicateOf[], config: TicketConfig): Diagnostic[] {
	const out: Diagnostic[] = [];
	const exact = copies.filter((c) => c.exact);
	const near = copies.filter((c) => !c.exact);
	const emit = (code: RuleCode, others: readonly DuplicateOf[], message: (first: boolean) => string, related: (c: DuplicateOf) => string) => {
		const setting = config.rules[code];
		if (!others.length || setting === 'off') return;
		const first = firstCopy([ticket, ...others.map((c) => c.ticket)]) === ticket;
		const data: DuplicateData = { first };
		out.push({
			range: ticket.titleRange,
			severity: severities[setting ?? ruleInfo(code)!.severity],
			code,
			source: diagnosticSource,
			message: message(first),
			relatedInformation: others.map((c) => ({ location: { uri: c.ticket.uri, range: c.ticket.titleRange }, message: related(c) })),
			data,
		});
	};
	emit(
		'duplicate-ticket',
		exact,
		(first) =>
			first
				? l10n.t('This ticket has {0} exact copies in the workspace (same text after whitespace and redaction markers); this first copy is kept.', exact.length)
				: l10n.t('This ticket is an exact copy of {0} other tickets in the workspace (same text after whitespace and redaction markers); the first copy is kept, delete this one.', exact.length),
		(c) => l10n.t('Copy: "{0}" in {1}, ticket {2}', c.ticket.title, fileName(c.ticket.uri), c.ticket.ordinal + 1),
	);
	emit(
		'near-duplicate',
		near,
		() => l10n.t('This ticket is nearly the same as {0} other tickets in the workspace (up to {1}% of its 5-character shingles shared).', near.length, Math.round(Math.max(...near.map((c) => c.similarity)) * 100)),
		(c) => l10n.t('{0}% similar: "{1}" in {2}, ticket {3}', Math.round(c.similarity * 100), c.ticket.title, fileName(c.ticket.uri), c.ticket.ordinal + 1),
	);
	return out;
}
