/**
 * The gate a ticket passes before it is exported: an open leak finding or an error finding keeps
 * it out (with the codes that did), unless the caller allows findings. Leaks masked before the
 * check no longer count: what is left open after masking still does.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { ruleInfo, rules, type RuleCode, type RuleSetting } from '../rules/catalog';
import type { TicketChunk } from '../document/scan';
import type { TicketConfig } from '../config/ticketConfig';

/** Every reason a ticket may be left out of an export. */
export const withheldReasons = ['no-staff-answer', 'placeholder', 'leak', 'error-finding', 'duplicate'] as const;
export type WithheldReason = (typeof withheldReasons)[number];

export interface GateVerdict {
	readonly reason: 'leak' | 'error-finding';
	/** The rule codes, each once, sorted. */
	readonly codes: readonly string[];
}

/** The diagnostics of a file grouped by the ticket whose lines they start on (file-level ones fall out). */
export function findingsByTicket(chunks: readonly TicketChunk[], diagnostics: readonly Diagnostic[]): Diagnostic[][] {
	const out = chunks.map((): Diagnostic[] => []);
	for (const d of diagnostics) {
		const line = d.range.start.line;
		let lo = 0;
		let hi = chunks.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (chunks[mid].endLine <= line) lo = mid + 1;
			else hi = mid;
		}
		if (lo < chunks.length && chunks[lo].startLine <= line) out[lo].push(d);
	}
	return out;
}

/** Why the gate keeps a ticket with these findings out; empty when it lets it through. */
export function gateVerdicts(findings: readonly Diagnostic[]): GateVerdict[] {
	const leaks = new Set<string>();
	const errors = new Set<string>();
	for (const d of findings) {
		const code = String(d.code ?? '');
		if (ruleInfo(code)?.category === 'leaks') leaks.add(code);
		else if (d.severity === DiagnosticSeverity.Error) errors.add(code);
	}
	const verdicts: GateVerdict[] = [];
	if (leaks.size) verdicts.push({ reason: 'leak', codes: [...leaks].sort() });
	if (errors.size) verdicts.push({ reason: 'error-finding', codes: [...errors].sort() });
	return verdicts;
}

/**
 * The configuration with only the rules the gate reads left on (leaks, and rules at `error`), so
 * checking a workspace for the gate does not pay for hints and warnings (evidence for labels,
 * titles used twice…) that it would throw away.
 */
export function gateConfig(config: TicketConfig): TicketConfig {
	const kept: Partial<Record<RuleCode, RuleSetting>> = {};
	for (const rule of rules) {
		const setting = config.rules[rule.code] ?? rule.severity;
		kept[rule.code] = rule.category === 'leaks' || setting === 'error' ? setting : 'off';
	}
	return { ...config, rules: kept };
}
