/**
 * The extension: a router. It creates the language client, lets each client feature register
 * (one line each), starts the server, and returns the API the e2e tests read.
 */
import type { ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerMaskAllLeaks } from './commands/maskAllLeaksCommand';
import { registerExportTrainingSet } from './commands/exportTrainingSetCommand';
import { createLanguageClient } from './languageClient';
import { registerNewTicketCommands } from './newTicket';
import { registerRecognition } from './recognition';
import { registerTicketTree, type TicketTreeApi } from './tree/ticketTree';
import { registerTicketSearch, type TicketSearchApi } from './search/searchCommands';
import { registerRestartNotice, type ServerRestartApi } from './serverRestart';
import { registerOverview, type OverviewApi } from './overview/overviewPanel';
import { registerLabelReview, type LabelReviewApi } from './labels/reviewLabels';

export interface TicketCuratorApi {
	readonly client: LanguageClient;
	readonly tickets: TicketTreeApi;
	readonly search: TicketSearchApi;
	readonly restarts: ServerRestartApi;
	readonly overview: OverviewApi;
	readonly labels: LabelReviewApi;
}

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<TicketCuratorApi> {
	client = createLanguageClient(context);
	registerRecognition(context, client);
	registerMaskAllLeaks(context, client);
	registerExportTrainingSet(context, client);
	const tickets = registerTicketTree(context, client);
	registerNewTicketCommands(context, client, tickets.provider);
	const search = registerTicketSearch(context, client);
	const restarts = registerRestartNotice(client);
	const overview = registerOverview(context, client, tickets.provider);
	const labels = registerLabelReview(context, client);
	await client.start();
	context.subscriptions.push(client);
	return { client, tickets, search, restarts, overview, labels };
}

export async function deactivate(): Promise<void> {
	await client?.stop();
}
