/**
 * `tickets/labelReview` (protocol.ts): the label suspects of every dump the workspace index holds,
 * in review order (workspace/labelReview.ts). An open dump is read as edited, the others from disk;
 * the parses of closed dumps are dropped again after the answer.
 */
import type { ServerFeature } from '../serverContext';
import { onCustomRequest } from '../checkedHandlers';
import { LabelReviewRequest, type LabelReviewResult } from '../../../../common/protocol';
import { readUriText } from '../../host/workspaceFiles';
import { labelReview, type ReviewDump } from '../../workspace/labelReview';

export const labelReviewFeature: ServerFeature = {
	register(ctx) {
		onCustomRequest(ctx.connection, LabelReviewRequest, async (params, token): Promise<LabelReviewResult> => {
			const dumps: ReviewDump[] = [];
			const closed: string[] = [];
			for (const uri of ctx.index.uris()) {
				if (token.isCancellationRequested) return { rows: [], learning: [] };
				const open = ctx.documents.get(uri);
				const text = open ? (ctx.isDump(open) ? open.getText() : undefined) : await readUriText(uri);
				if (text === undefined) continue;
				const document = { uri, version: open?.version ?? 0, getText: () => text };
				dumps.push({ uri, tickets: ctx.service.parse(document).tickets() });
				if (!open) closed.push(uri);
			}
			for (const uri of closed) ctx.service.forget(uri);
			const review = labelReview(dumps, ctx.service.config);
			return { rows: params?.uri ? review.rows.filter((r) => r.uri === params.uri) : review.rows, learning: review.learning };
		});
	},
};
