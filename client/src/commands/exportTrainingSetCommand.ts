/**
 * "Export Training Set…": picks the format, the split and the folder, then asks the server to run
 * the export (tickets/exportTrainingSet, which runs `tickets export` itself) with a progress
 * notification, and ends with what was exported and withheld, and a button that opens the
 * manifest. The choices may be given as the command's argument (tests, key bindings): then
 * nothing is asked.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExportProgressNotification, ExportTrainingSetRequest, type ExportTrainingSetParams, type ExportTrainingSetResult } from '../../../common/protocol';

const exportTrainingSetCommand = 'ticketCurator.exportTrainingSet';

type Format = ExportTrainingSetParams['format'];

export interface ExportChoices {
	readonly format?: Format;
	/** Shares of train, validation and test; null for one file. */
	readonly split?: number[] | null;
	/** The output folder's path. */
	readonly folder?: string;
	readonly seed?: number;
	readonly mask?: boolean;
	readonly allowFindings?: boolean;
}

export function registerExportTrainingSet(context: vscode.ExtensionContext, client: LanguageClient): void {
	context.subscriptions.push(vscode.commands.registerCommand(exportTrainingSetCommand, (choices?: ExportChoices) => exportTrainingSet(client, choices ?? {})));
}

function formatItems(): (vscode.QuickPickItem & { format: Format })[] {
	return [
		{ format: 'chat', label: 'chat', description: vscode.l10n.t('messages with user and assistant roles (chat fine-tuning)') },
		{ format: 'sharegpt', label: 'sharegpt', description: vscode.l10n.t('conversations from human and gpt') },
		{ format: 'alpaca', label: 'alpaca', description: vscode.l10n.t('instruction (the description) and output (the answers)') },
		{ format: 'jsonl', label: 'jsonl', description: vscode.l10n.t('every field and the dialog, one JSON line per ticket') },
		{ format: 'csv', label: 'csv', description: vscode.l10n.t('every field, one row per ticket') },
	];
}

function splitItems(): (vscode.QuickPickItem & { split: number[] | null })[] {
	return [
		{ split: [80, 10, 10], label: '80 / 10 / 10', description: vscode.l10n.t('train, validation, test; near copies kept in one split') },
		{ split: [90, 5, 5], label: '90 / 5 / 5', description: vscode.l10n.t('train, validation, test; near copies kept in one split') },
		{ split: [70, 15, 15], label: '70 / 15 / 15', description: vscode.l10n.t('train, validation, test; near copies kept in one split') },
		{ split: null, label: vscode.l10n.t('No split'), description: vscode.l10n.t('one file') },
	];
}

function reasonName(reason: string): string {
	const names: Record<string, string> = {
		leak: vscode.l10n.t('open leaks'),
		'error-finding': vscode.l10n.t('errors'),
		'no-staff-answer': vscode.l10n.t('no staff answer'),
		duplicate: vscode.l10n.t('exact duplicates'),
		placeholder: vscode.l10n.t('placeholders'),
	};
	return names[reason] ?? reason;
}

/** Returns the manifest's counts, or undefined when the user cancelled or the export failed. */
async function exportTrainingSet(client: LanguageClient, choices: ExportChoices): Promise<ExportTrainingSetResult | undefined> {
	const inputs = vscode.workspace.workspaceFolders?.map((f) => f.uri.fsPath) ?? [];
	if (!inputs.length) {
		void vscode.window.showWarningMessage(vscode.l10n.t('Open the folder of your ticket dumps first.'));
		return undefined;
	}
	const format = choices.format ?? (await vscode.window.showQuickPick(formatItems(), { title: vscode.l10n.t('Export Training Set: format') }))?.format;
	if (!format) return undefined;
	let split = choices.split;
	if (split === undefined) {
		const picked = await vscode.window.showQuickPick(splitItems(), { title: vscode.l10n.t('Export Training Set: split') });
		if (!picked) return undefined;
		split = picked.split;
	}
	const folder =
		choices.folder ??
		(
			await vscode.window.showOpenDialog({
				canSelectFiles: false,
				canSelectFolders: true,
				canSelectMany: false,
				openLabel: vscode.l10n.t('Export Here'),
				title: vscode.l10n.t('Export Training Set: an empty folder'),
			})
		)?.[0]?.fsPath;
	if (!folder) return undefined;
	const params: ExportTrainingSetParams = {
		inputs,
		folder,
		format,
		...(split ? { split, seed: choices.seed ?? 1 } : {}),
		...(choices.mask ? { mask: true } : {}),
		...(choices.allowFindings ? { allowFindings: true } : {}),
	};
	let result: ExportTrainingSetResult;
	try {
		result = await vscode.window.withProgress(
			{ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting the training set…'), cancellable: true },
			async (progress, token) => {
				const listening = client.onNotification(ExportProgressNotification, (p) =>
					progress.report({ message: vscode.l10n.t('{0} tickets read from {1} files', p.tickets, p.files) }),
				);
				try {
					return await client.sendRequest(ExportTrainingSetRequest, params, token);
				} finally {
					listening.dispose();
				}
			},
		);
	} catch (e) {
		void vscode.window.showErrorMessage(vscode.l10n.t('The training set was not exported: {0}', e instanceof Error ? e.message : String(e)));
		return undefined;
	}
	const reasons = Object.entries(result.byReason)
		.map(([reason, n]) => `${reasonName(reason)} ${n}`)
		.join(', ');
	const message = result.withheld
		? vscode.l10n.t('Exported {0} of {1} tickets; withheld {2} ({3}).', result.exported, result.tickets, result.withheld, reasons)
		: vscode.l10n.t('Exported {0} of {1} tickets.', result.exported, result.tickets);
	const open = vscode.l10n.t('Open Manifest');
	// Not awaited: the command answers now; the button opens the manifest whenever it is clicked.
	void vscode.window.showInformationMessage(message, open).then(async (answer) => {
		if (answer === open) await vscode.window.showTextDocument(vscode.Uri.file(result.manifest));
	});
	return result;
}
