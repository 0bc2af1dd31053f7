/**
 * The Tickets view (`ticketCurator.tickets`): its commands (refresh, group by, sort, filter, open and
 * reveal a ticket), the context keys its menus and welcome views read, and following the cursor
 * of a dump. The data comes from TicketTreeProvider.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LabelReviewRequest, type TicketSummary } from '../../../common/protocol';
import { TicketTreeProvider } from './ticketTreeProvider';
import { groupings, suspectKey, type Grouping, type Sorting, type TicketNode, type TreeNode } from './treeModel';

const ticketsViewId = 'ticketCurator.tickets';

/** What the extension's API exposes of the tree (the e2e tests read the tree's data through it). */
export interface TicketTreeApi {
	readonly view: vscode.TreeView<TreeNode>;
	readonly provider: TicketTreeProvider;
	/** Resolves once the tree holds the whole index (the server's first indexing is over). */
	ready(): Promise<void>;
}

const groupingKey = 'ticketCurator.grouping';
const sortingKey = 'ticketCurator.sorting';

export function registerTicketTree(context: vscode.ExtensionContext, client: LanguageClient): TicketTreeApi {
	const state = context.workspaceState;
	const provider = new TicketTreeProvider(client, {
		// Label suspects are a review, asked of the server when chosen: a new session starts by category.
		grouping: restoredGrouping(state.get(groupingKey)),
		sorting: state.get<Sorting>(sortingKey) === 'name' ? 'name' : 'count',
		filter: '',
	});
	const view = vscode.window.createTreeView(ticketsViewId, { treeDataProvider: provider, showCollapseAll: true });
	context.subscriptions.push(
		provider,
		view,
		provider.onDidRefresh(() => updateChrome(view, provider)),
	);
	updateChrome(view, provider);

	/** The label suspects, most certain first, as groups "given → suggested" (the first suspect of a ticket wins). */
	const loadSuspects = async () => {
		const { rows } = await client.sendRequest(LabelReviewRequest, {});
		const groups = new Map<string, string>();
		for (const row of rows) {
			const key = suspectKey(row.uri, row.line);
			if (!groups.has(key)) groups.set(key, `${row.label} → ${row.suggestions[0]?.label ?? vscode.l10n.t('(none)')}`);
		}
		provider.options.suspects = groups;
	};

	const setOptions = async (change: Partial<TicketTreeProvider['options']>) => {
		Object.assign(provider.options, change);
		if (change.grouping) void state.update(groupingKey, change.grouping);
		if (change.sorting) void state.update(sortingKey, change.sorting);
		if (provider.options.grouping === 'labelSuspects' && (change.grouping || !provider.options.suspects)) await loadSuspects();
		provider.rebuild();
	};

	const openTicket = async (ticket: TicketSummary) => {
		const range = client.protocol2CodeConverter.asRange(ticket.titleRange);
		const editor = await vscode.window.showTextDocument(vscode.Uri.parse(ticket.uri), { selection: range, preview: true });
		editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
		return editor;
	};

	/** Reveals the ticket under the cursor of `editor`; returns it (undefined when the cursor is in no ticket). */
	const revealAt = async (editor: vscode.TextEditor, focus: boolean): Promise<TicketNode | undefined> => {
		const { ticket, node } = provider.nodeAt(editor.document.uri, editor.selection.active.line);
		if (!ticket) return undefined;
		if (!node) {
			if (focus) {
				const clear = vscode.l10n.t('Clear Filter');
				const answer = await vscode.window.showInformationMessage(vscode.l10n.t('The ticket "{0}" is hidden by the filter.', ticket.title), clear);
				if (answer === clear) {
					setOptions({ filter: '' });
					return revealAt(editor, focus);
				}
			}
			return undefined;
		}
		if (focus || view.selection[0]?.id !== node.id) await view.reveal(node, { select: true, focus, expand: true });
		return node;
	};

	const register = (...args: Parameters<typeof vscode.commands.registerCommand>) => context.subscriptions.push(vscode.commands.registerCommand(...args));
	register('ticketCurator.refreshTickets', async () => {
		if (provider.options.grouping === 'labelSuspects') await loadSuspects();
		return provider.refresh();
	});
	register('ticketCurator.groupBy', async (grouping?: string) => {
		const chosen = validGrouping(grouping) ?? (await pickGrouping(provider.options.grouping));
		if (chosen) setOptions({ grouping: chosen });
	});
	register('ticketCurator.groupByCategory', () => setOptions({ grouping: 'category' }));
	register('ticketCurator.groupByRootCause', () => setOptions({ grouping: 'rootCause' }));
	register('ticketCurator.groupByFile', () => setOptions({ grouping: 'file' }));
	register('ticketCurator.groupByLabelSuspects', () => setOptions({ grouping: 'labelSuspects' }));
	register('ticketCurator.sortByCount', () => setOptions({ sorting: 'count' }));
	register('ticketCurator.sortByName', () => setOptions({ sorting: 'name' }));
	register('ticketCurator.filterTickets', (filter?: string) => {
		if (typeof filter === 'string') setOptions({ filter });
		else askFilter(provider.options.filter, (value) => setOptions({ filter: value }));
	});
	register('ticketCurator.clearFilter', () => setOptions({ filter: '' }));
	register('ticketCurator.openTicket', (target?: TicketNode | TicketSummary) => {
		const node = target ?? view.selection[0];
		const ticket = node && ('kind' in node ? (node.kind === 'ticket' ? node.ticket : undefined) : node);
		return ticket ? openTicket(ticket) : undefined;
	});
	register('ticketCurator.revealTicket', async () => {
		const editor = vscode.window.activeTextEditor;
		if (!editor) return undefined;
		if (!provider.ticketsOf(editor.document.uri).length) await provider.refresh([editor.document.uri.toString()]);
		const node = await revealAt(editor, true);
		if (!node && !provider.nodeAt(editor.document.uri, editor.selection.active.line).ticket) {
			void vscode.window.showInformationMessage(vscode.l10n.t('The cursor is not in a ticket.'));
		}
		return node;
	});

	// Follow the cursor of a dump while the view is visible.
	context.subscriptions.push(
		vscode.window.onDidChangeTextEditorSelection((e) => {
			if (view.visible && e.textEditor === vscode.window.activeTextEditor) void revealAt(e.textEditor, false);
		}),
		view.onDidChangeVisibility((e) => {
			const editor = vscode.window.activeTextEditor;
			if (e.visible && editor) void revealAt(editor, false);
		}),
	);

	return {
		view,
		provider,
		ready: () =>
			new Promise<void>((resolve) => {
				const done = () => provider.state !== 'loading' && !provider.isIndexing;
				if (done()) return resolve();
				const subscription = provider.onDidRefresh(() => {
					if (!done()) return;
					subscription.dispose();
					resolve();
				});
				void provider.refresh();
			}),
	};
}

function restoredGrouping(value: unknown): Grouping {
	const grouping = validGrouping(value);
	return grouping && grouping !== 'labelSuspects' ? grouping : 'category';
}

function validGrouping(value: unknown): Grouping | undefined {
	return groupings.includes(value as Grouping) ? (value as Grouping) : undefined;
}

function groupingLabel(grouping: Grouping): string {
	switch (grouping) {
		case 'category':
			return vscode.l10n.t('by category');
		case 'rootCause':
			return vscode.l10n.t('by root cause');
		case 'file':
			return vscode.l10n.t('by file');
		case 'labelSuspects':
			return vscode.l10n.t('by label suspects');
	}
}

/** Context keys for the menus and welcome views, the view's description and its filter message. */
function updateChrome(view: vscode.TreeView<TreeNode>, provider: TicketTreeProvider): void {
	const { grouping, sorting, filter } = provider.options;
	void vscode.commands.executeCommand('setContext', 'ticketCurator.treeState', provider.state);
	void vscode.commands.executeCommand('setContext', 'ticketCurator.groupBy', grouping);
	void vscode.commands.executeCommand('setContext', 'ticketCurator.sortBy', sorting);
	void vscode.commands.executeCommand('setContext', 'ticketCurator.filtered', filter.trim() !== '');
	view.description = groupingLabel(grouping);
	view.message = filter.trim() ? vscode.l10n.t('Filter "{0}": {1} of {2} tickets', filter.trim(), provider.shown, provider.total) : undefined;
}

async function pickGrouping(current: Grouping): Promise<Grouping | undefined> {
	const items: (vscode.QuickPickItem & { grouping: Grouping })[] = [
		{ grouping: 'category', label: vscode.l10n.t('Category'), detail: vscode.l10n.t('Product, then subcategory') },
		{ grouping: 'rootCause', label: vscode.l10n.t('Root Cause'), detail: vscode.l10n.t('The label under 根本原因分析') },
		{ grouping: 'file', label: vscode.l10n.t('File'), detail: vscode.l10n.t('Each dump with its tickets in file order') },
		{
			grouping: 'labelSuspects',
			label: vscode.l10n.t('Label Suspects'),
			detail: vscode.l10n.t('Tickets whose root cause or product may be wrong, by given → suggested label'),
		},
	];
	for (const item of items) if (item.grouping === current) item.description = vscode.l10n.t('current');
	const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Group Tickets By'), placeHolder: groupingLabel(current) });
	return picked?.grouping;
}

/** An input box that narrows the tree as the user types; Escape puts the previous filter back. */
function askFilter(previous: string, apply: (value: string) => void): void {
	const box = vscode.window.createInputBox();
	box.title = vscode.l10n.t('Filter Tickets');
	box.placeholder = vscode.l10n.t('Words of the title, category, root cause or file name');
	box.value = previous;
	let accepted = false;
	box.onDidChangeValue(apply);
	box.onDidAccept(() => {
		accepted = true;
		box.hide();
	});
	box.onDidHide(() => {
		if (!accepted) apply(previous);
		box.dispose();
	});
	box.show();
}
