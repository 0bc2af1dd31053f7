/**
 * New Ticket (a ticket snippet after the ticket under the cursor) and New Ticket Dump (a new file
 * from the dump snippet). The templates are the snippets of snippets/tickets.json, inserted by name,
 * so the palette, the menus and typing `ticket` all write the same text.
 */
import * as vscode from 'vscode';
import { ticketsLanguageId } from './recognition';
import type { TicketTreeProvider } from './tree/ticketTreeProvider';
import { ticketAtLine } from './tree/treeModel';

/** Snippet names in snippets/tickets.json. */
const ticketSnippet = 'New ticket';
const dumpSnippet = 'New ticket dump';

export function registerNewTicketCommands(context: vscode.ExtensionContext, tree: TicketTreeProvider): void {
	context.subscriptions.push(
		vscode.commands.registerCommand('ticketCurator.newTicket', () => newTicket(tree)),
		vscode.commands.registerCommand('ticketCurator.newDump', (target?: unknown) => newDump(target instanceof vscode.Uri ? target : undefined)),
	);
}

async function newTicket(tree: TicketTreeProvider): Promise<vscode.TextEditor | undefined> {
	const editor = vscode.window.activeTextEditor;
	const tickets = editor ? tree.ticketsOf(editor.document.uri) : [];
	if (!editor || (editor.document.languageId !== ticketsLanguageId && !tickets.length)) {
		const create = vscode.l10n.t('New Ticket Dump');
		const answer = await vscode.window.showInformationMessage(vscode.l10n.t('Open a ticket dump to add a ticket to it, or create a new dump.'), create);
		return answer === create ? newDump(undefined) : undefined;
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
	await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: ticketsLanguageId, name: ticketSnippet });
	return editor;
}

/**
 * Creates the dump at `target`, or where the user says (a save dialog in a folder, an untitled
 * document without one), and writes the dump snippet into it. An existing non-empty file is kept.
 */
async function newDump(target: vscode.Uri | undefined): Promise<vscode.TextEditor | undefined> {
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
	await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: ticketsLanguageId, name: dumpSnippet });
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
