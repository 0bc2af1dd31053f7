/**
 * Crash isolation in a real VS Code: the server process is killed; the client restarts
 * it, tells the user once (a second crash is not announced again), and the restarted server checks
 * the open dump as before.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import type { TicketCuratorApi } from '../../../client/src/extension';
import { ServerStatsRequest } from '../../../common/protocol';
import { activateExtension, codeOf, dumpUri, waitForDiagnostics } from './helpers';

const ours = (d: vscode.Diagnostic) => d.source === 'tickets';

describe('server restart', () => {
	let api: TicketCuratorApi;

	before(async () => {
		api = (await activateExtension()).exports as TicketCuratorApi;
	});

	it('restarts a killed server and tells the user once, however often it dies', async () => {
		await vscode.workspace.openTextDocument(dumpUri());
		await waitForDiagnostics(dumpUri(), (d) => d.some(ours));
		for (let kill = 1; kill <= 2; kill++) {
			const { pid } = await api.client.sendRequest(ServerStatsRequest);
			const running = new Promise<void>((resolve) => {
				const subscription = api.client.onDidChangeState((e) => {
					if (e.newState !== State.Running) return;
					subscription.dispose();
					resolve();
				});
			});
			process.kill(pid, 'SIGKILL');
			await running;
			const restarted = await api.client.sendRequest(ServerStatsRequest);
			assert.notEqual(restarted.pid, pid, 'a new server process');
			assert.equal(api.restarts.restarts, kill);
			assert.equal(api.restarts.notices, 1, 'the user is told once');
		}
	});

	it('checks the open dump again after the restart: an edit gets its diagnostics', async () => {
		const document = await vscode.workspace.openTextDocument(dumpUri());
		const line = document.lineAt(2);
		const at = line.text.indexOf('114');
		assert.ok(at >= 0, line.text);
		const count = new vscode.Range(2, at, 2, at + 3);
		const change = async (text: string) => {
			const edit = new vscode.WorkspaceEdit();
			edit.replace(dumpUri(), count, text);
			assert.ok(await vscode.workspace.applyEdit(edit));
		};
		await change('115');
		const diagnostics = await waitForDiagnostics(dumpUri(), (d) => d.some((x) => codeOf(x) === 'declared-count' && x.message.includes('115')));
		assert.equal(diagnostics.filter((x) => codeOf(x) === 'declared-count').length, 1);
		// The text as it was, for the suites that follow.
		await change('114');
		await waitForDiagnostics(dumpUri(), (d) => d.some(ours) && !d.some((x) => codeOf(x) === 'declared-count'));
	});
});
