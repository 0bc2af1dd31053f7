/**
 * The Tickets view in a real VS Code: its data (read through the extension's API and its
 * TreeDataProvider), its commands, and opening and revealing tickets.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TicketCuratorApi } from '../../../client/src/extension';
import type { GroupNode, TicketNode, TreeNode } from '../../../client/src/tree/treeModel';
import { activateExtension, dumpUri, waitForDiagnostics } from './helpers';

let api: TicketCuratorApi;
const provider = () => api.tickets.provider;
const roots = async () => (await provider().getChildren()) as GroupNode[];
const shape = (nodes: readonly TreeNode[]) => nodes.map((n) => (n.kind === 'group' ? [n.name, n.count] : [n.ticket.title]));
/** Every ticket under `nodes`, their groups asked of the server as VS Code would when expanding them. */
async function ticketsUnder(nodes: readonly TreeNode[]): Promise<TicketNode[]> {
	const lists = await Promise.all(nodes.map(async (n) => (n.kind === 'ticket' ? [n] : ticketsUnder(await provider().getChildren(n)))));
	return lists.flat();
}
const iconOf = (node: TreeNode) => (provider().getTreeItem(node).iconPath as vscode.ThemeIcon).id;

/** Resolves when the tree view selects the ticket `id` (now or later). */
function selected(id: string): Promise<void> {
	return new Promise((resolve) => {
		const view = api.tickets.view;
		const check = () => {
			if (view.selection[0]?.id !== id) return;
			subscription.dispose();
			resolve();
		};
		const subscription = view.onDidChangeSelection(check);
		check();
	});
}

describe('Tickets view', () => {
	before(async () => {
		api = (await activateExtension()).exports as TicketCuratorApi;
		await api.tickets.ready();
		await vscode.commands.executeCommand('ticketCurator.clearFilter');
		await vscode.commands.executeCommand('ticketCurator.groupBy', 'category');
		await vscode.commands.executeCommand('ticketCurator.sortByCount');
	});

	after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

	it("groups the real dump's 114 tickets into 8 products, CDN (54) on top, CDN｜配置问题 (17) first under it", async () => {
		const products = await roots();
		assert.equal(provider().state, 'ready');
		assert.equal(provider().total, 114);
		assert.deepEqual(shape(products).slice(0, 3), [
			['CDN', 54],
			['对象存储', 29],
			['账户与财务', 12],
		]);
		assert.equal(products.length, 8);
		assert.equal(
			products.reduce((n, p) => n + p.count, 0),
			114,
		);
		const cdn = (await provider().getChildren(products[0])) as GroupNode[];
		assert.deepEqual(shape(cdn)[0], ['配置问题', 17]);
		const item = provider().getTreeItem(products[0]);
		assert.equal((item.label as vscode.TreeItemLabel).label, 'CDN (54)');
		assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
		assert.equal(provider().getTreeItem(cdn[0]).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
	});

	it('groups by label suspects: only the tickets whose label the review doubts, under given → suggested label', async () => {
		await vscode.commands.executeCommand('ticketCurator.groupByLabelSuspects');
		const groups = await roots();
		assert.ok(groups.length > 1 && groups.every((g) => g.kind === 'group' && g.level === 'suspect' && g.name.includes(' → ')), JSON.stringify(shape(groups)));
		const doubted = await ticketsUnder(groups);
		assert.ok(doubted.length > 30 && doubted.length < 114, `${doubted.length} tickets`);
		assert.ok(
			doubted.some((t) => t.ticket.title === '开发票'),
			'the invoice ticket labelled as a certificate problem',
		);
		assert.equal(iconOf(groups[0]), 'warning');
		await vscode.commands.executeCommand('ticketCurator.groupByCategory');
		assert.equal((await roots()).length, 8);
	});

	it('regroups by root cause and by file, and sorts by name', async () => {
		await vscode.commands.executeCommand('ticketCurator.groupByRootCause');
		const causes = await roots();
		assert.equal(causes.length, 8);
		assert.deepEqual(shape(causes)[0], ['SSL/TLS证书配置问题', 40]);
		await vscode.commands.executeCommand('ticketCurator.groupByFile');
		const files = await roots();
		assert.deepEqual(shape(files), [['000_8bbabfb939ae27d4.txt', 114]]);
		assert.deepEqual(
			(await provider().getChildren(files[0])).map((n) => (n as TicketNode).ticket.ordinal),
			Array.from({ length: 114 }, (_, i) => i),
		);
		await vscode.commands.executeCommand('ticketCurator.groupByCategory');
		await vscode.commands.executeCommand('ticketCurator.sortByName');
		const byName = (await roots()).map((g) => g.name);
		assert.deepEqual(byName, [...byName].sort(new Intl.Collator(['zh-CN', 'en'], { numeric: true, sensitivity: 'base' }).compare));
		await vscode.commands.executeCommand('ticketCurator.sortByCount');
		assert.notDeepEqual(
			byName,
			(await roots()).map((g) => g.name),
		);
	});

	it('narrows to a filter and clears it', async () => {
		await vscode.commands.executeCommand('ticketCurator.filterTickets', 'CDN 证书问题');
		assert.deepEqual(shape(await roots()), [['CDN', 15]]);
		assert.match(api.tickets.view.message ?? '', /15 of 114/);
		await vscode.commands.executeCommand('ticketCurator.filterTickets', 'no ticket says this');
		assert.equal(provider().state, 'filteredEmpty');
		await vscode.commands.executeCommand('ticketCurator.clearFilter');
		assert.equal(provider().shown, 114);
		assert.equal(api.tickets.view.message, undefined);
	});

	it('shows title, file:line, the description in the tooltip, and a warning or error icon from the diagnostics', async () => {
		await vscode.window.showTextDocument(dumpUri());
		const diagnostics = await waitForDiagnostics(dumpUri(), (d) => d.length > 0);
		const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === dumpUri().toString())!;
		const tickets = await ticketsUnder(await roots());
		assert.equal(tickets.length, 114);
		for (const node of tickets) {
			const item = provider().getTreeItem(node);
			const line = node.ticket.titleRange.start.line;
			assert.equal(item.label && (item.label as vscode.TreeItemLabel).label, node.ticket.title);
			assert.equal(document.lineAt(line).text, `## ${node.ticket.title}`);
			assert.equal(item.description, `000_8bbabfb939ae27d4.txt:${line + 1}`);
			const within = diagnostics.filter((d) => d.range.end.line >= node.ticket.range.start.line && d.range.start.line <= node.ticket.range.end.line);
			const expected = within.some((d) => d.severity === vscode.DiagnosticSeverity.Error)
				? 'error'
				: within.some((d) => d.severity === vscode.DiagnosticSeverity.Warning)
					? 'warning'
					: 'comment-discussion';
			assert.equal(iconOf(node), expected, node.ticket.title);
		}
		const icons = tickets.map(iconOf);
		assert.ok(icons.some((i) => i !== 'comment-discussion') && icons.includes('comment-discussion'), icons.join());
		const first = tickets.find((n) => n.ticket.ordinal === 0)!;
		const tooltip = provider().getTreeItem(first).tooltip as vscode.MarkdownString;
		assert.match(tooltip.value, /请求获取uploadId/);
	});

	it('opens a ticket on its title line, selected', async () => {
		const node = (await ticketsUnder(await roots())).find((n) => n.ticket.ordinal === 57)!;
		const editor = (await vscode.commands.executeCommand<vscode.TextEditor>('ticketCurator.openTicket', node))!;
		assert.equal(editor.document.uri.toString(), dumpUri().toString());
		assert.equal(editor.selection.start.line, node.ticket.titleRange.start.line);
		assert.equal(editor.document.getText(editor.selection), node.ticket.title);
		assert.equal(editor.document.lineAt(editor.selection.start.line).text, `## ${node.ticket.title}`);
	});

	it('reveals the ticket under the cursor, and follows the cursor while the view is visible', async () => {
		const editor = await vscode.window.showTextDocument(dumpUri());
		const tickets = (await ticketsUnder(await roots())).sort((a, b) => a.ticket.ordinal - b.ticket.ordinal);
		const target = tickets[49].ticket;
		const inside = new vscode.Position(target.range.end.line - 1, 0);
		editor.selection = new vscode.Selection(inside, inside);
		const revealed = await vscode.commands.executeCommand<TicketNode>('ticketCurator.revealTicket');
		assert.equal(revealed?.ticket.ordinal, 49);
		await selected(revealed.id);
		assert.equal(api.tickets.view.visible, true);

		// The view is visible now: moving the cursor into another ticket selects that one.
		await vscode.window.showTextDocument(editor.document, { preserveFocus: false });
		const next = tickets[80];
		const waiting = selected(next.id);
		const position = new vscode.Position(next.ticket.titleRange.start.line + 3, 0);
		vscode.window.activeTextEditor!.selection = new vscode.Selection(position, position);
		await waiting;
	});

	it('adds a new ticket after the one under the cursor, and the tree follows the edit', async () => {
		const editor = await vscode.window.showTextDocument(dumpUri());
		const tickets = (await ticketsUnder(await roots())).sort((a, b) => a.ticket.ordinal - b.ticket.ordinal);
		const inFirst = new vscode.Position(tickets[0].ticket.titleRange.start.line + 2, 0);
		editor.selection = new vscode.Selection(inFirst, inFirst);
		const secondTitle = tickets[1].ticket.titleRange.start.line;
		await vscode.commands.executeCommand('ticketCurator.newTicket');
		assert.equal(editor.document.lineAt(secondTitle).text, '## 标题');
		assert.equal(editor.document.getText(editor.selection), '标题', 'the title placeholder is selected');
		await treeTotal(115);
		const added = (await ticketsUnder(await roots())).find((n) => n.ticket.ordinal === 1)!;
		assert.equal(added.ticket.title, '标题');
		assert.equal(added.ticket.product, '产品');
		await vscode.commands.executeCommand('workbench.action.files.revert');
		await treeTotal(114);
	});
});

/** Resolves when the tree holds `n` tickets (now or after a refresh). */
function treeTotal(n: number): Promise<void> {
	return new Promise((resolve) => {
		const check = () => {
			if (provider().total !== n) return;
			subscription.dispose();
			resolve();
		};
		const subscription = provider().onDidRefresh(check);
		check();
	});
}
