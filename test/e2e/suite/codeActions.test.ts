/**
 * A leak in the real dump shows a lightbulb in VS Code whose fix masks it: the access key left in
 * answer 2 of ticket 12, which the dialog writes `jCciD48k***:lsBJ-cr-***=`.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, codeOf, dumpUri, waitForDiagnostics } from './helpers';

const key = 'jCciD48kMK0Ba3dxvdU8Aw9JCXjia4Qts7jbA2tG:lsBJ-cr-sxjsb5fyDZMpXaAHUms=';
const masked = 'jCciD48k***:lsBJ-cr-***=';

describe('code actions', () => {
	before(async () => {
		await activateExtension();
	});

	it('a leak in the real dump has a lightbulb whose fix masks it as the dialog does', async () => {
		const document = await vscode.workspace.openTextDocument(dumpUri());
		await vscode.window.showTextDocument(document);
		const [leak] = (await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'secret-credential'))).filter(
			(d) => codeOf(d) === 'secret-credential',
		);
		assert.equal(document.getText(leak.range), key);

		const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
			'vscode.executeCodeActionProvider',
			document.uri,
			leak.range,
			vscode.CodeActionKind.QuickFix.value,
		);
		const mask = actions.find((a) => a.title === `Mask as \`${masked}\``);
		assert.ok(mask, `offered: ${actions.map((a) => a.title).join(' | ')}`);
		assert.equal(mask.isPreferred, true);
		assert.ok(mask.edit);

		const before = document.getText();
		assert.ok(await vscode.workspace.applyEdit(mask.edit));
		assert.equal(document.getText(), before.replace(key, masked));
		// The server sees the edit: the finding is gone from the next publish.
		await waitForDiagnostics(document.uri, (d) => !d.some((x) => codeOf(x) === 'secret-credential'));

		// Leave the fixture as it was for the other suites.
		const restore = new vscode.WorkspaceEdit();
		restore.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), before);
		assert.ok(await vscode.workspace.applyEdit(restore));
		await document.save();
		await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'secret-credential'));
	});
});
