/**
 * When the language server process dies, vscode-languageclient restarts it (up to four times in
 * three minutes) and says so only in its output channel. This tells the user, once per session, that
 * it happened and that diagnostics come back by themselves; the counts are part of the extension's
 * API (the e2e suite kills the server and reads them).
 */
import * as vscode from 'vscode';
import { CloseAction, type LanguageClient } from 'vscode-languageclient/node';

export interface ServerRestartApi {
	/** Restarts after the server process died, since activation. */
	readonly restarts: number;
	/** Notifications shown about them: at most one. */
	readonly notices: number;
}

/** Wraps the client's error handler (its default one keeps deciding whether to restart). */
export function registerRestartNotice(client: LanguageClient): ServerRestartApi {
	const counts = { restarts: 0, notices: 0 };
	const handler = client.clientOptions.errorHandler;
	if (!handler) return counts;
	client.clientOptions.errorHandler = {
		error: (error, message, count) => handler.error(error, message, count),
		async closed() {
			const result = await handler.closed();
			if (result.action === CloseAction.Restart) {
				counts.restarts++;
				if (counts.notices === 0) {
					counts.notices++;
					void tellUser(client);
				}
			}
			return result;
		},
	};
	return counts;
}

async function tellUser(client: LanguageClient): Promise<void> {
	const show = vscode.l10n.t('Show Output');
	const answer = await vscode.window.showWarningMessage(
		vscode.l10n.t(
			'The Ticket Curator language server stopped unexpectedly and was restarted. Diagnostics, the Outline and the Tickets view come back by themselves; the output channel has the details.',
		),
		show,
	);
	if (answer === show) client.outputChannel.show();
}
