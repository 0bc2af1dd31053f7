/**
 * *Tickets: Show Overview* in a real VS Code: the webview opens, draws its charts, and reports (by
 * message to the extension) the per-product bars it drew, which are `tickets stats --json`'s for the
 * same dump.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TicketCuratorApi } from '../../../client/src/extension';
import type { OverviewCount } from '../../../common/overview';
import { activateExtension, dumpUri } from './helpers';

describe('Tickets overview', () => {
	let api: TicketCuratorApi;
	let extensionPath: string;

	before(async () => {
		const extension = await activateExtension();
		api = extension.exports as TicketCuratorApi;
		extensionPath = extension.extensionPath;
		await api.tickets.ready();
	});

	after(() => api.overview.panel()?.dispose());

	it('Show Overview opens a webview that draws the per-product counts of tickets stats', async () => {
		const drawn = new Promise<readonly OverviewCount[]>((resolve) => {
			const subscription = api.overview.onDidRender((products) => {
				subscription.dispose();
				resolve(products);
			});
		});
		await vscode.commands.executeCommand('ticketCurator.showOverview');
		assert.ok(api.overview.panel(), 'a webview panel is open');
		const products = await drawn;
		const cli = path.join(extensionPath, 'dist', 'cli.js');
		const run = spawnSync(process.execPath, [cli, 'stats', '--json', dumpUri().fsPath], {
			encoding: 'utf8',
			env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', LANG: 'C' },
		});
		assert.equal(run.status, 0, run.stderr);
		const stats = JSON.parse(run.stdout) as { products: OverviewCount[] };
		assert.deepEqual(
			products.map((p) => [p.name, p.tickets]),
			stats.products.map((p) => [p.name || '(none)', p.tickets]),
		);
		assert.deepEqual(products[0], { name: 'CDN', tickets: 54 });
	});
});
