/**
 * Completions: in ticket dumps, categories, root causes, sections, speaker labels and the ticket and
 * turn snippets; in an empty file, the dump and ticket snippets; other files get none. Also the
 * snippets by name for the New Ticket commands (`tickets/snippet`).
 */
import { CompletionRequest } from 'vscode-languageserver/node';
import type { ServerContext, ServerFeature } from '../serverContext';
import { onChecked, onCustomRequest, standardParams } from '../checkedHandlers';
import { SnippetRequest } from '../../../../common/protocol';
import { completionTriggerCharacters } from '../../service/index';

export const completionFeature: ServerFeature = {
	capabilities: { completionProvider: { triggerCharacters: completionTriggerCharacters } },
	register(context: ServerContext) {
		const { connection, documents, service, isDump } = context;
		let snippetSupport = false;
		context.onInitialized((params) => (snippetSupport = params.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true));
		onChecked(connection, CompletionRequest.type, standardParams.textDocumentPosition, (params) => {
			const doc = documents.get(params.textDocument.uri);
			if (!doc) return null;
			return isDump(doc) ? service.complete(doc, params.position, { snippetSupport }) : service.completeNewDump(doc, params.position, { snippetSupport });
		});
		onCustomRequest(connection, SnippetRequest, ({ name }) => {
			const snippet = service.snippet(name);
			return { body: snippet.body, description: snippet.description };
		});
	},
};
