/**
 * Similar-ticket search in a real VS Code: "Find Similar Tickets" on a ticket of the real dump
 * offers the tickets the server ranks (the rows checked here), previews the active row and goes
 * back on Escape, opens on Enter; "Search Tickets" answers typed words.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TicketCuratorApi } from '../../../client/src/extension';
import type { TicketPick, TicketPickItem } from '../../../client/src/search/ticketPick';
import { activateExtension, dumpUri } from './helpers';

let api: TicketCuratorApi;

/** Resolves when the active editor's cursor is on `line` of `uri` (now or later). */
function cursorOn(uri: vscode.Uri, line: number): Promise<void> {
	return new Promise((resolve) => {
		const check = () => {
			const editor = vscode.window.activeTextEditor;
			if (editor?.document.uri.toString() !== uri.toString() || editor.selection.active.line !== line) return;
			subscriptions.forEach((s) => s.dispose());
			resolve();
		};
		const subscriptions = [vscode.window.onDidChangeTextEditorSelection(check), vscode.window.onDidChangeActiveTextEditor(check)];
		check();
	});
}

function itemsOf(pick: TicketPick): Promise<readonly TicketPickItem[]> {
	if (pick.quickPick.items.length) return Promise.resolve(pick.quickPick.items);
	return new Promise((resolve) => {
		const subscription = pick.onDidSetItems((items) => {
			subscription.dispose();
			resolve(items);
		});
	});
}

describe('Similar tickets', () => {
	let document: vscode.TextDocument;
	let reminderLines: number[];

	before(async () => {
		api = (await activateExtension()).exports as TicketCuratorApi;
		await api.tickets.ready();
		document = await vscode.workspace.openTextDocument(dumpUri());
		reminderLines = document
			.getText()
			.split('\n')
			.flatMap((line, i) => (line === '## 免费 from 自动催单' ? [i] : []));
		assert.equal(reminderLines.length, 4);
	});

	afterEach(() => vscode.commands.executeCommand('workbench.action.closeQuickOpen'));
	after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

	it('offers the tickets most like the one under the cursor, with category, score and matched terms', async () => {
		const editor = await vscode.window.showTextDocument(document);
		const cursor = new vscode.Position(reminderLines[0] + 4, 0);
		editor.selection = new vscode.Selection(cursor, cursor);
		const items = await vscode.commands.executeCommand<readonly TicketPickItem[]>('ticketCurator.findSimilar');
		assert.ok(items.length >= 10, `${items.length} rows`);
		assert.equal(api.search.current()?.quickPick.items.length, items.length);
		// The other three automatic certificate reminders come first.
		const firstThree = items.slice(0, 3);
		assert.deepEqual(
			firstThree.map((i) => i.ticket.titleRange.start.line).sort((a, b) => a - b),
			reminderLines.slice(1),
		);
		for (const item of firstThree) {
			assert.equal(item.label, '免费 from 自动催单');
			assert.match(item.description ?? '', /^CDN｜证书问题 {2}· {2}score \d+\.\d$/);
			assert.match(item.detail ?? '', /^Matched: \S+/);
			assert.ok(item.ticket.matchedTerms.includes('催单') || item.ticket.matchedTerms.includes('动催'), item.ticket.matchedTerms.join());
		}
		const scores = items.map((i) => i.ticket.score);
		assert.deepEqual(
			scores,
			[...scores].sort((a, b) => b - a),
		);
		assert.ok(!items.some((i) => i.ticket.titleRange.start.line === reminderLines[0]), 'the query ticket offered itself');
	});

	it('previews the active row in the editor and puts the cursor back when dismissed', async () => {
		const editor = await vscode.window.showTextDocument(document);
		const line = reminderLines[1] + 2;
		editor.selection = new vscode.Selection(line, 0, line, 0);
		const items = await vscode.commands.executeCommand<readonly TicketPickItem[]>('ticketCurator.findSimilar');
		await cursorOn(dumpUri(), items[0].ticket.titleRange.start.line);
		await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
		await cursorOn(dumpUri(), line);
	});

	it('opens the chosen ticket with its title selected', async () => {
		const editor = await vscode.window.showTextDocument(document);
		editor.selection = new vscode.Selection(reminderLines[2] + 2, 0, reminderLines[2] + 2, 0);
		const items = await vscode.commands.executeCommand<readonly TicketPickItem[]>('ticketCurator.findSimilar');
		const target = items[0].ticket.titleRange;
		const pick = api.search.current()!;
		const hidden = new Promise<void>((resolve) => pick.quickPick.onDidHide(() => resolve()));
		// The first row is previewed; Enter keeps it open for good.
		await cursorOn(dumpUri(), target.start.line);
		await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
		await hidden;
		const selection = vscode.window.activeTextEditor!.selection;
		assert.equal(selection.start.character, target.start.character);
		assert.equal(selection.end.character, target.end.character);
		assert.equal(api.search.current(), undefined);
	});

	it('searches as you type', async () => {
		const pick = await vscode.commands.executeCommand<TicketPick>('ticketCurator.searchTickets', '发票');
		const items = await itemsOf(pick);
		assert.ok(items.length >= 3);
		for (const item of items.slice(0, 3)) assert.ok(item.ticket.matchedTerms.includes('发票'), item.ticket.matchedTerms.join());
		// Typing replaces the rows with the answer to the new words.
		const next = new Promise<readonly TicketPickItem[]>((resolve) => {
			const subscription = pick.onDidSetItems((rows) => {
				if (pick.quickPick.value !== '账号注销' || rows === items) return;
				subscription.dispose();
				resolve(rows);
			});
		});
		pick.quickPick.value = '账号注销';
		const updated = await next;
		assert.deepEqual(
			updated.slice(0, 2).map((i) => i.label),
			['账号注销', '账号注销'],
		);
	});
});
