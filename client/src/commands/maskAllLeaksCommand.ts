/**
 * "Mask All Leaks in Workspace": asks the server for the edit that masks every leak of every dump
 * (tickets/maskLeaks), shows how many of each kind in which files, and applies it as one workspace
 * edit after the user confirms (one undo step per file, like any workspace edit).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { MaskLeaksRequest, type MaskLeaksResult } from '../../../common/protocol';

const maskAllLeaksCommand = 'ticketCurator.maskAllLeaks';

/** How many files the confirmation lists by name; the rest are summed up. */
const listedFiles = 12;

export function registerMaskAllLeaks(context: vscode.ExtensionContext, client: LanguageClient): void {
	context.subscriptions.push(vscode.commands.registerCommand(maskAllLeaksCommand, () => maskAllLeaks(client)));
}

/** Returns the number of values masked (0 when there was nothing to mask or the user declined). */
async function maskAllLeaks(client: LanguageClient): Promise<number> {
	const result = await vscode.window.withProgress(
		{ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Looking for unmasked personal data and secrets…'), cancellable: true },
		(_, token) => client.sendRequest(MaskLeaksRequest, {}, token),
	);
	if (!result.total) {
		void vscode.window.showInformationMessage(vscode.l10n.t('No unmasked personal data or secrets in the workspace.'));
		return 0;
	}
	const mask = vscode.l10n.t('Mask All');
	const answer = await vscode.window.showWarningMessage(
		vscode.l10n.t('Mask {0} values in {1} files?', result.total, result.files.length),
		{ modal: true, detail: describe(result) },
		mask,
	);
	if (answer !== mask) return 0;
	const edit = await client.protocol2CodeConverter.asWorkspaceEdit(result.edit);
	if (!(await vscode.workspace.applyEdit(edit))) {
		void vscode.window.showErrorMessage(vscode.l10n.t('The leaks were not masked: a file changed meanwhile. Run the command again.'));
		return 0;
	}
	void vscode.window.showInformationMessage(vscode.l10n.t('Masked {0} values in {1} files. Undo restores them.', result.total, result.files.length));
	return result.total;
}

/** Counts per kind, then per file (largest first). */
function describe(result: MaskLeaksResult): string {
	const byCode = new Map<string, number>();
	for (const file of result.files) for (const [code, n] of Object.entries(file.counts)) byCode.set(code, (byCode.get(code) ?? 0) + n);
	const kinds = [...byCode].sort((a, b) => b[1] - a[1]).map(([code, n]) => `${code}: ${n}`);
	const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
	const files = [...result.files].sort((a, b) => sum(b.counts) - sum(a.counts));
	const lines = files.slice(0, listedFiles).map((f) => `${vscode.workspace.asRelativePath(vscode.Uri.parse(f.uri))}: ${sum(f.counts)}`);
	if (files.length > listedFiles) lines.push(vscode.l10n.t('…and {0} more files', files.length - listedFiles));
	return [vscode.l10n.t('By kind:'), ...kinds, '', vscode.l10n.t('By file:'), ...lines].join('\n');
}
