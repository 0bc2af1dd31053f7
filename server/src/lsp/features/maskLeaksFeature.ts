/**
 * `tickets/maskLeaks`: the one workspace edit that masks every leak of the workspace's dumps (open
 * or not) and the counts the client asks the user to confirm. Open documents are read from the
 * editor, others from disk; the service masks from the text alone (no Markdown parse).
 */
import type { TextDocumentEdit } from 'vscode-languageserver/node';
import type { ServerFeature } from '../serverContext';
import { onCustomRequest } from '../checkedHandlers';
import { MaskLeaksRequest, type MaskLeaksFile } from '../../../../common/protocol';
import { readCandidate, uriToPath } from '../../host/workspaceFiles';

export const maskLeaksFeature: ServerFeature = {
	register({ connection, documents, service, index, isDump, log }) {
		onCustomRequest(connection, MaskLeaksRequest, async (params, token) => {
			const openDumps = documents
				.all()
				.filter((d) => isDump(d))
				.map((d) => d.uri);
			const uris = params?.uris ?? [...new Set([...index.uris(), ...openDumps])];
			const files: MaskLeaksFile[] = [];
			const documentChanges: TextDocumentEdit[] = [];
			let total = 0;
			for (const uri of uris) {
				if (token.isCancellationRequested) break;
				const open = documents.get(uri);
				const text = open ? open.getText() : await readFromDisk(uri, log);
				if (text === undefined || !service.isTicketDump(text)) continue;
				const { edits, counts } = service.maskAllLeaks(text);
				if (!edits.length) continue;
				files.push({ uri, counts });
				total += edits.length;
				documentChanges.push({ textDocument: { uri, version: open ? open.version : null }, edits });
				// One file at a time: other requests are answered in between.
				await new Promise((resolve) => setImmediate(resolve));
			}
			return { files, total, edit: { documentChanges } };
		});
	},
};

async function readFromDisk(uri: string, log: (message: string) => void): Promise<string | undefined> {
	const path = uriToPath(uri);
	if (path === undefined) return undefined;
	const read = await readCandidate(path);
	if ('text' in read) return read.text;
	if (read.skipped !== 'missing') log(`mask leaks: ${uri} skipped (${read.skipped})`);
	return undefined;
}
