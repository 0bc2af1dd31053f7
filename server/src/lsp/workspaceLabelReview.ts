/**
 * The label review of every dump the workspace index holds (workspace/labelReview.ts), for
 * `tickets/labelReview` and the Tickets view's `labelSuspects` grouping. An open dump is read as
 * edited, the others from disk; the parses of closed dumps are dropped again after. Kept until the
 * index, an open document or the settings change: confident learning reads every ticket of the workspace.
 */
import type { CancellationToken } from 'vscode-languageserver/node';
import { readUriText } from '../host/workspaceFiles';
import { labelReview, type LabelReview, type ReviewDump } from '../workspace/labelReview';
import type { ServerContext } from './serverContext';

export class WorkspaceLabelReview {
	private kept: Promise<LabelReview | undefined> | undefined;
	/** The open documents and versions the kept review read. */
	private keptFor = '';

	constructor(private readonly ctx: ServerContext) {
		ctx.index.onDidChange(() => (this.kept = undefined));
		ctx.onSettingsChanged(() => (this.kept = undefined));
	}

	/** The review, or undefined when the request was cancelled before it was made. */
	review(token: CancellationToken): Promise<LabelReview | undefined> {
		const opened = this.ctx.documents
			.all()
			.map((d) => `${d.uri}@${d.version}`)
			.join('\n');
		if (opened !== this.keptFor) this.kept = undefined;
		this.keptFor = opened;
		const running = (this.kept ??= this.make(token));
		// A cancelled run is not kept: the next caller starts over.
		void running.then((review) => review === undefined && this.kept === running && (this.kept = undefined));
		return running;
	}

	private async make(token: CancellationToken): Promise<LabelReview | undefined> {
		const { ctx } = this;
		const dumps: ReviewDump[] = [];
		const closed: string[] = [];
		try {
			for (const uri of ctx.index.uris()) {
				if (token.isCancellationRequested) return undefined;
				const open = ctx.documents.get(uri);
				const text = open ? (ctx.isDump(open) ? open.getText() : undefined) : await readUriText(uri);
				if (text === undefined) continue;
				const document = { uri, version: open?.version ?? 0, getText: () => text };
				dumps.push({ uri, tickets: ctx.service.parse(document).tickets() });
				if (!open) closed.push(uri);
			}
		} finally {
			for (const uri of closed) ctx.service.forget(uri);
		}
		return labelReview(dumps, ctx.service.config);
	}
}

const reviews = new WeakMap<ServerContext, WorkspaceLabelReview>();

/** The server's one review (the features that use it share its cache). */
export function workspaceLabelReview(ctx: ServerContext): WorkspaceLabelReview {
	let review = reviews.get(ctx);
	if (!review) reviews.set(ctx, (review = new WorkspaceLabelReview(ctx)));
	return review;
}
