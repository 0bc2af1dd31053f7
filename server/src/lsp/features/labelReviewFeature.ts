/**
 * `tickets/labelReview` (protocol.ts): the label suspects of every dump the workspace index holds,
 * in review order (workspace/labelReview.ts, through lsp/workspaceLabelReview.ts).
 */
import type { ServerFeature } from '../serverContext';
import { onCustomRequest } from '../checkedHandlers';
import { LabelReviewRequest, type LabelReviewResult } from '../../../../common/protocol';
import { workspaceLabelReview } from '../workspaceLabelReview';

export const labelReviewFeature: ServerFeature = {
	register(ctx) {
		const reviews = workspaceLabelReview(ctx);
		onCustomRequest(ctx.connection, LabelReviewRequest, async (params, token): Promise<LabelReviewResult> => {
			const review = await reviews.review(token);
			if (!review) return { rows: [], learning: [] };
			return { rows: params?.uri ? review.rows.filter((r) => r.uri === params.uri) : review.rows, learning: review.learning };
		});
	},
};
