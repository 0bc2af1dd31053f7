/** Pushes diagnostics for open ticket dumps (debounced, cancelled when stale, versioned). */
import { DiagnosticsScheduler } from '../diagnosticsScheduler';
import type { ServerFeature } from '../context';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { DiagnosticsRunStats } from '../protocol';

/** The codes of the one diagnostic a file that is not checked gets (service/readability.ts). */
const skippedFileCodes: readonly unknown[] = ['file-too-large', 'file-encoding'];
let runStats: DiagnosticsRunStats = { scheduled: 0, superseded: 0, cancelled: 0, published: 0, failed: 0 };

/** What the scheduler did since the server started (`tickets/serverStats`). */
export function diagnosticsRunStats(): DiagnosticsRunStats {
	return { ...runStats };
}

export const diagnosticsFeature: ServerFeature = {
	register(ctx) {
		const { connection, documents, service } = ctx;
		const scheduler = new DiagnosticsScheduler(
			{
				currentVersion: (uri) => documents.get(uri)?.version,
				validate: (uri) => {
					const doc = documents.get(uri);
					return doc ? withDuplicates(service.validateSteps(doc), () => ctx.duplicates.diagnosticsSteps(doc)) : undefined;
				},
				publish: (uri, version, diagnostics) => {
					logSkipped(uri, diagnostics);
					void connection.sendDiagnostics({ uri, version, diagnostics });
				},
				log: ctx.log,
			},
			() => ctx.settings().debounceMs,
		);
		runStats = scheduler.stats;
		// A file that is not checked is said once in the log too, with the diagnostic's reason.
		const loggedSkips = new Set<string>();
		const logSkipped = (uri: string, diagnostics: readonly Diagnostic[]) => {
			const skipped = diagnostics.find((d) => skippedFileCodes.includes(d.code));
			if (!skipped) loggedSkips.delete(uri);
			else if (!loggedSkips.has(uri)) {
				loggedSkips.add(uri);
				connection.console.info(`Not checking ${uri}: ${skipped.message}`);
			}
		};
		const refresh = (doc: TextDocument, immediately = false) => {
			if (ctx.isDump(doc) || ctx.isUnreadable(doc)) scheduler.schedule(doc, immediately);
			else scheduler.clear(doc.uri);
		};
		documents.onDidOpen((e) => refresh(e.document, true));
		documents.onDidChangeContent((e) => refresh(e.document));
		documents.onDidClose((e) => {
			scheduler.clear(e.document.uri);
			ctx.duplicates.forget(e.document.uri);
		});
		// Another file gained or lost a copy of one of an open dump's tickets.
		ctx.duplicates.onDidChange((uris) => uris.forEach((uri) => documents.get(uri) && refresh(documents.get(uri)!, true)));
		ctx.onSettingsChanged(() => documents.all().forEach((doc) => refresh(doc, true)));
	},
};

/** The file's own diagnostics, then its tickets' duplicates across the workspace (server/src/duplicates.ts). */
function* withDuplicates(steps: Generator<void, Diagnostic[]>, duplicates: () => Generator<void, Diagnostic[]>): Generator<void, Diagnostic[]> {
	const own = yield* steps;
	if (own.some((d) => skippedFileCodes.includes(d.code))) return own;
	return [...own, ...(yield* duplicates())];
}
