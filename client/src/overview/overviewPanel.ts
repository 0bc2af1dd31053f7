/**
 * *Tickets: Show Overview*: a webview with the workspace's charts (client/page/ draws them), its
 * figures asked of the server (`tickets/overview`), asked again when the tickets or the findings
 * change while it is visible. A click on a bar or cell comes back as a selection: the tickets behind
 * it are listed to open (a file opens). Rendering and routing only: the server counts.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { OverviewCount, OverviewData, OverviewPageMessage, OverviewSelection } from '../../../common/overview';
import { OverviewRequest, TicketTreeRequest, treeGroupId, type TicketSummary, type TicketTreeParams } from '../../../common/protocol';
import type { TicketTreeProvider } from '../tree/ticketTreeProvider';
import { overviewHtml } from './overviewHtml';

const viewType = 'ticketCurator.overview';
/** Changes come in bursts (an indexing run, an edit burst): ask again once they settle. */
const refreshDelayMs = 500;

/** What the extension's API exposes of the overview (the e2e tests read what the page drew). */
export interface OverviewApi {
	/** Fires with the per-product bars each time the page has drawn its charts. */
	readonly onDidRender: vscode.Event<readonly OverviewCount[]>;
	readonly panel: () => vscode.WebviewPanel | undefined;
}

interface PickedTicket {
	readonly uri: string;
	readonly line: number;
	readonly title: string;
	readonly category?: string;
}

export function registerOverview(context: vscode.ExtensionContext, client: LanguageClient, tree: TicketTreeProvider): OverviewApi {
	let panel: vscode.WebviewPanel | undefined;
	let data: OverviewData | undefined;
	let timer: NodeJS.Timeout | undefined;
	let stale = false;
	const rendered = new vscode.EventEmitter<readonly OverviewCount[]>();

	const load = async (first: boolean) => {
		if (!panel) return;
		stale = false;
		const result = await client.sendRequest(OverviewRequest);
		if (!panel) return;
		data = result.data;
		const input = { data: result.data, strings: result.strings, interactive: true };
		if (first) panel.webview.html = overviewHtml(panel.webview, context.extensionUri, input);
		else void panel.webview.postMessage({ type: 'update', input });
	};

	const refreshSoon = () => {
		if (!panel) return;
		if (timer) clearTimeout(timer);
		timer = setTimeout(() => {
			timer = undefined;
			if (panel?.visible) void load(false);
			else stale = true;
		}, refreshDelayMs);
	};

	const show = async () => {
		if (panel) {
			panel.reveal();
			return;
		}
		panel = vscode.window.createWebviewPanel(viewType, vscode.l10n.t('Tickets Overview'), vscode.ViewColumn.Active, {
			enableScripts: true,
			localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist')],
		});
		panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'tickets-view.svg');
		panel.webview.onDidReceiveMessage((m: OverviewPageMessage) => {
			if (m.type === 'rendered') rendered.fire(m.products);
			else if (m.type === 'select') void select(m.selection);
		});
		panel.onDidChangeViewState(() => {
			if (panel?.visible && stale) void load(false);
		});
		panel.onDidDispose(() => {
			panel = undefined;
			data = undefined;
		});
		await load(true);
	};

	const select = async (selection: OverviewSelection) => {
		if (selection.kind === 'file') {
			await vscode.window.showTextDocument(vscode.Uri.parse(selection.uri), { preview: true });
			return;
		}
		const [title, tickets] = await selected(client, selection, data);
		await pickTicket(title, tickets);
	};

	context.subscriptions.push(
		rendered,
		vscode.commands.registerCommand('ticketCurator.showOverview', show),
		tree.onDidRefresh(refreshSoon),
		vscode.languages.onDidChangeDiagnostics(refreshSoon),
		{ dispose: () => panel?.dispose() },
	);
	return { onDidRender: rendered.event, panel: () => panel };
}

const fromSummary = (t: TicketSummary): PickedTicket => ({ uri: t.uri, line: t.titleRange.start.line, title: t.title, category: t.category });

/** Every ticket under a group of the Tickets tree, asked of the server level by level. */
async function ticketsUnder(client: LanguageClient, grouping: TicketTreeParams['grouping'], parent: string): Promise<TicketSummary[]> {
	const { nodes } = await client.sendRequest(TicketTreeRequest, { grouping, parent });
	const lists = await Promise.all(nodes.map((n) => (n.kind === 'ticket' ? [n.ticket] : ticketsUnder(client, grouping, n.id))));
	return lists.flat();
}

/** The pick's title and the tickets behind a selection. */
async function selected(client: LanguageClient, s: OverviewSelection, data: OverviewData | undefined): Promise<[string, PickedTicket[]]> {
	const none = vscode.l10n.t('(none)');
	switch (s.kind) {
		case 'product':
			return [s.product || none, (await ticketsUnder(client, 'category', treeGroupId('category', [s.product]))).map(fromSummary)];
		case 'category': {
			const keys = data?.categoryKeys[s.category] ?? ['', ''];
			return [s.category || none, (await ticketsUnder(client, 'category', treeGroupId('category', keys))).map(fromSummary)];
		}
		case 'rootCause': {
			const tickets = await ticketsUnder(client, 'rootCause', treeGroupId('rootCause', [s.rootCause]));
			return [
				[s.product, s.rootCause].map((x) => x || none).join(' × '),
				tickets.filter((t) => s.product === undefined || (t.product ?? '') === s.product).map(fromSummary),
			];
		}
		case 'rule':
			return [s.code, (data?.findingTickets[s.code] ?? []).map((t) => ({ uri: data?.files[t.file]?.uri ?? '', line: t.line, title: t.title }))];
		case 'tickets':
			return [vscode.l10n.t('Tickets'), [...s.tickets]];
		default:
			return ['', []];
	}
}

async function pickTicket(title: string, tickets: readonly PickedTicket[]): Promise<void> {
	const items = tickets.map((t) => ({
		label: t.title || vscode.l10n.t('(untitled ticket)'),
		description: t.category,
		detail: `${vscode.workspace.asRelativePath(vscode.Uri.parse(t.uri), false)}:${t.line + 1}`,
		ticket: t,
	}));
	const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('{0}: {1} ticket(s)', title, tickets.length), matchOnDetail: true });
	if (!picked) return;
	const at = new vscode.Position(picked.ticket.line, 0);
	const editor = await vscode.window.showTextDocument(vscode.Uri.parse(picked.ticket.uri), { selection: new vscode.Range(at, at), preview: true });
	editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
