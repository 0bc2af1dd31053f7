/**
 * Similar tickets: the `tickets/similar` request (protocol.ts) and a hover on a ticket's title
 * listing its three most similar tickets as links.
 */
import * as l10n from '@vscode/l10n';
import { HoverRequest, MarkupKind, type Hover } from 'vscode-languageserver/node';
import type { ServerFeature } from '../serverContext';
import { onChecked, onCustomRequest, standardParams } from '../checkedHandlers';
import { SimilarTicketsRequest } from '../../../../common/protocol';
import { readUriText } from '../../host/workspaceFiles';
import { SimilarTickets } from '../../workspace/similarTickets';

const hoverCount = 3;
const titleLine = /^ {0,3}##(?:[ \t]|$)/;

export const similarFeature: ServerFeature = {
	capabilities: { hoverProvider: true },
	register(ctx) {
		const { connection, documents } = ctx;
		const similar = new SimilarTickets({
			index: ctx.index,
			service: ctx.service,
			openDumpText: (uri) => {
				const open = documents.get(uri);
				return open ? (ctx.isDump(open) ? open.getText() : null) : undefined;
			},
			readText: readUriText,
		});
		onCustomRequest(connection, SimilarTicketsRequest, (params) => similar.answer(params ?? {}));

		onChecked(connection, HoverRequest.type, standardParams.textDocumentPosition, async (params, token): Promise<Hover | null> => {
			const doc = documents.get(params.textDocument.uri);
			if (!doc || !ctx.isDump(doc)) return null;
			const line = doc.getText({ start: { line: params.position.line, character: 0 }, end: { line: params.position.line + 1, character: 0 } });
			if (!titleLine.test(line)) return null;
			const ticket = await similar.ticketAt(doc.uri, params.position);
			if (!ticket || ticket.titleRange.start.line !== params.position.line || token.isCancellationRequested) return null;
			const rows = await similar.similarToTicket(doc.uri, ticket, { limit: hoverCount });
			if (token.isCancellationRequested) return null;
			const lines = [`**${l10n.t('Similar tickets')}**`, ''];
			if (!rows.length) lines.push(ctx.index.indexing ? l10n.t('The workspace is still being indexed.') : l10n.t('No similar ticket in the workspace.'));
			rows.forEach((s, i) => {
				const link = `${s.uri}#L${s.titleRange.start.line + 1}`;
				const detail = [s.category, l10n.t('score {0}', s.score.toFixed(1)), s.matchedTerms.slice(0, 3).join(' ')].filter(Boolean).join(' · ');
				lines.push(`${i + 1}. [${escapeMarkdown(s.title || l10n.t('(untitled ticket)'))}](${link}) — ${escapeMarkdown(detail)}`);
			});
			return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: ticket.titleRange };
		});
	},
};

function escapeMarkdown(text: string): string {
	return text.replace(/[\\`*_[\]()<>#|!]/g, '\\$&');
}
