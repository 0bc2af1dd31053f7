/**
 * The findings by rule with their counts, most important first (format/ruleSummary.ts); then
 * `file:line:col  severity  code  message`, one line per finding, files apart; then a summary
 * line. Severity and code stay in English so scripts can match them; the message is localised.
 */
import * as l10n from '@vscode/l10n';
import type { CheckSummary, FileFindings } from './fileFindings';
import { severityName } from './fileFindings';
import { ruleCounts } from './ruleSummary';

const colors: Record<string, string> = { error: '\x1b[31m', warning: '\x1b[33m', information: '\x1b[36m', hint: '\x1b[90m' };
const reset = '\x1b[0m';

/** The longest of the lengths (a spread of a million rows would overflow the call stack). */
function widest(values: readonly string[]): number {
	let width = 0;
	for (const v of values) if (v.length > width) width = v.length;
	return width;
}

export function formatText(files: readonly FileFindings[], summary: CheckSummary, color: boolean): string {
	const paint = (severity: string) => {
		const padded = severity.padEnd(11);
		return color ? `${colors[severity]}${padded}${reset}` : padded;
	};
	const out: string[] = [];
	const counts = ruleCounts(files);
	if (counts.length) {
		const countWidth = widest(counts.map((c) => String(c.count)));
		out.push(l10n.t('Findings by rule, most important first:'));
		for (const c of counts) out.push(`  ${String(c.count).padStart(countWidth)}  ${paint(c.severity)}  ${c.code}`);
		out.push('');
	}
	for (const file of files) {
		if (!file.diagnostics.length) continue;
		const rows = file.diagnostics.map((d) => ({
			where: `${file.name}:${d.range.start.line + 1}:${d.range.start.character + 1}`,
			severity: severityName(d),
			code: String(d.code ?? ''),
			message: d.message.replace(/\s*\n\s*/g, ' '),
		}));
		const whereWidth = widest(rows.map((r) => r.where));
		const codeWidth = widest(rows.map((r) => r.code));
		for (const r of rows) out.push(`${r.where.padEnd(whereWidth)}  ${paint(r.severity)}  ${r.code.padEnd(codeWidth)}  ${r.message}`);
		out.push('');
	}
	out.push(summaryLine(summary));
	return `${out.join('\n')}\n`;
}

function summaryLine(s: CheckSummary): string {
	return l10n.t('{0} dump(s) checked: {1} error(s), {2} warning(s), {3} information, {4} hint(s).', s.dumps, s.errors, s.warnings, s.information, s.hints);
}
