/**
 * Quick fixes and `source.fixAll.tickets` for open dumps. The service validates the current text
 * itself; the duplicate diagnostics (other files involved) are the ones last computed for this version.
 */
import { CodeActionKind, CodeActionRequest } from 'vscode-languageserver/node';
import type { ServerFeature } from '../serverContext';
import { onChecked, standardParams } from '../checkedHandlers';
import { fixAllKind } from '../../service/index';
import { keepTarget } from '../../host/keepTarget';

export const codeActionsFeature: ServerFeature = {
	capabilities: { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, fixAllKind], resolveProvider: false } },
	register({ connection, documents, service, isDump, duplicates, settings }) {
		onChecked(connection, CodeActionRequest.type, standardParams.codeAction, (params) => {
			const doc = documents.get(params.textDocument.uri);
			if (!doc || !isDump(doc)) return null;
			const extra = duplicates.lastDiagnostics(doc.uri, doc.version);
			return service.codeActions(doc, { range: params.range, only: params.context.only, extra, keep: keepTarget(settings()) });
		});
	},
};
