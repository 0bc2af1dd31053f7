/**
 * The Tickets view (`ticketCurator.tickets`): its commands (refresh, group by, sort, filter, open and
 * reveal a ticket), the context keys its menus and welcome views read, and following the cursor
 * of a dump. The data comes from TicketTreeProvider.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { TicketSummary } from '../../../common/protocol';
import { TicketTreeProvider } from './ticketTreeProvider';
import type { ProblemKind } from '../../../common/protocol';
import { groupings, isFiltered, type Grouping, type Sorting, type TicketNode, type TreeNode } from './treeModel';
import { registerProblemDecorations } from './problemDecorations';
import { registerTicketStatus } from './ticketStatus';

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
		grouping: validGrouping(state.get(groupingKey)) ?? 'category',
		sorting: state.get<Sorting>(sortingKey) === 'name' ? 'name' : 'count',
		filter: '',
		problemsOnly: false,
		kinds: [],
	});
	const view = vscode.window.createTreeView(ticketsViewId, { treeDataProvider: provider, showCollapseAll: true });
	registerProblemDecorations(context);
	registerTicketStatus(context, provider);
	context.subscriptions.push(
		provider,
		view,
		provider.onDidRefresh(() => updateChrome(view, provider)),
	);
	updateChrome(view, provider);

	const setOptions = (change: Partial<TicketTreeProvider['options']>) => {
		Object.assign(provider.options, change);
		if (change.grouping) void state.update(groupingKey, change.grouping);
		if (change.sorting) void state.update(sortingKey, change.sorting);
		return provider.rebuild();
	};

	const openTicket = async (ticket: TicketSummary) => {
		const range = client.protocol2CodeConverter.asRange(ticket.titleRange);
		const editor = await vscode.window.showTextDocument(vscode.Uri.parse(ticket.uri), { selection: range, preview: true });
		editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
		return editor;
	};

	/** Reveals the ticket under the cursor of `editor`; returns it (undefined when the cursor is in no ticket). */
	const revealAt = async (editor: vscode.TextEditor, focus: boolean): Promise<TicketNode | undefined> => {
		const { ticket, node } = await provider.nodeAt(editor.document.uri, editor.selection.active.line);
		if (!ticket) return undefined;
		if (!node) {
			if (focus) {
				const clear = vscode.l10n.t('Clear Filter');
				const answer = await vscode.window.showInformationMessage(vscode.l10n.t('The ticket "{0}" is hidden by the filter.', ticket.title), clear);
				if (answer === clear) {
					await setOptions({ filter: '', problemsOnly: false, kinds: [] });
					return revealAt(editor, focus);
				}
			}
			return undefined;
		}
		if (focus || view.selection[0]?.id !== node.id) await view.reveal(node, { select: true, focus, expand: true });
		return node;
	};

	const register = (...args: Parameters<typeof vscode.commands.registerCommand>) => context.subscriptions.push(vscode.commands.registerCommand(...args));
	register('ticketCurator.refreshTickets', () => provider.refresh());
	register('ticketCurator.groupBy', async (grouping?: string) => {
		const chosen = validGrouping(grouping) ?? (await pickGrouping(provider.options.grouping));
		if (chosen) await setOptions({ grouping: chosen });
	});
	register('ticketCurator.groupByCategory', () => setOptions({ grouping: 'category' }));
	register('ticketCurator.groupByRootCause', () => setOptions({ grouping: 'rootCause' }));
	register('ticketCurator.groupByFile', () => setOptions({ grouping: 'file' }));
	register('ticketCurator.groupByLabelSuspects', () => setOptions({ grouping: 'labelSuspects' }));
	register('ticketCurator.sortByCount', () => setOptions({ sorting: 'count' }));
	register('ticketCurator.sortByName', () => setOptions({ sorting: 'name' }));
	register('ticketCurator.filterTickets', (filter?: string) => {
		if (typeof filter === 'string') return setOptions({ filter });
		askFilter(provider.options.filter, (value) => void setOptions({ filter: value }));
		return undefined;
	});
	register('ticketCurator.clearFilter', () => setOptions({ filter: '', problemsOnly: false, kinds: [] }));
	register('ticketCurator.filterProblems', (on?: boolean) => setOptions({ problemsOnly: typeof on === 'boolean' ? on : !provider.options.problemsOnly }));
	register('ticketCurator.filterKinds', async (kinds?: ProblemKind[]) => {
		const chosen = Array.isArray(kinds) ? kinds : await pickKinds(provider.options.kinds);
		if (chosen) await setOptions({ kinds: chosen });
	});
	register('ticketCurator.openTicket', (target?: TicketNode | TicketSummary) => {
		const node = target ?? view.selection[0];
		const ticket = node && ('kind' in node ? (node.kind === 'ticket' ? node.ticket : undefined) : node);
		return ticket ? openTicket(ticket) : undefined;
	});
	register('ticketCurator.revealTicket', async () => {
		const editor = vscode.window.activeTextEditor;
		if (!editor) return undefined;
		const node = await revealAt(editor, true);
		if (!node && !(await provider.nodeAt(editor.document.uri, editor.selection.active.line)).ticket) {
			void vscode.window.showInformationMessage(vscode.l10n.t('The cursor is not in a ticket.'));
		}
		return node;
	});

	// Follow the cursor of a dump while the view is visible. One reveal at a time, the latest cursor
	// last: VS Code's tree refuses a node asked for twice at once ("already registered"), which two
	// overlapping reveals of one group do while an edit refreshes the tree.
	let following: Promise<void> | undefined;
	let nextEditor: vscode.TextEditor | undefined;
	const follow = (editor: vscode.TextEditor) => {
		nextEditor = editor;
		following ??= (async () => {
			while (nextEditor) {
				const target = nextEditor;
				nextEditor = undefined;
				await provider.settled();
				// A lost race with a refresh leaves the tree as it was; the next cursor move reveals again.
				await revealAt(target, false).catch(() => undefined);
			}
			following = undefined;
		})();
	};
	context.subscriptions.push(
		vscode.window.onDidChangeTextEditorSelection((e) => {
			if (view.visible && e.textEditor === vscode.window.activeTextEditor) follow(e.textEditor);
		}),
		view.onDidChangeVisibility((e) => {
			const editor = vscode.window.activeTextEditor;
			if (e.visible && editor) follow(editor);
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
			return vscode.l10n.t('label suspects');
	}
}

/** Context keys for the menus and welcome views, the view's description and its filter message. */
function updateChrome(view: vscode.TreeView<TreeNode>, provider: TicketTreeProvider): void {
	const { grouping, sorting, filter, problemsOnly, kinds } = provider.options;
	void vscode.commands.executeCommand('setContext', 'ticketCurator.treeState', provider.state);
	void vscode.commands.executeCommand('setContext', 'ticketCurator.groupBy', grouping);
	void vscode.commands.executeCommand('setContext', 'ticketCurator.sortBy', sorting);
	void vscode.commands.executeCommand('setContext', 'ticketCurator.filtered', isFiltered(provider.options));
	void vscode.commands.executeCommand('setContext', 'ticketCurator.problemsOnly', problemsOnly);
	view.description = groupingLabel(grouping);
	const what = [
		filter.trim() ? vscode.l10n.t('Filter "{0}"', filter.trim()) : '',
		problemsOnly ? vscode.l10n.t('with problems') : '',
		kinds.length ? vscode.l10n.t('with {0}', kinds.map(kindLabel).join(', ')) : '',
	].filter(Boolean);
	view.message = what.length ? vscode.l10n.t('{0}: {1} of {2} tickets', what.join(', '), provider.shown, provider.total) : undefined;
}

function kindLabel(kind: ProblemKind): string {
	switch (kind) {
		case 'leaks':
			return vscode.l10n.t('leaks');
		case 'structure':
			return vscode.l10n.t('structure');
		case 'duplicates':
			return vscode.l10n.t('duplicates');
		case 'files':
			return vscode.l10n.t('files');
		case 'labels':
			return vscode.l10n.t('labels');
	}
}

/** The kinds of finding the tree keeps tickets of (none chosen: every ticket). */
async function pickKinds(current: readonly ProblemKind[]): Promise<ProblemKind[] | undefined> {
	const kinds: ProblemKind[] = ['leaks', 'structure', 'duplicates', 'labels', 'files'];
	const items = kinds.map((problem) => ({ problem, label: kindLabel(problem), picked: current.includes(problem) }));
	const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: vscode.l10n.t('Only Tickets With Findings Of') });
	return picked?.map((p) => p.problem);
}

async function pickGrouping(current: Grouping): Promise<Grouping | undefined> {
	const items: (vscode.QuickPickItem & { grouping: Grouping })[] = [
		{ grouping: 'category', label: vscode.l10n.t('Category'), detail: vscode.l10n.t('Product, then subcategory') },
		{ grouping: 'rootCause', label: vscode.l10n.t('Root Cause'), detail: vscode.l10n.t('The label under 根本原因分析') },
		{ grouping: 'file', label: vscode.l10n.t('File'), detail: vscode.l10n.t('Each dump with its tickets in file order') },
		{
			grouping: 'labelSuspects',
			label: vscode.l10n.t('Label Suspects'),
			detail: vscode.l10n.t('Tickets whose root cause or product does not fit them, by given → suggested label'),
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
