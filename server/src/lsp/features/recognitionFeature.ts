/**
 * Tells the client which open documents are ticket dumps (`tickets/dumpRecognized`), once per
 * opening: when a document opens as a dump or an edit makes it one.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerFeature } from '../serverContext';
import { DumpRecognizedNotification } from '../../../../common/protocol';

export const recognitionFeature: ServerFeature = {
	register({ connection, documents, isDump, onSettingsChanged }) {
		const announced = new Set<string>();
		const check = (doc: TextDocument) => {
			if (announced.has(doc.uri) || !isDump(doc)) return;
			announced.add(doc.uri);
			void connection.sendNotification(DumpRecognizedNotification, { uri: doc.uri });
		};
		documents.onDidOpen((e) => check(e.document));
		documents.onDidChangeContent((e) => check(e.document));
		documents.onDidClose((e) => announced.delete(e.document.uri));
		onSettingsChanged(() => documents.all().forEach(check));
	},
};
