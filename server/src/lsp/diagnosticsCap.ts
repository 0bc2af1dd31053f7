/**
 * At most so many diagnostics per published file, chosen as VS Code chooses what it shows of a
 * longer list (errors first, then warnings, information, hints; each in the file's order), plus one
 * note at the top of the file saying how many more there are. A 30 MB dump has some 45,000 findings,
 * 19 MB of JSON: encoding and sending them stalled the server for seconds, and an editor shows a
 * thousand anyway. `tickets check` lists them all.
 */
import * as l10n from '@vscode/l10n';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';

/** `max` 0: no limit. */
export function capDiagnostics(diagnostics: readonly Diagnostic[], max: number): readonly Diagnostic[] {
	if (max <= 0 || diagnostics.length <= max) return diagnostics;
	// The lowest severity that still fits, and how many of it fit: one pass to count, one to pick.
	const counts = [0, 0, 0, 0, 0];
	for (const d of diagnostics) counts[severityOf(d)]++;
	let room = max;
	let last: number = DiagnosticSeverity.Error;
	for (; last <= DiagnosticSeverity.Hint; last++) {
		if (counts[last] >= room) break;
		room -= counts[last];
	}
	const kept: Diagnostic[] = [];
	for (const d of diagnostics) {
		const severity = severityOf(d);
		if (severity < last || (severity === last && room-- > 0)) kept.push(d);
	}
	kept.unshift({
		range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
		severity: DiagnosticSeverity.Information,
		source: 'tickets',
		message: l10n.t(
			'{0} more problems in this file are not shown: at most {1} per file (the setting ticketCurator.diagnostics.maxPerFile), errors first. `tickets check` lists them all.',
			diagnostics.length - max,
			max,
		),
	});
	return kept;
}

function severityOf(d: Diagnostic): number {
	return d.severity ?? DiagnosticSeverity.Error;
}
