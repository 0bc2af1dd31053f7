/**
 * The Tickets view's colours for problems, the way the Explorer colours a file with errors: a node
 * with errors is drawn in the error colour, with warnings in the warning colour. Tree items carry a
 * URI of this scheme with their counts; VS Code asks this provider how to decorate it.
 */
import * as vscode from 'vscode';
import type { ProblemCounts } from '../../../common/protocol';

const scheme = 'ticket-curator-problems';

export function problemDecorationUri(id: string, counts: ProblemCounts): vscode.Uri {
	return vscode.Uri.from({ scheme, path: `/${encodeURIComponent(id)}`, query: `errors=${counts.errors}&warnings=${counts.warnings}` });
}

export function registerProblemDecorations(context: vscode.ExtensionContext): void {
	context.subscriptions.push(
		vscode.window.registerFileDecorationProvider({
			provideFileDecoration(uri) {
				if (uri.scheme !== scheme) return undefined;
				const query = new URLSearchParams(uri.query);
				const errors = Number(query.get('errors') ?? 0);
				const warnings = Number(query.get('warnings') ?? 0);
				if (errors)
					return {
						color: new vscode.ThemeColor('list.errorForeground'),
						badge: errors > 99 ? '9+' : String(errors),
						tooltip: vscode.l10n.t('{0} errors', errors),
					};
				if (warnings)
					return {
						color: new vscode.ThemeColor('list.warningForeground'),
						badge: warnings > 99 ? '9+' : String(warnings),
						tooltip: vscode.l10n.t('{0} warnings', warnings),
					};
				return undefined;
			},
		}),
	);
}
