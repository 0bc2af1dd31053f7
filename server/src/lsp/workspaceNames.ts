/** How a file of the workspace is named to the user: its path relative to the workspace folder holding it. */
import type { InitializeParams } from 'vscode-languageserver/node';
import { relativeTo, uriToPath } from '../host/workspaceFiles';

export class WorkspaceNames {
	private folders: string[] = [];

	setFolders(params: InitializeParams): void {
		const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
		this.folders = uris.flatMap((u) => uriToPath(u) ?? []);
	}

	nameOf(uri: string): string {
		const path = uriToPath(uri);
		for (const folder of this.folders) {
			const rel = path && relativeTo(folder, path);
			if (rel) return rel;
		}
		return path ?? uri;
	}
}
