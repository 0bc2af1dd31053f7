/**
 * The Tickets tree's data: the workspace index's ticket summaries, asked of the server with
 * `tickets/list` and kept current from `tickets/didChange` (a few files at a time, or whole). It
 * renders the nodes treeModel.ts builds; ticket icons come from the diagnostics VS Code holds.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TicketListRequest, TicketsDidChangeNotification, type TicketSummary } from '../../../common/protocol';
import {
	buildTree,
	filterWords,
	ticketAtLine,
	ticketId,
	ticketNodes,
	type GroupNode,
	type Grouping,
	type Sorting,
	type TicketNode,
	type TreeNode,
} from './treeModel';

/** `loading` until the index answered once; `filteredEmpty` when tickets exist but the filter hides them all. */
type TreeState = 'loading' | 'empty' | 'filteredEmpty' | 'ready';

interface TreeViewOptions {
	grouping: Grouping;
	sorting: Sorting;
	filter: string;
	/** The label suspects' groups, for the `labelSuspects` grouping (ticketTree.ts asks the server). */
	suspects?: ReadonlyMap<string, string>;
}

/** Above this many changed files one full `tickets/list` beats one request per file. */
const perFileRefreshLimit = 20;
/** Top-level groups start expanded when there are at most this many. */
const expandRootsUpTo = 12;

export class TicketTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
	private readonly files = new Map<string, TicketSummary[]>();
	private roots: GroupNode[] = [];
	private byTicketId = new Map<string, TicketNode>();
	private byUri = new Map<string, TicketNode[]>();
	private indexing = true;
	private loaded = false;
	private inFlight: Promise<void> | undefined;
	private pending: { all: boolean; uris: Set<string> } | undefined;
	private readonly changed = new vscode.EventEmitter<TreeNode | TreeNode[] | undefined>();
	private readonly refreshed = new vscode.EventEmitter<void>();
	private readonly disposables: vscode.Disposable[] = [];

	readonly onDidChangeTreeData = this.changed.event;
	/** Fires after every rebuild of the tree (new data, grouping, sorting or filter). */
	readonly onDidRefresh = this.refreshed.event;

	constructor(
		private readonly client: LanguageClient,
		readonly options: TreeViewOptions,
	) {
		this.disposables.push(
			client.onNotification(TicketsDidChangeNotification, (params) => {
				this.indexing = params.indexing;
				void this.refresh(params.uris);
			}),
			vscode.languages.onDidChangeDiagnostics((e) => this.diagnosticsChanged(e.uris)),
			this.changed,
			this.refreshed,
		);
	}

	dispose(): void {
		for (const d of this.disposables) d.dispose();
	}

	get state(): TreeState {
		if (!this.loaded) return 'loading';
		if (this.roots.length) return 'ready';
		if (this.files.size === 0) return this.indexing ? 'loading' : 'empty';
		return this.total > 0 ? 'filteredEmpty' : 'empty';
	}

	/** Whether the server is still reading the workspace's files. */
	get isIndexing(): boolean {
		return this.indexing;
	}

	get total(): number {
		let n = 0;
		for (const list of this.files.values()) n += list.length;
		return n;
	}

	get shown(): number {
		return this.roots.reduce((n, g) => n + g.count, 0);
	}

	get rootNodes(): readonly GroupNode[] {
		return this.roots;
	}

	/** One file's tickets in file order (as last received). */
	ticketsOf(uri: vscode.Uri): readonly TicketSummary[] {
		return this.files.get(uri.toString()) ?? [];
	}

	/** The node of the ticket that holds `line` of `uri`, when the tree shows it. */
	nodeAt(uri: vscode.Uri, line: number): { ticket?: TicketSummary; node?: TicketNode } {
		const ticket = ticketAtLine(this.ticketsOf(uri), line);
		return { ticket, node: ticket && this.byTicketId.get(ticketId(ticket)) };
	}

	/**
	 * Asks the server again: for the given files only, or (no argument, many files, or nothing loaded
	 * yet) for everything. Calls during a request are merged into one follow-up request.
	 */
	refresh(uris?: readonly string[]): Promise<void> {
		const all = !uris || !this.loaded || uris.length > perFileRefreshLimit;
		if (!this.pending) this.pending = { all, uris: new Set() };
		else this.pending.all ||= all;
		for (const uri of uris ?? []) this.pending.uris.add(uri);
		if (this.pending.all && this.pending.uris.size) this.pending.uris.clear();
		if (!this.inFlight) this.inFlight = this.drain();
		return this.inFlight;
	}

	/** Rebuilds the nodes from the tickets held (after a grouping, sorting or filter change). */
	rebuild(): void {
		const fileLabel = (uri: string) => vscode.workspace.asRelativePath(vscode.Uri.parse(uri), false);
		const tickets = [...this.files.keys()].sort((a, b) => fileLabel(a).localeCompare(fileLabel(b))).flatMap((uri) => this.files.get(uri)!);
		this.roots = buildTree(tickets, {
			...this.options,
			missing: {
				product: vscode.l10n.t('(no category)'),
				subcategory: vscode.l10n.t('(no subcategory)'),
				rootCause: vscode.l10n.t('(no root cause)'),
			},
			fileLabel,
		});
		this.byTicketId = new Map();
		this.byUri = new Map();
		for (const node of ticketNodes(this.roots)) {
			this.byTicketId.set(node.id, node);
			const list = this.byUri.get(node.ticket.uri);
			if (list) list.push(node);
			else this.byUri.set(node.ticket.uri, [node]);
		}
		this.changed.fire(undefined);
		this.refreshed.fire();
	}

	private async drain(): Promise<void> {
		try {
			while (this.pending) {
				const { all, uris } = this.pending;
				this.pending = undefined;
				if (all) {
					const result = await this.client.sendRequest(TicketListRequest, {});
					this.indexing = result.indexing;
					this.files.clear();
					for (const t of result.tickets) this.add(t);
				} else {
					const answers = await Promise.all([...uris].map(async (uri) => ({ uri, result: await this.client.sendRequest(TicketListRequest, { uri }) })));
					for (const { uri, result } of answers) {
						this.files.delete(this.key(uri));
						for (const t of result.tickets) this.add(t);
					}
				}
				this.loaded = true;
				this.rebuild();
			}
		} catch (err) {
			this.pending = undefined;
			if (this.client.isRunning())
				void vscode.window.showErrorMessage(vscode.l10n.t('The Tickets view could not get the tickets: {0}', String((err as Error).message ?? err)));
		} finally {
			this.inFlight = undefined;
		}
	}

	/** The server's URI strings and VS Code's `Uri.toString()` may differ in escaping: one key for both. */
	private key(uri: string): string {
		return vscode.Uri.parse(uri).toString();
	}

	private add(ticket: TicketSummary): void {
		const key = this.key(ticket.uri);
		const t = key === ticket.uri ? ticket : { ...ticket, uri: key };
		const list = this.files.get(key);
		if (list) list.push(t);
		else this.files.set(key, [t]);
	}

	private diagnosticsChanged(uris: readonly vscode.Uri[]): void {
		const nodes = uris.flatMap((uri) => this.byUri.get(uri.toString()) ?? []);
		if (nodes.length) this.changed.fire(nodes);
	}

	getParent(node: TreeNode): GroupNode | undefined {
		return node.parent;
	}

	async getChildren(node?: TreeNode): Promise<TreeNode[]> {
		if (node) return node.kind === 'group' ? [...node.children] : [];
		if (!this.loaded) await this.refresh();
		return this.roots;
	}

	getTreeItem(node: TreeNode): vscode.TreeItem {
		return node.kind === 'group' ? this.groupItem(node) : this.ticketItem(node);
	}

	private groupItem(node: GroupNode): vscode.TreeItem {
		const label = `${node.name} (${node.count})`;
		const expanded = !node.parent && this.roots.length <= expandRootsUpTo;
		const item = new vscode.TreeItem(
			{ label, highlights: highlights(node.name, this.options.filter) },
			expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
		);
		item.id = node.id;
		item.contextValue = `group.${node.level}`;
		item.tooltip = vscode.l10n.t('{0}: {1} tickets', node.name, node.count);
		if (node.level === 'file' && node.uri) {
			item.resourceUri = vscode.Uri.parse(node.uri);
			item.iconPath = vscode.ThemeIcon.File;
		} else {
			item.iconPath = new vscode.ThemeIcon(groupIcons[node.level]);
		}
		return item;
	}

	private ticketItem(node: TicketNode): vscode.TreeItem {
		const t = node.ticket;
		const title = t.title || vscode.l10n.t('(untitled ticket)');
		const item = new vscode.TreeItem({ label: title, highlights: highlights(title, this.options.filter) }, vscode.TreeItemCollapsibleState.None);
		item.id = node.id;
		item.contextValue = 'ticket';
		const uri = vscode.Uri.parse(t.uri);
		// Under a file group the file is the parent: the line alone says where.
		item.description = node.parent?.level === 'file' ? `:${t.titleRange.start.line + 1}` : `${fileName(uri)}:${t.titleRange.start.line + 1}`;
		const severity = worstSeverity(uri, t);
		item.iconPath =
			severity === vscode.DiagnosticSeverity.Error
				? new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'))
				: severity === vscode.DiagnosticSeverity.Warning
					? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
					: new vscode.ThemeIcon('comment-discussion');
		item.tooltip = ticketTooltip(t, title, vscode.workspace.asRelativePath(uri, false), severity);
		item.command = { command: 'ticketCurator.openTicket', title: vscode.l10n.t('Open Ticket'), arguments: [node] };
		return item;
	}
}

const groupIcons: Record<GroupNode['level'], string> = { product: 'package', subcategory: 'tag', rootCause: 'lightbulb', file: 'file', suspect: 'warning' };

function fileName(uri: vscode.Uri): string {
	return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** The worst severity among the diagnostics VS Code holds for the ticket's lines. */
function worstSeverity(uri: vscode.Uri, ticket: TicketSummary): vscode.DiagnosticSeverity | undefined {
	let worst: vscode.DiagnosticSeverity | undefined;
	const first = ticket.range.start.line;
	const last = ticket.range.end.line;
	for (const d of vscode.languages.getDiagnostics(uri)) {
		if (d.range.end.line < first || d.range.start.line > last) continue;
		if (worst === undefined || d.severity < worst) worst = d.severity;
	}
	return worst;
}

const tooltipLines = 6;

function ticketTooltip(t: TicketSummary, title: string, file: string, severity: vscode.DiagnosticSeverity | undefined): vscode.MarkdownString {
	const md = new vscode.MarkdownString(undefined, true);
	md.appendMarkdown('**').appendText(title).appendMarkdown('**\n\n');
	const category = t.category ?? '';
	if (category) md.appendText(category);
	if (t.rootCause) md.appendText(`${category ? ' · ' : ''}${t.rootCause}`);
	if (category || t.rootCause) md.appendMarkdown('\n\n');
	const description = t.description.split('\n').filter((l) => l.trim());
	if (description.length) {
		md.appendText(description.slice(0, tooltipLines).join('\n'));
		if (description.length > tooltipLines) md.appendText('\n…');
		md.appendMarkdown('\n\n');
	}
	if (severity === vscode.DiagnosticSeverity.Error) md.appendMarkdown('$(error) ').appendText(vscode.l10n.t('Has errors')).appendMarkdown('\n\n');
	else if (severity === vscode.DiagnosticSeverity.Warning) md.appendMarkdown('$(warning) ').appendText(vscode.l10n.t('Has warnings')).appendMarkdown('\n\n');
	md.appendText(`${file}:${t.titleRange.start.line + 1}`);
	return md;
}

/** Where the filter's words occur in a label (case-insensitive), for the tree's match highlighting. */
function highlights(label: string, filter: string): [number, number][] {
	const lower = label.toLocaleLowerCase();
	const found: [number, number][] = [];
	for (const word of filterWords(filter)) {
		const at = lower.indexOf(word);
		if (at >= 0) found.push([at, at + word.length]);
	}
	return found.sort((a, b) => a[0] - b[0]);
}
