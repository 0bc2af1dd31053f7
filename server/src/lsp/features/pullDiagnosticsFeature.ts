/**
 * Pull diagnostics, for a client that announces `textDocument.diagnostic`: `textDocument/diagnostic`
 * answers an open dump from its own check (features/diagnosticsFeature.ts, which then pushes nothing)
 * and a closed one from the workspace's; `workspace/diagnostic` reports every dump that is not open
 * (server/src/workspace/workspaceDiagnostics.ts), in partial results, with result ids so that files
 * that did not change are reported `unchanged`. `ticketCurator.diagnostics.scope` `openFiles` leaves
 * the workspace's out. A client that does not pull gets pushed diagnostics as ever.
 */
import * as l10n from '@vscode/l10n';
import {
	DocumentDiagnosticReportKind,
	DocumentDiagnosticRequest,
	LSPErrorCodes,
	ResponseError,
	WorkspaceDiagnosticRequest,
	type CancellationToken,
	type Diagnostic,
	type DocumentDiagnosticReport,
	type ProgressToken,
	type WorkDoneProgressReporter,
	type WorkspaceDiagnosticReport,
	type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import { capDiagnostics } from '../diagnosticsCap';
import { onChecked, standardParams } from '../checkedHandlers';
import type { ServerContext, ServerFeature } from '../serverContext';
import type { FileReport, PassProgress } from '../../workspace/workspaceDiagnostics';

/** The result id of a closed file while the scope is `openFiles`: reported empty once, then unchanged. */
const outOfScopeResultId = 'openFiles';

interface DocumentParams {
	readonly textDocument: { readonly uri: string };
	readonly previousResultId?: string;
}

interface WorkspaceParams {
	readonly previousResultIds: readonly { readonly uri: string; readonly value: string }[];
	readonly partialResultToken?: ProgressToken;
	readonly workDoneToken?: ProgressToken;
}

export const pullDiagnosticsFeature: ServerFeature = {
	capabilitiesFor(params) {
		if (!params.capabilities?.textDocument?.diagnostic) return undefined;
		// Findings depend on other files (duplicates, the workspace's categories): clients check open documents again when another changes.
		return { diagnosticProvider: { identifier: 'tickets', interFileDependencies: true, workspaceDiagnostics: true } };
	},
	register(ctx) {
		onChecked(ctx.connection, DocumentDiagnosticRequest.type, standardParams.documentDiagnostic, (params, token) =>
			documentReport(ctx, params as DocumentParams, token),
		);
		onChecked(ctx.connection, WorkspaceDiagnosticRequest.type, standardParams.workspaceDiagnostic, (params, token) =>
			workspaceReport(ctx, params as WorkspaceParams, token),
		);
	},
};

async function documentReport(ctx: ServerContext, params: DocumentParams, token: CancellationToken): Promise<DocumentDiagnosticReport> {
	const uri = params.textDocument.uri;
	const doc = ctx.documents.get(uri);
	const report = (resultId: string | undefined, diagnostics: readonly Diagnostic[]): DocumentDiagnosticReport =>
		resultId !== undefined && resultId === params.previousResultId
			? { kind: DocumentDiagnosticReportKind.Unchanged, resultId }
			: { kind: DocumentDiagnosticReportKind.Full, resultId, items: [...diagnostics] };
	if (doc) {
		if (!ctx.isDump(doc) && !ctx.isUnreadable(doc)) return report(undefined, []);
		const open = await ctx.openReports.wait(uri, doc.version, token);
		if (token.isCancellationRequested) throw cancelled();
		return open ? report(open.resultId, open.diagnostics) : report(undefined, []);
	}
	await ctx.workspaceDiagnostics.indexed(token);
	if (token.isCancellationRequested) throw cancelled();
	if (ctx.settings().diagnosticsScope === 'openFiles') return report(outOfScopeResultId, []);
	const file = await ctx.workspaceDiagnostics.fileReport(uri, params.previousResultId, token);
	if (token.isCancellationRequested) throw cancelled();
	if (!file) return report(undefined, []);
	return file.kind === 'unchanged' ? report(file.resultId, []) : report(file.resultId, capped(ctx, file.diagnostics));
}

async function workspaceReport(ctx: ServerContext, params: WorkspaceParams, token: CancellationToken): Promise<WorkspaceDiagnosticReport> {
	const previous = new Map(params.previousResultIds.map((p) => [p.uri, p.value]));
	const items: WorkspaceDocumentDiagnosticReport[] = [];
	const emit = (reports: readonly WorkspaceDocumentDiagnosticReport[]) => {
		// Partial results carry everything, the answer nothing (LSP's rule for partial results).
		if (params.partialResultToken !== undefined)
			void ctx.connection.sendProgress(WorkspaceDiagnosticRequest.partialResult, params.partialResultToken, { items: [...reports] });
		else items.push(...reports);
	};
	// The settings are in force once the index has started (it waits for them), and done once it has read the workspace.
	await ctx.workspaceDiagnostics.indexed(token);
	if (token.isCancellationRequested) throw cancelled();
	// Open dumps as their last check found them, with their version: VS Code takes a document's own pull over these, and
	// pulls a document only while a tab shows it; an open document without one (opened by an extension) is kept current here.
	const open = openItems(ctx, previous);
	if (open.length) emit(open);
	if (ctx.settings().diagnosticsScope === 'openFiles') {
		// Closed files reported before get an empty report once.
		const out = [...previous].filter(([uri]) => !ctx.documents.get(uri));
		emit(
			out.map(([uri, resultId]) =>
				toWire(
					ctx,
					resultId === outOfScopeResultId ? { kind: 'unchanged', uri, resultId } : { kind: 'full', uri, resultId: outOfScopeResultId, diagnostics: [] },
				),
			),
		);
		return { items };
	}
	await ctx.workspaceDiagnostics.report(
		previous,
		(reports) => emit(reports.map((r) => toWire(ctx, r))),
		token,
		() => passProgress(ctx, params.workDoneToken),
	);
	if (token.isCancellationRequested) throw cancelled();
	return { items };
}

function openItems(ctx: ServerContext, previous: ReadonlyMap<string, string>): WorkspaceDocumentDiagnosticReport[] {
	return ctx.documents.all().flatMap((doc): WorkspaceDocumentDiagnosticReport[] => {
		const report = ctx.openReports.latest(doc.uri);
		if (!report) return [];
		const { version, resultId } = report;
		return previous.get(doc.uri) === resultId
			? [{ kind: DocumentDiagnosticReportKind.Unchanged, uri: doc.uri, version, resultId }]
			: [{ kind: DocumentDiagnosticReportKind.Full, uri: doc.uri, version, resultId, items: [...report.diagnostics] }];
	});
}

function toWire(ctx: ServerContext, report: FileReport): WorkspaceDocumentDiagnosticReport {
	// A closed file has no version (LSP: null).
	return report.kind === 'unchanged'
		? { kind: DocumentDiagnosticReportKind.Unchanged, uri: report.uri, version: null, resultId: report.resultId }
		: { kind: DocumentDiagnosticReportKind.Full, uri: report.uri, version: null, resultId: report.resultId, items: capped(ctx, report.diagnostics) };
}

function capped(ctx: ServerContext, diagnostics: readonly Diagnostic[]): Diagnostic[] {
	return [...capDiagnostics(diagnostics, ctx.settings().maxDiagnosticsPerFile)];
}

/** Cancelled by the client: it asks again when it wants to (vscode-languageclient does, two seconds later). */
function cancelled(): ResponseError<{ retriggerRequest: boolean }> {
	return new ResponseError(LSPErrorCodes.RequestCancelled, l10n.t('The request was cancelled.'), { retriggerRequest: true });
}

/** The pass's progress: on the client's token when it gave one, else one the server creates ("Checking dumps 12/1000"). */
function passProgress(ctx: ServerContext, workDoneToken: ProgressToken | undefined): PassProgress {
	const reporter: Promise<WorkDoneProgressReporter> =
		workDoneToken !== undefined ? Promise.resolve(ctx.connection.window.attachWorkDoneProgress(workDoneToken)) : ctx.connection.window.createWorkDoneProgress();
	const title = l10n.t('Checking dumps');
	let begun = false;
	let reported = 0;
	void reporter.then((p) => {
		if (!begun) p.begin(title, 0, undefined);
		begun = true;
	});
	return {
		report(done, total) {
			const now = Date.now();
			if (now - reported < 250 && done < total) return;
			reported = now;
			void reporter.then((p) => p.report(Math.floor((done * 100) / Math.max(1, total)), l10n.t('{0}/{1} files', done, total)));
		},
		end() {
			void reporter.then((p) => p.done());
		},
	};
}
