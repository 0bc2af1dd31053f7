/**
 * Editor settings that do not fit the configuration schema, over stdio, from every source: the
 * initialize params, `workspace/configuration` and `workspace/didChangeConfiguration` (whose params
 * may be anything). The server keeps running, says each bad value once, and keeps the setting's
 * previous value.
 */
import { strict as assert } from 'node:assert';
import { pathToFileURL } from 'node:url';
import type { NotificationMessage, PublishDiagnosticsParams, ShowMessageParams } from 'vscode-languageserver-protocol/node';
import { readText, realDumpPath } from '../support/fixtures';
import { RawClient } from './rawClient';

const dumpUri = pathToFileURL(realDumpPath).href;

const warnings = (client: RawClient) => client.notifications('window/showMessage').map((n) => (n.params as ShowMessageParams).message);

const published = (client: RawClient) =>
	client.waitFor(
		(m) =>
			(m as NotificationMessage).method === 'textDocument/publishDiagnostics' &&
			((m as NotificationMessage).params as PublishDiagnosticsParams).uri === dumpUri,
	);

function open(client: RawClient): void {
	client.notify('textDocument/didOpen', { textDocument: { uri: dumpUri, languageId: 'plaintext', version: 1, text: readText(realDumpPath) } });
}

/** The dump's symbols, or null when the server does not take it for a dump (its path is not included). */
async function symbols(client: RawClient): Promise<unknown> {
	return (await client.request('textDocument/documentSymbol', { textDocument: { uri: dumpUri } })).result;
}

describe('server: bad editor settings', function () {
	this.timeout(30_000);
	let client: RawClient | undefined;
	afterEach(() => client?.stop());

	it('pulled: a declared-count pattern that is no regular expression is said once, and the dump is still checked', async () => {
		client = RawClient.start({ settings: { labels: { declaredCount: '(' } } });
		await client.initialize();
		open(client);
		const publish = ((await published(client)) as NotificationMessage).params as PublishDiagnosticsParams;
		assert.ok(publish.diagnostics.length > 0);
		assert.equal(warnings(client).length, 1);
		assert.match(warnings(client)[0], /ticketCurator\.labels\.declaredCount: not a valid regular expression/);
		// Pulled again on a change notification, the same bad value is not said again.
		const pulled = client.waitForNext((m) => (m as { method?: string }).method === 'workspace/configuration');
		client.notify('workspace/didChangeConfiguration', { settings: null });
		await pulled;
		assert.ok(await client.alive());
		assert.equal(warnings(client).length, 1);
	});

	it('pulled: `files.include: 42` is said, and the default glob stays', async () => {
		client = RawClient.start({ settings: { files: { include: 42 } } });
		await client.initialize();
		open(client);
		await published(client);
		assert.match(warnings(client).join('\n'), /ticketCurator\.files\.include: must be of type string/);
		assert.ok(await symbols(client));
	});

	it('pushed: a bad value keeps the previous value of its setting, is said once, and params of any shape are survived', async () => {
		client = RawClient.start();
		await client.initialize({ capabilities: {}, initializationOptions: { settings: { files: { include: '**/*.md' } } } });
		open(client);
		// The dump is a .txt file: not included.
		assert.equal(await symbols(client), null);
		const push = (ticketCurator: unknown) => client!.notify('workspace/didChangeConfiguration', { settings: { ticketCurator } });
		push({ files: { include: 42 } });
		push({ files: { include: 42 } });
		assert.equal(await symbols(client), null, 'the previous glob stays');
		assert.deepEqual(warnings(client), [
			'Ticket Curator: invalid settings, their previous values stay in force: ticketCurator.files.include: must be of type string',
		]);
		for (const params of [null, 5, 'x', [], { settings: 5 }, { settings: { ticketCurator: 'x' } }]) {
			client.send({ jsonrpc: '2.0', method: 'workspace/didChangeConfiguration', params });
			assert.ok(await client.alive(), JSON.stringify(params));
		}
		assert.equal(await symbols(client), null, 'still the previous glob');
		push({});
		assert.ok(await symbols(client), 'back to the default glob');
		// Said again once it comes back after a fix.
		push({ files: { include: 42 } });
		assert.ok(await client.alive());
		assert.equal(warnings(client).filter((w) => w.includes('files.include')).length, 2);
	});

	it('from the initialize params: every bad value is said, the good ones are used', async () => {
		client = RawClient.start();
		await client.initialize({
			capabilities: {},
			initializationOptions: { settings: { files: { include: 42 }, rules: { 'no-such-rule': 'error', 'section-empty': 'loud' }, validate: { debounce: -5 } } },
		});
		open(client);
		await published(client);
		const said = warnings(client).join('\n');
		assert.match(said, /ticketCurator\.files\.include/);
		assert.match(said, /ticketCurator\.rules\.section-empty: must be one of/);
		assert.match(said, /ticketCurator\.rules: unknown rule `no-such-rule`/);
		assert.match(said, /ticketCurator\.validate\.debounce/);
		assert.equal(warnings(client).length, 1, 'in one message');
	});
});
