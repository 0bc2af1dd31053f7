import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { createTicketService } from '../../../server/src/service/index';
import { ruleCodes } from '../../../server/src/service/rules/catalog';
import { activateExtension, codeOf, dumpUri, readmeUri, waitForDiagnostics } from './helpers';

const ours = (d: vscode.Diagnostic) => d.source === 'tickets';
const key = (line: number, character: number, code: string) => `${line}:${character} ${code}`;

describe('diagnostics', () => {
	let dumpDiagnostics: Promise<vscode.Diagnostic[]>;

	before(async () => {
		await activateExtension();
		// The README is opened before the dump: the server handles didOpen notifications in order and
		// publishes in that order, so once the dump's diagnostics are here, any of ours for the README are too.
		await vscode.workspace.openTextDocument(readmeUri());
		dumpDiagnostics = waitForDiagnostics(dumpUri(), (d) => d.some(ours));
		await vscode.workspace.openTextDocument(dumpUri());
	});

	it('publishes our diagnostics for the real dump, exactly what the service finds', async () => {
		const diagnostics = await dumpDiagnostics;
		assert.ok(diagnostics.length > 0);
		for (const d of diagnostics) {
			assert.equal(d.source, 'tickets', `foreign diagnostic on the dump: ${d.message}`);
			assert.ok((ruleCodes as readonly string[]).includes(codeOf(d)), `unknown code ${codeOf(d)}`);
		}
		// The same text through the service directly: the LSP round trip must neither lose nor invent findings.
		const document = await vscode.workspace.openTextDocument(dumpUri());
		const expected = createTicketService().validate({ uri: document.uri.toString(), version: document.version, getText: () => document.getText() }) ?? [];
		assert.deepEqual(
			diagnostics.map((d) => key(d.range.start.line, d.range.start.character, codeOf(d))).sort(),
			expected.map((d) => key(d.range.start.line, d.range.start.character, String(d.code))).sort(),
		);
	});

	it('publishes none of ours for a plain Markdown README', async () => {
		await dumpDiagnostics;
		assert.deepEqual(vscode.languages.getDiagnostics(readmeUri()).filter(ours), []);
	});
});
