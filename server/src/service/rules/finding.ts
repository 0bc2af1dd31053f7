/**
 * What a rule reports: a finding in the coordinates of what it looked at. Findings become LSP
 * Diagnostics in one place (validate.ts), which applies the configured severity and moves
 * ticket-local ranges into the file.
 */
import { DiagnosticSeverity, type Range } from 'vscode-languageserver-types';
import type { TicketConfig } from '../config/ticketConfig';
import type { ParsedTicket } from '../document/model';
import { ruleInfo, type RuleCode, type RuleSetting, type SeverityName } from './catalog';

interface Related {
	readonly range: Range;
	readonly message: string;
	/** Another file; absent for the same file. */
	readonly uri?: string;
}

/** Extra data a quick fix can use (issue: quick fixes). */
interface FindingData {
	/** The text that should replace the finding's range. */
	readonly replacement?: string;
	readonly [key: string]: unknown;
}

export interface Finding {
	readonly code: RuleCode;
	readonly range: Range;
	readonly message: string;
	readonly related?: readonly Related[];
	readonly data?: FindingData;
	/** A default below the rule's own for this one finding; a severity configured for the rule still wins. */
	readonly defaultSeverity?: SeverityName;
}

export type Report = (finding: Finding) => void;

/** A rule that needs only one ticket's parse; its findings are cached with the parse. */
export interface TicketRule {
	readonly codes: readonly RuleCode[];
	check(ticket: ParsedTicket, config: TicketConfig, report: Report): void;
}

const severities: Record<Exclude<RuleSetting, 'off'>, DiagnosticSeverity> = {
	error: DiagnosticSeverity.Error,
	warning: DiagnosticSeverity.Warning,
	information: DiagnosticSeverity.Information,
	hint: DiagnosticSeverity.Hint,
};

/** The severity of a rule's diagnostics: as configured, else the rule's own (for a rule that is not off). */
export function ruleSeverity(code: RuleCode, config: TicketConfig, ownDefault?: SeverityName): DiagnosticSeverity {
	const setting = config.rules[code];
	return severities[setting && setting !== 'off' ? setting : (ownDefault ?? ruleInfo(code)!.severity)];
}
