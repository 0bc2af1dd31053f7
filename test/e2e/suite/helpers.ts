/** What the e2e tests share: the fixture files, activating the extension, waiting on diagnostics. */
import * as vscode from 'vscode';
import manifest from '../../../package.json';

export const extensionId = `${manifest.publisher}.${manifest.name}`;

/** A file of the fixture workspace (out/e2e/workspace, opened by the test run). */
export function fixture(name: string): vscode.Uri {
	const folder = vscode.workspace.workspaceFolders?.[0];
	if (!folder) throw new Error('the e2e run opened no workspace folder');
	return vscode.Uri.joinPath(folder.uri, name);
}

export const dumpUri = () => fixture('000_8bbabfb939ae27d4.txt');
export const readmeUri = () => fixture('README.md');

export async function activateExtension(): Promise<vscode.Extension<unknown>> {
	const extension = vscode.extensions.getExtension(extensionId);
	if (!extension) throw new Error(`extension ${extensionId} is not loaded`);
	await extension.activate();
	return extension;
}

/** Resolves with the document's diagnostics as soon as `ready` accepts them (now or on a later change). */
export function waitForDiagnostics(uri: vscode.Uri, ready: (diagnostics: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
	return new Promise((resolve) => {
		const check = () => {
			const diagnostics = vscode.languages.getDiagnostics(uri);
			if (!ready(diagnostics)) return;
			subscription.dispose();
			resolve(diagnostics);
		};
		const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
			if (e.uris.some((u) => u.toString() === uri.toString())) check();
		});
		check();
	});
}

/** A diagnostic's code as a plain string (LSP codes may come with a link). */
export function codeOf(diagnostic: vscode.Diagnostic): string {
	const code = diagnostic.code;
	return String(typeof code === 'object' ? code.value : code);
}
