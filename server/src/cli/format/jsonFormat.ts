/** `--format json`: every checked dump with its findings (1-based lines and columns), and the totals. */
import type { CheckSummary, FileFindings } from './fileFindings';
import { severityName } from './fileFindings';

export function formatJson(files: readonly FileFindings[], summary: CheckSummary): string {
	const report = {
		files: files.map((f) => ({
			file: f.name,
			findings: f.diagnostics.map((d) => ({
				line: d.range.start.line + 1,
				column: d.range.start.character + 1,
				endLine: d.range.end.line + 1,
				endColumn: d.range.end.character + 1,
				severity: severityName(d),
				code: String(d.code ?? ''),
				message: d.message,
			})),
		})),
		summary,
	};
	return `${JSON.stringify(report, null, 2)}\n`;
}
