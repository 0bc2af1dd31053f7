/** The Outline and folding of ticket dumps; other files get nothing, so their own providers stand. */
import { DocumentSymbolRequest, FoldingRangeRequest } from 'vscode-languageserver/node';
import type { ServerFeature } from '../serverContext';
import { onChecked, standardParams } from '../checkedHandlers';

export const outlineFeature: ServerFeature = {
	capabilities: { documentSymbolProvider: { label: 'Tickets' }, foldingRangeProvider: true },
	register({ connection, documents, service, isDump }) {
		onChecked(connection, DocumentSymbolRequest.type, standardParams.textDocument, (params, token) => {
			const doc = documents.get(params.textDocument.uri);
			return doc && isDump(doc) ? service.documentSymbols(doc, token) : null;
		});
		onChecked(connection, FoldingRangeRequest.type, standardParams.textDocument, (params) => {
			const doc = documents.get(params.textDocument.uri);
			return doc && isDump(doc) ? service.foldingRanges(doc) : null;
		});
	},
};
