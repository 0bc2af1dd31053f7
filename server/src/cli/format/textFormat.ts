/**
 * `file:line:col  severity  code  message`, one line per finding, files apart, then a summary
 * line. Severity and code stay in English so scripts can match them; the message is localised.
 */
import * as l10n from '@vscode/l10n';
import type { CheckSummary, FileFindings } from './fileFindings';
import { severityName } from './fileFindings';

const colors: Record<string, string> = { error: '\x1b[31m', warning: '\x1b[33m', information: '\x1b[36m', hint: '\x1b[90m' };
const reset = '\x1b[0m';

export function formatText(files: readonly FileFindings[], summary: CheckSummary, color: boolean): string {
	const out: string[] = [];
	for (const file of files) {
		if (!file.diagnostics.length) continue;
		const rows = file.diagnostics.map((d) => ({
			where: `${file.name}:${d.range.start.line + 1}:${d.range.start.character + 1}`,
			severity: severityName(d),
			code: String(d.code ?? ''),
			message: d.message.replace(/\s*\n\s*/g, ' '),
		}));
		const whereWidth = Math.max(...rows.map((r) => r.where.length));
		const codeWidth = Math.max(...rows.map((r) => r.code.length));
		for (const r of rows) {
			const severity = r.severity.padEnd(11);
			out.push(`${r.where.padEnd(whereWidth)}  ${color ? `${colors[r.severity]}${severity}${reset}` : severity}  ${r.code.padEnd(codeWidth)}  ${r.message}`);
		}
		out.push('');
	}
	out.push(summaryLine(summary));
	return `${out.join('\n')}\n`;
}

function summaryLine(s: CheckSummary): string {
	return l10n.t('{0} dump(s) checked: {1} error(s), {2} warning(s), {3} information, {4} hint(s).', s.dumps, s.errors, s.warnings, s.information, s.hints);
}
