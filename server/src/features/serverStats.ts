/** `tickets/serverStats` (protocol.ts): the process id, its memory and what the diagnostics scheduler did. */
import type { ServerFeature } from '../context';
import { ServerStatsRequest } from '../protocol';
import { diagnosticsRunStats } from './diagnostics';

export const serverStatsFeature: ServerFeature = {
	register({ connection, documents }) {
		connection.onRequest(ServerStatsRequest, () => {
			const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
			return { pid: process.pid, memory: { rss, heapUsed, heapTotal, external }, openDocuments: documents.all().length, diagnostics: diagnosticsRunStats() };
		});
	},
};
