/** The extension: starts the ticket language server and routes editor features to it. */
import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<{ client: LanguageClient }> {
	const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
	const serverOptions: ServerOptions = {
		run: { module: serverModule, transport: TransportKind.ipc },
		debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
	};
	const clientOptions: LanguageClientOptions = {
		documentSelector: [
			{ scheme: 'file', language: 'markdown' },
			{ scheme: 'file', language: 'plaintext' },
			{ scheme: 'untitled', language: 'markdown' },
		],
		synchronize: { configurationSection: 'ticketCurator' },
	};
	client = new LanguageClient('ticketCurator', 'Ticket Curator', serverOptions, clientOptions);
	await client.start();
	context.subscriptions.push(client);
	return { client };
}

export async function deactivate(): Promise<void> {
	await client?.stop();
}
