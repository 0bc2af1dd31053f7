/**
 * `tickets/tree` (protocol.ts): the Tickets view a level at a time, with each node's errors and
 * warnings. Every indexed dump is checked in the background after it is indexed (its own findings
 * and its duplicates, as the editor would show them), one file per turn of the background queue, so
 * the tree counts problems of dumps that were never opened. Checked files are announced with
 * `tickets/didChange`, so the client asks again.
 */
import * as l10n from '@vscode/l10n';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { ServerContext, ServerFeature } from '../serverContext';
import { onCustomRequest } from '../checkedHandlers';
import { TicketTreeRequest, TicketsDidChangeNotification, type TicketSummary } from '../../../../common/protocol';
import type { Steps } from '../../service/index';
import { ProblemTable } from '../../workspace/problemTable';
import { treeLevel } from '../../workspace/ticketTreeLevels';
import { suspectGroups } from '../../workspace/labelReview';
import { WorkspaceNames } from '../workspaceNames';
import { workspaceLabelReview } from '../workspaceLabelReview';
import { workspaceText } from '../workspaceText';
import { checkGarbageWatch } from '../../host/collectGarbage';

/** Checked files are announced together at most this often. */
const announceMs = 500;

export const ticketTreeFeature: ServerFeature = {
	register(ctx) {
		new TreeKeeper(ctx);
	},
};

class TreeKeeper {
	private readonly problems = new ProblemTable();
	private readonly names = new WorkspaceNames();
	private readonly waiting = new Set<string>();
	private running = false;
	private readonly checked = new Set<string>();
	private announceTimer: NodeJS.Timeout | undefined;
	/** Checking every closed dump leaves garbage V8 would let pile up (host/collectGarbage.ts). */
	private readonly collectWhenGrown = checkGarbageWatch();

	constructor(private readonly ctx: ServerContext) {
		ctx.onInitialized((params) => this.names.setFolders(params));
		ctx.index.onFileIndexed((uri, text) => {
			if (text === undefined) {
				this.problems.delete(uri);
				this.waiting.delete(uri);
			} else this.check(uri);
		});
		// Files wait for the end of an indexing run: their duplicates need every file's prints, and
		// checking while the index is built would hold both runs' memory at once.
		ctx.index.onDidChange(() => {
			if (!ctx.index.indexing && this.waiting.size && !this.running) void this.drain();
		});
		ctx.workspaceDiagnostics.onChecked((uri, diagnostics) => {
			if (this.sharesChecks() && !ctx.documents.get(uri)) this.record(uri, diagnostics);
		});
		ctx.onSettingsChanged(() => {
			for (const uri of ctx.index.uris()) this.check(uri);
		});
		const reviews = workspaceLabelReview(ctx);
		onCustomRequest(ctx.connection, TicketTreeRequest, async (params, token) => {
			const review = params.grouping === 'labelSuspects' ? await reviews.review(token) : undefined;
			const level = treeLevel(this.tickets(), params, this.problems, {
				product: l10n.t('(no category)'),
				subcategory: l10n.t('(no subcategory)'),
				rootCause: l10n.t('(no root cause)'),
				file: (uri) => this.names.nameOf(uri),
				suspects: review && suspectGroups(review, l10n.t('(no suggestion)')),
			});
			const { errors, warnings, leaks } = this.problems.sum();
			return { ...level, totals: { errors, warnings, leaks }, indexing: ctx.index.indexing || this.waiting.size > 0 };
		});
	}

	/** Every indexed ticket, files by name, tickets in file order. */
	private tickets(): TicketSummary[] {
		const uris = this.ctx.index.uris().map((uri) => [this.names.nameOf(uri), uri] as const);
		uris.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
		return uris.flatMap(([, uri]) => this.ctx.index.tickets(uri));
	}

	private check(uri: string): void {
		this.waiting.add(uri);
		if (!this.running && !this.ctx.index.indexing) void this.drain();
	}

	private async drain(): Promise<void> {
		this.running = true;
		try {
			while (this.waiting.size && !this.ctx.index.indexing) {
				const uri: string = this.waiting.values().next().value!;
				this.waiting.delete(uri);
				try {
					await this.checkFile(uri);
				} catch (e) {
					this.ctx.log(`tree: checking ${uri} failed: ${e instanceof Error ? e.message : String(e)}`);
				}
			}
		} finally {
			this.running = false;
			this.announce();
		}
	}

	private async checkFile(uri: string): Promise<void> {
		const { ctx } = this;
		const text = await workspaceText(ctx.documents, uri);
		const tickets = ctx.index.tickets(uri);
		if (text === undefined || !tickets.length) {
			this.problems.delete(uri);
			return;
		}
		const open = ctx.documents.get(uri);
		// A client that pulls the workspace's diagnostics has every closed dump checked for them: one
		// check serves both, its findings counted as they come (constructor).
		if (!open && this.sharesChecks() && (await ctx.workspaceDiagnostics.ensureChecked(uri))) return;
		this.record(uri, await this.ownCheck(uri, text, open));
	}

	private sharesChecks(): boolean {
		return this.ctx.pullsDiagnostics() && this.ctx.settings().diagnosticsScope === 'workspace';
	}

	private record(uri: string, diagnostics: readonly Diagnostic[]): void {
		// The index may hold a newer text by now: its own check is queued and will replace this one.
		this.problems.set(uri, this.ctx.index.tickets(uri), diagnostics);
		this.checked.add(uri);
		this.announceSoon();
	}

	private async ownCheck(uri: string, text: string, open: TextDocument | undefined): Promise<readonly Diagnostic[]> {
		const { ctx } = this;
		try {
			return await ctx.slices.runInSlices(this.findings(open ?? TextDocument.create(uri, 'tickets', 0, text)));
		} finally {
			if (!open) {
				ctx.service.forget(uri);
				ctx.duplicates.forget(uri);
				ctx.counters.treeChecks++;
				this.collectWhenGrown();
			}
		}
	}

	private *findings(document: TextDocument): Steps<Diagnostic[]> {
		const own = yield* this.ctx.service.validateSteps(document);
		const copies = yield* this.ctx.duplicates.diagnosticsSteps(document);
		return [...own, ...copies];
	}

	private announceSoon(): void {
		this.announceTimer ??= setTimeout(() => this.announce(), announceMs);
	}

	private announce(): void {
		if (this.announceTimer) clearTimeout(this.announceTimer);
		this.announceTimer = undefined;
		if (!this.checked.size) return;
		const uris = [...this.checked];
		this.checked.clear();
		void this.ctx.connection.sendNotification(TicketsDidChangeNotification, { uris, indexing: this.ctx.index.indexing || this.waiting.size > 0 });
	}
}
