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
		// The server offers pull diagnostics (server/src/lsp/features/pullDiagnosticsFeature.ts) and then pushes none: open
		// documents are pulled as they change (a Markdown file that is no dump only when it opens: the server answers it empty,
		// and it is reopened as `tickets` once recognised), every other dump of the workspace by the workspace pull.
		diagnosticPullOptions: {
			onChange: true,
			onSave: false,
			filter: (document) => document.languageId !== ticketsLanguageId,
		},
	};
	return new LanguageClient('ticketCurator', 'Ticket Curator', serverOptions, clientOptions);
}
