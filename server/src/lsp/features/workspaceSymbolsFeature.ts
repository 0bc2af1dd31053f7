/** Workspace symbols (Ctrl+T): every indexed ticket by its title, CJK-aware, its category as container. */
import * as l10n from '@vscode/l10n';
import { SymbolKind, WorkspaceSymbolRequest, type WorkspaceSymbol } from 'vscode-languageserver/node';
import type { ServerFeature } from '../serverContext';
import { onChecked, standardParams } from '../checkedHandlers';
import { matchTitles } from '../../service/index';

/** VS Code shows a few hundred at most; more only costs time. */
const maxSymbols = 256;

export const workspaceSymbolsFeature: ServerFeature = {
	capabilities: { workspaceSymbolProvider: true },
	register(ctx) {
		onChecked(ctx.connection, WorkspaceSymbolRequest.type, standardParams.workspaceSymbol, (params): WorkspaceSymbol[] =>
			matchTitles(params.query, ctx.index.allTickets(), (t) => t.title, maxSymbols).map((t) => ({
				name: t.title || l10n.t('(untitled ticket)'),
				kind: SymbolKind.Object,
				containerName: t.category,
				location: { uri: t.uri, range: t.titleRange },
			})),
		);
	},
};
