/**
 * Similar-ticket search in the editor: "Find Similar Tickets" (the ticket under the cursor as the
 * query) and "Search Tickets" (results as you type, each keystroke one request, stale ones
 * cancelled). Both ask the server (`tickets/similar`) and show its ranking in a TicketPick.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SimilarTicketsRequest, type SimilarTicket, type SimilarTicketsParams } from '../../../common/protocol';
import { TicketPick, type TicketPickItem } from './ticketPick';

const findSimilarCommand = 'ticketCurator.findSimilar';
const searchTicketsCommand = 'ticketCurator.searchTickets';

const similarLimit = 30;
const searchLimit = 50;

/** What the extension's API exposes of the search (the e2e tests read the rows offered). */
export interface TicketSearchApi {
	/** The pick on screen, if any. */
	current(): TicketPick | undefined;
}

export function registerTicketSearch(context: vscode.ExtensionContext, client: LanguageClient): TicketSearchApi {
	let current: TicketPick | undefined;
	const open = (pick: TicketPick) => {
		current?.quickPick.hide();
		current = pick;
		pick.quickPick.onDidHide(() => {
			if (current === pick) current = undefined;
		});
		pick.show();
		return pick;
	};

	/** Returns the rows offered (for tests and keybindings that chain); the pick stays open. */
	const findSimilar = async (): Promise<readonly TicketPickItem[]> => {
		const editor = vscode.window.activeTextEditor;
		if (!editor) {
			void vscode.window.showInformationMessage(vscode.l10n.t('Open a ticket dump and put the cursor in a ticket to find similar tickets.'));
			return [];
		}
		const pick = open(
			new TicketPick(client, {
				title: vscode.l10n.t('Similar Tickets'),
				placeholder: vscode.l10n.t('Tickets like the one under the cursor, most similar first'),
			}),
		);
		pick.quickPick.busy = true;
		const tickets = await request(client, {
			uri: client.code2ProtocolConverter.asUri(editor.document.uri),
			position: client.code2ProtocolConverter.asPosition(editor.selection.active),
			limit: similarLimit,
		});
		pick.quickPick.busy = false;
		if (!tickets) return [];
		if (!tickets.length) pick.quickPick.placeholder = vscode.l10n.t('No similar ticket: the cursor is in no ticket, or the workspace has no other dump.');
		return pick.setTickets(tickets);
	};

	const searchTickets = (initial?: string): TicketPick => {
		const pick = open(
			new TicketPick(client, {
				title: vscode.l10n.t('Search Tickets'),
				placeholder: vscode.l10n.t('Words or a description of the problem (Chinese or English)'),
			}),
		);
		let pending: vscode.CancellationTokenSource | undefined;
		let asked: string | undefined;
		const run = async (text: string) => {
			// Setting the value programmatically echoes a change event: the same text is not asked twice.
			if (text === asked) return;
			asked = text;
			pending?.cancel();
			const source = (pending = new vscode.CancellationTokenSource());
			if (!text.trim()) {
				pick.setTickets([]);
				pick.quickPick.busy = false;
				return;
			}
			pick.quickPick.busy = true;
			const tickets = await request(client, { text, limit: searchLimit }, source.token);
			if (source.token.isCancellationRequested) return;
			pick.quickPick.busy = false;
			pick.setTickets(tickets ?? []);
		};
		pick.quickPick.onDidChangeValue((text) => void run(text));
		pick.quickPick.onDidHide(() => pending?.cancel());
		if (initial) {
			pick.quickPick.value = initial;
			void run(initial);
		}
		return pick;
	};

	context.subscriptions.push(
		vscode.commands.registerCommand(findSimilarCommand, findSimilar),
		// Returns the pick (its rows come as the server answers: TicketPick.onDidSetItems).
		vscode.commands.registerCommand(searchTicketsCommand, (text?: string) => {
			const selected = vscode.window.activeTextEditor?.selection;
			const fromSelection = selected && !selected.isEmpty && selected.isSingleLine ? vscode.window.activeTextEditor!.document.getText(selected) : undefined;
			return searchTickets(typeof text === 'string' ? text : fromSelection);
		}),
	);
	return { current: () => current };
}

/** Undefined when cancelled or failed (the failure is shown once). */
async function request(client: LanguageClient, params: SimilarTicketsParams, token?: vscode.CancellationToken): Promise<SimilarTicket[] | undefined> {
	try {
		return await client.sendRequest(SimilarTicketsRequest, params, token);
	} catch (error) {
		if (token?.isCancellationRequested) return undefined;
		void vscode.window.showErrorMessage(vscode.l10n.t('Ticket search failed: {0}', error instanceof Error ? error.message : String(error)));
		return undefined;
	}
}
