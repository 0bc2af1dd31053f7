/** A workspace file's text as the user sees it: the editor's when it is open, else the disk's (undefined when unreadable). */
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { readCandidate, uriToPath } from '../host/workspaceFiles';

export async function workspaceText(documents: TextDocuments<TextDocument>, uri: string): Promise<string | undefined> {
	const open = documents.get(uri);
	if (open) return open.getText();
	const path = uriToPath(uri);
	if (path === undefined) return undefined;
	const read = await readCandidate(path);
	return 'text' in read ? read.text : undefined;
}
