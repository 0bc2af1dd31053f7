/**
 * The Tickets tree's data, a level at a time: the top groups with their counts from `tickets/tree`,
 * a group's children when it is expanded, each node with its tickets' errors and warnings (the
 * server counts them for every dump, open or not). Asked again on `tickets/didChange`. A ticket's
 * place (to reveal it) comes from its file's summaries (`tickets/list` for one file).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
	TicketListRequest,
	TicketsDidChangeNotification,
	TicketTreeRequest,
	treeGroupId,
	treeTicketId,
	type ProblemCounts,
	type TicketSummary,
	type TicketTreeResult,
} from '../../../common/protocol';
import { filterWords, groupKeys, ticketAtLine, type GroupNode, type TicketNode, type TreeNode, type TreeViewOptions } from './treeModel';
import { problemDecorationUri } from './problemDecorations';

/** `loading` until the server answered once; `filteredEmpty` when tickets exist but the filter hides them all. */
type TreeState = 'loading' | 'empty' | 'filteredEmpty' | 'ready';

/** Top-level groups start expanded when there are at most this many. */
const expandRootsUpTo = 12;
/** Changes come in bursts (indexing, checking): ask again once they settle. */
const refreshDelayMs = 300;

export class TicketTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
	private roots: GroupNode[] = [];
	private answer: TicketTreeResult | undefined;
	/** Per file (VS Code's URI string), its tickets in file order, as last asked. */
	private readonly files = new Map<string, Promise<TicketSummary[]>>();
	/** Ticket nodes shown so far, by file, to redraw their icons when diagnostics change. */
	private byUri = new Map<string, TicketNode[]>();
	private indexing = true;
	private inFlight: Promise<void> | undefined;
	private again = false;
	private timer: NodeJS.Timeout | undefined;
	private readonly changed = new vscode.EventEmitter<TreeNode | TreeNode[] | undefined>();
	private readonly refreshed = new vscode.EventEmitter<void>();
	private readonly disposables: vscode.Disposable[] = [];

	readonly onDidChangeTreeData = this.changed.event;
	/** Fires after every new top level (new data, grouping, sorting or filter). */
	readonly onDidRefresh = this.refreshed.event;

	constructor(
		private readonly client: LanguageClient,
		readonly options: TreeViewOptions,
	) {
		this.disposables.push(
			client.onNotification(TicketsDidChangeNotification, (params) => {
				this.indexing = params.indexing;
				for (const uri of params.uris) this.files.delete(this.key(uri));
				this.refreshSoon();
			}),
			vscode.languages.onDidChangeDiagnostics((e) => this.diagnosticsChanged(e.uris)),
			this.changed,
			this.refreshed,
		);
	}

	dispose(): void {
		if (this.timer) clearTimeout(this.timer);
		for (const d of this.disposables) d.dispose();
	}

	get state(): TreeState {
		if (!this.answer) return 'loading';
		if (this.roots.length) return 'ready';
		if (this.answer.total === 0) return this.indexing ? 'loading' : 'empty';
		return 'filteredEmpty';
	}

	/** Whether the server is still reading or checking the workspace's files. */
	get isIndexing(): boolean {
		return this.indexing;
	}

	get total(): number {
		return this.answer?.total ?? 0;
	}

	get shown(): number {
		return this.answer?.shown ?? 0;
	}

	/** The workspace's errors, warnings and leaks, as far as the server has checked. */
	get totals(): TicketTreeResult['totals'] {
		return this.answer?.totals ?? { errors: 0, warnings: 0, leaks: 0 };
	}

	get rootNodes(): readonly GroupNode[] {
		return this.roots;
	}

	/** One file's tickets in file order (asked of the server once per change of the file). */
	ticketsOf(uri: vscode.Uri): Promise<TicketSummary[]> {
		const key = uri.toString();
		let known = this.files.get(key);
		if (!known) {
			known = Promise.resolve(this.client.sendRequest(TicketListRequest, { uri: key })).then((r) => r.tickets);
			this.files.set(key, known);
			known.catch(() => this.files.delete(key));
		}
		return known;
	}

	/** The ticket that holds `line` of `uri`, and its node when the tree shows it (its groups are asked for on the way). */
	async nodeAt(uri: vscode.Uri, line: number): Promise<{ ticket?: TicketSummary; node?: TicketNode }> {
		const ticket = ticketAtLine(await this.ticketsOf(uri), line);
		if (!ticket) return {};
		if (!this.answer) await this.refresh();
		const keys = groupKeys(ticket, this.options.grouping);
		if (!keys) return { ticket, node: await this.findAmongGroups(ticket) };
		let level: TreeNode[] = this.roots;
		for (let depth = 1; depth <= keys.length; depth++) {
			const id = treeGroupId(this.options.grouping, keys.slice(0, depth));
			const group = level.find((n): n is GroupNode => n.kind === 'group' && n.id === id);
			if (!group) return { ticket };
			level = await this.getChildren(group);
		}
		const id = treeTicketId(ticket);
		return { ticket, node: level.find((n): n is TicketNode => n.kind === 'ticket' && n.id === id) };
	}

	/** The ticket's node under whichever top group holds it (groups the client cannot compute). */
	private async findAmongGroups(ticket: TicketSummary): Promise<TicketNode | undefined> {
		const id = treeTicketId(ticket);
		for (const group of this.roots) {
			if (group.kind !== 'group') continue;
			const found = (await this.getChildren(group)).find((n): n is TicketNode => n.kind === 'ticket' && n.id === id);
			if (found) return found;
		}
		return undefined;
	}

	/** Asks for the top level again now (the files named changed: their summaries are asked for again too). */
	refresh(uris?: readonly string[]): Promise<void> {
		for (const uri of uris ?? []) this.files.delete(this.key(uri));
		if (this.inFlight) {
			this.again = true;
			return this.inFlight;
		}
		this.inFlight = this.drain();
		return this.inFlight;
	}

	/** Resolves when no new top level is being asked for (now, or once the one in flight arrived). */
	async settled(): Promise<void> {
		while (this.inFlight) await this.inFlight;
	}

	/** After a grouping, sorting or filter change. */
	rebuild(): Promise<void> {
		return this.refresh();
	}

	private refreshSoon(): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = setTimeout(() => {
			this.timer = undefined;
			void this.refresh();
		}, refreshDelayMs);
	}

	private params(parent?: string) {
		const { grouping, sorting, filter, problemsOnly, kinds } = this.options;
		return { grouping, sorting, filter, problemsOnly, kinds, parent };
	}

	private async drain(): Promise<void> {
		try {
			do {
				this.again = false;
				const answer = await this.client.sendRequest(TicketTreeRequest, this.params());
				this.answer = answer;
				this.indexing = answer.indexing;
				this.roots = answer.nodes.filter((n) => n.kind === 'group').map((n) => ({ ...n }));
				this.byUri = new Map();
				this.changed.fire(undefined);
				this.refreshed.fire();
			} while (this.again);
		} catch (err) {
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

	private diagnosticsChanged(uris: readonly vscode.Uri[]): void {
		const nodes = uris.flatMap((uri) => this.byUri.get(uri.toString()) ?? []);
		if (nodes.length) this.changed.fire(nodes);
	}

	getParent(node: TreeNode): GroupNode | undefined {
		return node.parent;
	}

	async getChildren(node?: TreeNode): Promise<TreeNode[]> {
		if (!node) {
			if (!this.answer) await this.refresh();
			return this.roots;
		}
		if (node.kind === 'ticket') return [];
		if (!node.children) {
			const answer = await this.client.sendRequest(TicketTreeRequest, this.params(node.id));
			node.children = answer.nodes.map((n) => ({ ...n, parent: node }));
			for (const child of node.children) {
				if (child.kind !== 'ticket') continue;
				const key = this.key(child.ticket.uri);
				const list = this.byUri.get(key);
				if (list) list.push(child);
				else this.byUri.set(key, [child]);
			}
		}
		return node.children;
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
		item.description = problemsText(node);
		item.tooltip = [vscode.l10n.t('{0}: {1} tickets', node.name, node.count), item.description].filter(Boolean).join('\n');
		if (node.level === 'file' && node.uri) {
			item.resourceUri = vscode.Uri.parse(node.uri);
			item.iconPath = vscode.ThemeIcon.File;
		} else {
			item.resourceUri = problemDecorationUri(node.id, node);
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
		const severity = worstSeverity(uri, node);
		item.iconPath =
			severity === vscode.DiagnosticSeverity.Error
				? new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'))
				: severity === vscode.DiagnosticSeverity.Warning
					? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
					: new vscode.ThemeIcon('comment-discussion');
		item.resourceUri = problemDecorationUri(node.id, node);
		item.tooltip = ticketTooltip(t, title, vscode.workspace.asRelativePath(uri, false), severity);
		item.command = { command: 'ticketCurator.openTicket', title: vscode.l10n.t('Open Ticket'), arguments: [node] };
		return item;
	}
}

/** "2 errors, 5 warnings", or nothing without either. */
function problemsText(p: ProblemCounts): string {
	if (p.errors && p.warnings) return vscode.l10n.t('{0} errors, {1} warnings', p.errors, p.warnings);
	if (p.errors) return vscode.l10n.t('{0} errors', p.errors);
	if (p.warnings) return vscode.l10n.t('{0} warnings', p.warnings);
	return '';
}

const groupIcons: Record<GroupNode['level'], string> = { product: 'package', subcategory: 'tag', rootCause: 'lightbulb', file: 'file', suspect: 'warning' };

function fileName(uri: vscode.Uri): string {
	return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/**
 * The ticket's worst severity: from the diagnostics VS Code holds for its lines when it holds any for
 * the file (an open dump, current to the keystroke), else from the server's counts.
 */
function worstSeverity(uri: vscode.Uri, node: TicketNode): vscode.DiagnosticSeverity | undefined {
	const diagnostics = vscode.languages.getDiagnostics(uri);
	if (!diagnostics.length) return node.errors ? vscode.DiagnosticSeverity.Error : node.warnings ? vscode.DiagnosticSeverity.Warning : undefined;
	let worst: vscode.DiagnosticSeverity | undefined;
	const first = node.ticket.range.start.line;
	const last = node.ticket.range.end.line;
	for (const d of diagnostics) {
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
