/** `tickets/serverStats` (protocol.ts): the process id, its memory, what the diagnostics scheduler and the index did. */
import type { ServerFeature } from '../serverContext';
import { ServerStatsRequest } from '../../../../common/protocol';

/** Exposed only when the process runs with `--expose-gc`: memory is then read after a full collection. */
const collect = (globalThis as { gc?: () => void }).gc;

export const serverStatsFeature: ServerFeature = {
	register({ connection, documents, index, counters, workspaceDiagnostics }) {
		let filesIndexed = 0;
		index.onFileIndexed((_uri, text) => {
			if (text !== undefined) filesIndexed++;
		});
		connection.onRequest(ServerStatsRequest, () => {
			// Twice: array buffers freed by a collection are swept in the background, and the next one waits for that.
			collect?.();
			collect?.();
			const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
			return {
				pid: process.pid,
				memory: { rss, heapUsed, heapTotal, external },
				openDocuments: documents.all().length,
				diagnostics: { ...counters.diagnostics },
				index: { ...index.size, filesRead: counters.filesRead, filesIndexed },
				closedChecks: { workspace: workspaceDiagnostics.checked, tree: counters.treeChecks },
			};
		});
	},
};
