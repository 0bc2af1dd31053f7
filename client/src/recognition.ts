/**
 * Recognised ticket dumps get the `tickets` language. VS Code's Markdown extension gives every
 * `markdown` document an Outline of its headings; a dump left as Markdown would show that list and
 * ours side by side. As `tickets` (whose grammar includes Markdown's), a dump shows only our
 * tickets-and-sections symbols, and a `.txt` dump gets highlighting too. The server says which
 * documents are dumps (`tickets/dumpRecognized`); plain Markdown files are never touched.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DumpRecognizedNotification } from '../../common/protocol';

export const ticketsLanguageId = 'tickets';

/** Only documents in the languages the server is given are switched. */
const switchable = new Set(['markdown', 'plaintext']);

export function registerRecognition(context: vscode.ExtensionContext, client: LanguageClient): void {
	/** Documents whose user chose another language after we switched them: left alone from then on. */
	const userChosen = new Set<string>();
	let justClosedDump: string | undefined;

	context.subscriptions.push(
		client.onNotification(DumpRecognizedNotification, async ({ uri }) => {
			const key = client.protocol2CodeConverter.asUri(uri).toString();
			const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
			if (!document || userChosen.has(key) || !switchable.has(document.languageId)) return;
			await vscode.languages.setTextDocumentLanguage(document, ticketsLanguageId);
		}),
		// A language change reaches extensions as a close and an open of the same document in one go:
		// a `tickets` document closing and reopening at once in another language is the user's choice.
		vscode.workspace.onDidCloseTextDocument((document) => {
			if (document.languageId !== ticketsLanguageId) return;
			justClosedDump = document.uri.toString();
			queueMicrotask(() => (justClosedDump = undefined));
		}),
		vscode.workspace.onDidOpenTextDocument((document) => {
			const key = document.uri.toString();
			if (key === justClosedDump && document.languageId !== ticketsLanguageId) userChosen.add(key);
			justClosedDump = undefined;
		}),
	);
}
