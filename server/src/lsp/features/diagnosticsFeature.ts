/**
 * Checks open ticket dumps (debounced, cancelled when stale, versioned) and pushes their diagnostics;
 * to a client that pulls them, hands them to `ctx.openReports` instead (features/pullDiagnosticsFeature.ts
 * answers its pulls), so that nothing is reported twice.
 */
import { capDiagnostics } from '../diagnosticsCap';
import { DiagnosticsScheduler, type ValidationSteps } from '../diagnosticsScheduler';
import type { ServerFeature } from '../serverContext';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { Steps } from '../../service/index';
import { skippedFileCodes } from '../../workspace/workspaceDiagnostics';
/** On a dump's first check, its own findings go out first when its duplicates take longer than this. */
const earlyAfterMs = 500;

export const diagnosticsFeature: ServerFeature = {
	register(ctx) {
		const { connection, documents, service } = ctx;
		/** Open dumps that have had diagnostics since they were opened. */
		const checked = new Set<string>();
		const scheduler = new DiagnosticsScheduler(
			{
				currentVersion: (uri) => documents.get(uri)?.version,
				validate: (uri) => {
					const doc = documents.get(uri);
					return doc ? withDuplicates(service.validateSteps(doc), () => ctx.duplicates.diagnosticsSteps(doc), !checked.has(uri)) : undefined;
				},
				publish: (uri, version, diagnostics) => {
					if (version === undefined) checked.delete(uri);
					else checked.add(uri);
					logSkipped(uri, diagnostics);
					const capped = [...capDiagnostics(diagnostics, ctx.settings().maxDiagnosticsPerFile)];
					if (ctx.pullsDiagnostics()) ctx.openReports.publish(uri, version, capped);
					else void connection.sendDiagnostics({ uri, version, diagnostics: capped });
				},
				failed: (uri) => ctx.openReports.failed(uri),
				log: ctx.log,
			},
			() => ctx.settings().debounceMs,
			ctx.slices,
			ctx.counters.diagnostics,
		);
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
			checked.delete(e.document.uri);
			ctx.duplicates.forget(e.document.uri);
		});
		// Another file gained or lost a copy of one of an open dump's tickets.
		ctx.duplicates.onDidChange((uris) => uris.forEach((uri) => documents.get(uri) && refresh(documents.get(uri)!, true)));
		ctx.onSettingsChanged(() => documents.all().forEach((doc) => refresh(doc, true)));
	},
};

/**
 * The file's own diagnostics, then its tickets' duplicates across the workspace (workspace/workspaceDuplicates.ts).
 * On a first check (`early`), the own findings are published on their own once the duplicates have
 * taken `earlyAfterMs`: a 20 MB dump shows its defects after about 3 s instead of 8 s. Later checks
 * never do, so an edit does not make the duplicate findings blink out and back.
 */
function* withDuplicates(steps: Steps<Diagnostic[]>, duplicates: () => Steps<Diagnostic[]>, early: boolean): ValidationSteps {
	const own = yield* steps;
	if (own.some((d) => skippedFileCodes.includes(d.code))) return own;
	const found = duplicates();
	const started = performance.now();
	let shown = !early;
	for (;;) {
		const step = found.next();
		if (step.done) return [...own, ...step.value];
		if (!shown && performance.now() - started > earlyAfterMs) {
			shown = true;
			yield own;
		} else yield;
	}
}
