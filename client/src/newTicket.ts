/**
 * New Ticket (a ticket snippet after the ticket under the cursor) and New Ticket Dump (a new file
 * from the dump snippet). The templates are the server's snippets (`tickets/snippet`), written with
 * the configured labels, so the palette, the menus and typing `ticket` all write the same text.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SnippetRequest, type SnippetParams } from '../../common/protocol';
import { ticketsLanguageId } from './recognition';
import type { TicketTreeProvider } from './tree/ticketTreeProvider';
import { ticketAtLine } from './tree/treeModel';

export function registerNewTicketCommands(context: vscode.ExtensionContext, client: LanguageClient, tree: TicketTreeProvider): void {
	/** Writes the named snippet at the editor's cursor. */
	const insert = async (editor: vscode.TextEditor, name: SnippetParams['name']) => {
		const { body } = await client.sendRequest(SnippetRequest, { name });
		await editor.insertSnippet(new vscode.SnippetString(body));
	};
	context.subscriptions.push(
		vscode.commands.registerCommand('ticketCurator.newTicket', () => newTicket(tree, insert)),
		vscode.commands.registerCommand('ticketCurator.newDump', (target?: unknown) => newDump(target instanceof vscode.Uri ? target : undefined, insert)),
	);
}

type Insert = (editor: vscode.TextEditor, name: SnippetParams['name']) => Promise<void>;

async function newTicket(tree: TicketTreeProvider, insert: Insert): Promise<vscode.TextEditor | undefined> {
	const editor = vscode.window.activeTextEditor;
	const tickets = editor ? await tree.ticketsOf(editor.document.uri) : [];
	if (!editor || (editor.document.languageId !== ticketsLanguageId && !tickets.length)) {
		const create = vscode.l10n.t('New Ticket Dump');
		const answer = await vscode.window.showInformationMessage(vscode.l10n.t('Open a ticket dump to add a ticket to it, or create a new dump.'), create);
		return answer === create ? newDump(undefined, insert) : undefined;
	}
	const document = editor.document;
	// After the ticket under the cursor, that is before the next one's title; else at the end.
	const current = ticketAtLine(tickets, editor.selection.active.line);
	const next = current ? tickets[tickets.indexOf(current) + 1] : tickets[0];
	let at: vscode.Position;
	if (next && next.range.start.line < document.lineCount) {
		at = new vscode.Position(next.range.start.line, 0);
	} else {
		const text = document.getText();
		const padding = text.endsWith('\n\n') || text.length === 0 ? '' : text.endsWith('\n') ? '\n' : '\n\n';
		const end = document.lineAt(document.lineCount - 1).range.end;
		if (padding) await editor.edit((b) => b.insert(end, padding));
		at = document.lineAt(document.lineCount - 1).range.end;
	}
	editor.selection = new vscode.Selection(at, at);
	editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
	await insert(editor, 'ticket');
	return editor;
}

/**
 * Creates the dump at `target`, or where the user says (a save dialog in a folder, an untitled
 * document without one), and writes the dump snippet into it. An existing non-empty file is kept.
 */
async function newDump(target: vscode.Uri | undefined, insert: Insert): Promise<vscode.TextEditor | undefined> {
	let uri = target;
	const folder = vscode.workspace.workspaceFolders?.[0];
	if (!uri && folder) {
		uri = await vscode.window.showSaveDialog({
			title: vscode.l10n.t('New Ticket Dump'),
			defaultUri: vscode.Uri.joinPath(folder.uri, 'tickets.md'),
			filters: { [vscode.l10n.t('Ticket dumps')]: ['md', 'txt'] },
		});
		if (!uri) return undefined;
	}
	let document: vscode.TextDocument;
	if (uri) {
		if (target && (await exists(uri)) && (await vscode.workspace.fs.readFile(uri)).length > 0) {
			void vscode.window.showErrorMessage(vscode.l10n.t('{0} already exists and is not empty.', vscode.workspace.asRelativePath(uri)));
			return undefined;
		}
		await vscode.workspace.fs.writeFile(uri, new Uint8Array());
		document = await vscode.workspace.openTextDocument(uri);
	} else {
		document = await vscode.workspace.openTextDocument({ language: ticketsLanguageId, content: '' });
	}
	if (document.languageId !== ticketsLanguageId) document = await vscode.languages.setTextDocumentLanguage(document, ticketsLanguageId);
	const editor = await vscode.window.showTextDocument(document);
	await insert(editor, 'dump');
	return editor;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
	try {
		await vscode.workspace.fs.stat(uri);
		return true;
	} catch {
		return false;
	}
}
