/** Completions in ticket dumps (categories, root causes, sections, speaker labels); other files get none. */
import type { ServerFeature } from '../context';
import { completionTriggerCharacters } from '../service/index';

export const completionFeature: ServerFeature = {
	capabilities: { completionProvider: { triggerCharacters: completionTriggerCharacters } },
	register({ connection, documents, service, isDump }) {
		connection.onCompletion((params) => {
			const doc = documents.get(params.textDocument.uri);
			return doc && isDump(doc) ? service.complete(doc, params.position) : null;
		});
	},
};
