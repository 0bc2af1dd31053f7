/**
 * The counts by rule that `tickets check` prints first, as `eslint --format stylish` ends with its
 * totals: what matters most on top (errors, then leaks of personal data and secrets, then the
 * rest), so 67 redaction leaks of documentation links do not bury one bank card.
 */
import { ruleInfo, type SeverityName } from '../../service/index';
import type { FileFindings } from './fileFindings';
import { severityName } from './fileFindings';

export interface RuleCount {
	readonly code: string;
	readonly severity: SeverityName;
	readonly count: number;
}

const severityOrder: Record<SeverityName, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/** 0 errors, 1 personal data and secrets, 2 other leaks (a value masked elsewhere), 3 the rest. */
function importance(r: RuleCount): number {
	if (r.severity === 'error') return 0;
	if (ruleInfo(r.code)?.category !== 'leaks') return 3;
	return r.code === 'redaction-leak' ? 2 : 1;
}

/** One entry per rule and severity (a rule may report some findings at a lower default), most important first. */
export function ruleCounts(files: readonly FileFindings[]): RuleCount[] {
	const counts = new Map<string, RuleCount>();
	for (const file of files) {
		for (const d of file.diagnostics) {
			const code = String(d.code ?? '');
			const severity = severityName(d);
			const key = `${severity} ${code}`;
			const known = counts.get(key);
			counts.set(key, { code, severity, count: (known?.count ?? 0) + 1 });
		}
	}
	return [...counts.values()].sort(
		(a, b) => importance(a) - importance(b) || severityOrder[a.severity] - severityOrder[b.severity] || b.count - a.count || a.code.localeCompare(b.code),
	);
}
