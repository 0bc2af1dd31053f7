/**
 * `tickets/overview` (protocol.ts): the overview's figures over every indexed dump, open ones from
 * the editor's text, others from disk. Each file's records and own findings are kept by the hash of
 * its text, so asking again after an edit re-reads only the edited file; duplicates are asked of the
 * workspace's prints each time (another file's change can make them). One file per turn: other
 * requests are answered in between.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { ServerContext, ServerFeature } from '../serverContext';
import { OverviewRequest, type OverviewResult } from '../../../../common/protocol';
import { hash53, runSteps, ticketRecords, type TicketRecord } from '../../service/index';
import { OverviewBuilder } from '../../workspace/overviewBuilder';
import { overviewStrings } from '../../workspace/overviewStrings';
import { workspaceText } from '../workspaceText';
import { WorkspaceNames } from '../workspaceNames';
import { workspaceLabelReview } from '../workspaceLabelReview';
import type { LabelReview } from '../../workspace/labelReview';
import type { GivenBySuggested } from '../../../../common/overview';
import * as l10n from '@vscode/l10n';

interface FileFigures {
	readonly textHash: number;
	/** Records without their texts: the figures need the fields, the dialog's length and speakers. */
	readonly records: readonly TicketRecord[];
	/** Its own findings without their messages (duplicates are asked for each time). */
	readonly findings: readonly Diagnostic[];
}

function lean(r: TicketRecord): TicketRecord {
	return {
		...r,
		description: '',
		answers: r.answers.map(() => ''),
		dialog: r.dialog.map((t) => ({ speaker: t.speaker, text: '' })),
	};
}

export const overviewFeature: ServerFeature = {
	register(ctx) {
		const cache = new Map<string, FileFigures>();
		const reviews = workspaceLabelReview(ctx);
		const names = new WorkspaceNames();
		ctx.onInitialized((params) => names.setFolders(params));
		ctx.onSettingsChanged(() => cache.clear());
		ctx.index.onFileIndexed((uri, text) => {
			if (text === undefined) cache.delete(uri);
		});
		ctx.connection.onRequest(OverviewRequest, async (token): Promise<OverviewResult> => {
			const builder = new OverviewBuilder(ctx.settings().config.labels.categorySeparator);
			const uris = [
				...new Set([
					...ctx.index.uris(),
					...ctx.documents
						.all()
						.filter((d) => ctx.isDump(d))
						.map((d) => d.uri),
				]),
			];
			const later: [{ name: string; uri: string }, Diagnostic[]][] = [];
			for (const uri of uris) {
				if (token.isCancellationRequested) break;
				const open = ctx.documents.get(uri);
				const text = await workspaceText(ctx.documents, uri);
				if (text === undefined || !ctx.service.isTicketDump(text)) continue;
				const file = { name: names.nameOf(uri), uri };
				const figures = fileFigures(ctx, cache, uri, text, open?.version);
				builder.addTickets(file, figures.records);
				const doc = open ?? TextDocument.create(uri, 'tickets', 0, text);
				const copies = runSteps(ctx.duplicates.diagnosticsSteps(doc));
				if (!open) ctx.duplicates.forget(uri);
				// Findings after every file's tickets: a duplicate finding names tickets of files read later.
				later.push([file, [...figures.findings, ...copies]]);
				await new Promise((resolve) => setImmediate(resolve));
			}
			for (const [file, findings] of later) builder.addFindings(file, findings);
			const review = token.isCancellationRequested ? undefined : await reviews.review(token);
			const givenBySuggested = review && givenBySuggestedOf(review, l10n.t('(no suggestion)'));
			return { data: { ...builder.result(), givenBySuggested }, strings: overviewStrings(), indexing: ctx.index.indexing };
		});
	},
};

function fileFigures(ctx: ServerContext, cache: Map<string, FileFigures>, uri: string, text: string, openVersion: number | undefined): FileFigures {
	const textHash = hash53(text, 0);
	const known = cache.get(uri);
	if (known?.textHash === textHash) return known;
	const document = { uri, version: openVersion ?? 0, getText: () => text };
	const records = ticketRecords(ctx.service.parse(document)).map(lean);
	const findings = (ctx.service.validate(document) ?? []).map((d) => ({ range: d.range, severity: d.severity, code: d.code, message: '' }));
	if (openVersion === undefined) ctx.service.forget(uri);
	const figures = { textHash, records, findings };
	cache.set(uri, figures);
	return figures;
}

/** The root-cause suspects by given and first suggested label, most tickets first. */
function givenBySuggestedOf(review: LabelReview, noSuggestion: string): GivenBySuggested[] {
	const cells = new Map<string, GivenBySuggested & { tickets: { uri: string; line: number; title: string }[] }>();
	for (const row of review.rows) {
		if (row.kind !== 'rootCause') continue;
		const suggested = row.suggestions[0]?.label ?? noSuggestion;
		const key = `${row.label}\n${suggested}`;
		let cell = cells.get(key);
		if (!cell) cells.set(key, (cell = { given: row.label, suggested, tickets: [] }));
		cell.tickets.push({ uri: row.uri, line: row.line, title: row.title });
	}
	return [...cells.values()].sort((a, b) => b.tickets.length - a.tickets.length);
}
