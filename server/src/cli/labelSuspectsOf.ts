/**
 * The label findings of a dump as rows (`tickets labels`, `tickets fix --labels`): the service's
 * own root-cause-unsupported and category-unsupported diagnostics, so severities, `off` and kept
 * labels apply as in the editor.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { LabelKind, LabelSuggestion, TicketService, TicketTextDocument } from '../service/index';

export interface SuspectRow {
	readonly line: number;
	readonly kind: LabelKind;
	readonly label: string;
	readonly title: string;
	readonly suggestions: readonly LabelSuggestion[];
	readonly diagnostic: Diagnostic;
}

const codes = new Set(['root-cause-unsupported', 'category-unsupported']);

export function suspectRows(service: TicketService, document: TicketTextDocument): SuspectRow[] {
	const rows: SuspectRow[] = [];
	for (const d of service.validate(document) ?? []) {
		if (!codes.has(String(d.code))) continue;
		const data = d.data as { kind: LabelKind; label: string; title: string; suggestions: LabelSuggestion[] };
		rows.push({ line: d.range.start.line + 1, kind: data.kind, label: data.label, title: data.title, suggestions: data.suggestions, diagnostic: d });
	}
	return rows;
}
