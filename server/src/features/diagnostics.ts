/** Pushes diagnostics for open ticket dumps (debounced, cancelled when stale, versioned). */
import { DiagnosticsScheduler } from '../diagnosticsScheduler';
import type { ServerFeature } from '../context';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export const diagnosticsFeature: ServerFeature = {
	register(ctx) {
		const { connection, documents, service } = ctx;
		const scheduler = new DiagnosticsScheduler(
			{
				currentVersion: (uri) => documents.get(uri)?.version,
				validate: (uri) => {
					const doc = documents.get(uri);
					return doc ? service.validateSteps(doc) : undefined;
				},
				publish: (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, version, diagnostics }),
			},
			() => ctx.settings().debounceMs,
		);
		const refresh = (doc: TextDocument, immediately = false) => {
			if (ctx.isDump(doc)) scheduler.schedule(doc, immediately);
			else scheduler.clear(doc.uri);
		};
		documents.onDidOpen((e) => refresh(e.document, true));
		documents.onDidChangeContent((e) => refresh(e.document));
		documents.onDidClose((e) => scheduler.clear(e.document.uri));
		ctx.onSettingsChanged(() => documents.all().forEach((doc) => refresh(doc, true)));
	},
};
