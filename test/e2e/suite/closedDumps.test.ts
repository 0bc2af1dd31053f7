/**
 * Problems of dumps that are not open: the server answers VS Code's workspace pull, so the Problems
 * panel lists the real dump's leaks before anything is opened. Runs before the suites that open it
 * (files run in name order).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, codeOf, dumpUri } from './helpers';

/** The leak findings `tickets check` reports on the real dump (test/support/realDump.ts has why each is right). */
const realDumpLeaks = ['pii-bank-card', 'pii-ip', 'pii-org-id', 'redaction-leak', 'secret-credential'];

const isOpen = (uri: vscode.Uri) => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());

/** The diagnostics of every resource VS Code knows, as `languages.getDiagnostics()` lists them, once `ready` accepts those of `uri`. */
function problemsOf(uri: vscode.Uri, ready: (diagnostics: readonly vscode.Diagnostic[]) => boolean): Promise<readonly vscode.Diagnostic[]> {
	return new Promise((resolve) => {
		const check = () => {
			const entry = vscode.languages.getDiagnostics().find(([u]) => u.toString() === uri.toString());
			if (!entry || !ready(entry[1])) return;
			subscription.dispose();
			resolve(entry[1]);
		};
		const subscription = vscode.languages.onDidChangeDiagnostics(check);
		check();
	});
}

describe('problems of dumps that are not open', () => {
	it('lists the real dump’s leak findings with no dump open', async () => {
		await activateExtension();
		assert.equal(isOpen(dumpUri()), false, 'no test opened the dump before this one');
		const problems = await problemsOf(dumpUri(), (d) => d.some((x) => x.source === 'tickets'));
		const codes = new Set(problems.map(codeOf));
		for (const code of realDumpLeaks) assert.ok(codes.has(code), `${code} among ${[...codes].join(', ')}`);
		assert.equal(isOpen(dumpUri()), false);
	});
});
