/** The Outline and folding of ticket dumps; other files get nothing, so their own providers stand. */
import type { ServerFeature } from '../serverContext';

export const outlineFeature: ServerFeature = {
	capabilities: { documentSymbolProvider: { label: 'Tickets' }, foldingRangeProvider: true },
	register({ connection, documents, service, isDump }) {
		connection.onDocumentSymbol((params, token) => {
			const doc = documents.get(params.textDocument.uri);
			return doc && isDump(doc) ? service.documentSymbols(doc, token) : null;
		});
		connection.onFoldingRanges((params) => {
			const doc = documents.get(params.textDocument.uri);
			return doc && isDump(doc) ? service.foldingRanges(doc) : null;
		});
	},
};
