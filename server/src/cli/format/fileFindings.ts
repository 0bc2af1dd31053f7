/** The result of `tickets check`, as the output formats receive it. */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { SeverityName } from '../../service/index';

export interface FileFindings {
	/** The path as shown (relative to the current folder, `/` separators). */
	readonly name: string;
	readonly diagnostics: readonly Diagnostic[];
}

export interface CheckSummary {
	readonly dumps: number;
	readonly errors: number;
	readonly warnings: number;
	readonly information: number;
	readonly hints: number;
}

const severityNames: Record<DiagnosticSeverity, SeverityName> = {
	[DiagnosticSeverity.Error]: 'error',
	[DiagnosticSeverity.Warning]: 'warning',
	[DiagnosticSeverity.Information]: 'information',
	[DiagnosticSeverity.Hint]: 'hint',
};

export function severityName(d: Diagnostic): SeverityName {
	return severityNames[d.severity ?? DiagnosticSeverity.Error];
}

/** Diagnostics in reading order. */
export function byPosition(a: Diagnostic, b: Diagnostic): number {
	return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** The counts `tickets check` ends with. */
export function checkSummary(files: readonly FileFindings[]): CheckSummary {
	const count = (s: DiagnosticSeverity) => files.reduce((n, f) => n + f.diagnostics.filter((d) => (d.severity ?? DiagnosticSeverity.Error) === s).length, 0);
	return {
		dumps: files.length,
		errors: count(DiagnosticSeverity.Error),
		warnings: count(DiagnosticSeverity.Warning),
		information: count(DiagnosticSeverity.Information),
		hints: count(DiagnosticSeverity.Hint),
	};
}
