/** The ticket language server's client: which documents it is given and how the server is started. */
import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { ticketsLanguageId } from './recognition';

/** Created, not started: features register their handlers first so no notification is missed. */
export function createLanguageClient(context: ExtensionContext): LanguageClient {
	const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
	const serverOptions: ServerOptions = {
		run: { module: serverModule, transport: TransportKind.ipc },
		debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
	};
	const clientOptions: LanguageClientOptions = {
		documentSelector: [
			{ scheme: 'file', language: ticketsLanguageId },
			{ scheme: 'untitled', language: ticketsLanguageId },
			{ scheme: 'file', language: 'markdown' },
			{ scheme: 'file', language: 'plaintext' },
			{ scheme: 'untitled', language: 'markdown' },
		],
		synchronize: { configurationSection: 'ticketCurator' },
	};
	return new LanguageClient('ticketCurator', 'Ticket Curator', serverOptions, clientOptions);
}
