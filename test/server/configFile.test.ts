/**
 * The language server reads the workspace's .ticketcurator.json: an English dump is checked by
 * configuration alone, a change to the file re-checks open dumps, editor settings override it,
 * and an invalid file is reported to the user.
 */
import { strict as assert } from 'node:assert';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic, DocumentSymbol } from 'vscode-languageserver-types';
import { cliFixtures, ensureBuilt, tempDir } from '../cli/runCli';
import { fileUri, startServer, type TestClient } from './lspClient';

interface Published {
	uri: string;
	diagnostics: Diagnostic[];
}

const englishConfig = JSON.parse(readFileSync(join(cliFixtures, 'english', '.ticketcurator.json'), 'utf8'));
const englishText = readFileSync(join(cliFixtures, 'english', 'support-dump.md'), 'utf8');

describe('server: configuration file', function () {
	this.timeout(30_000);
	let dir: ReturnType<typeof tempDir>;
	let client: TestClient | undefined;
	let dumpUri: string;

	before(() => ensureBuilt());

	beforeEach(() => {
		dir = tempDir();
		copyFileSync(join(cliFixtures, 'english', 'support-dump.md'), join(dir.path, 'support-dump.md'));
		writeFileSync(join(dir.path, '.ticketcurator.json'), JSON.stringify(englishConfig));
		dumpUri = fileUri(join(dir.path, 'support-dump.md'));
	});

	afterEach(async () => {
		await client?.stop();
		client = undefined;
		dir.remove();
	});

	const open = (c: TestClient) =>
		c.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: dumpUri, languageId: 'markdown', version: 1, text: englishText } });
	const published = (c: TestClient, match: (d: Diagnostic[]) => boolean) =>
		c.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === dumpUri && match(p.diagnostics));

	it('checks an English dump with the English labels of the file, and re-checks when the file changes', async () => {
		client = await startServer({ folders: [dir.path] });
		await open(client);
		await published(client, (d) => d.length === 0);
		const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: dumpUri } })) as DocumentSymbol[];
		const tickets = symbols
			.flatMap((s) => (s.children?.length && s.name.startsWith('Support') ? s.children : [s]))
			.filter((s) => s.children?.some((c) => c.name === 'Dialog'));
		assert.equal(tickets.length, 3, JSON.stringify(symbols.map((s) => s.name)));

		writeFileSync(
			join(dir.path, '.ticketcurator.json'),
			JSON.stringify({ ...englishConfig, rootCauses: ['Something else'], rules: { 'root-cause-unknown': 'error' } }),
		);
		const after = await published(client, (d) => d.some((x) => x.code === 'root-cause-unknown'));
		assert.deepEqual(
			after.diagnostics.filter((d) => d.code === 'root-cause-unknown').map((d) => d.severity),
			[1, 1, 1],
		);
	});

	it('lets editor settings override the file', async () => {
		writeFileSync(join(dir.path, '.ticketcurator.json'), JSON.stringify({ ...englishConfig, rootCauses: ['Something else'] }));
		client = await startServer({ folders: [dir.path], settings: { rules: { 'root-cause-unknown': 'off' }, rootCauses: [], categories: [] } });
		await open(client);
		const result = await published(client, () => true);
		assert.deepEqual(result.diagnostics, []);
	});

	it('tells the user when the file is invalid', async () => {
		writeFileSync(join(dir.path, '.ticketcurator.json'), JSON.stringify({ rules: { 'section-empty': 'loud' } }));
		client = await startServer({ folders: [dir.path] });
		const shown = await client.waitFor<{ type: number; message: string }>('window/showMessage');
		assert.equal(shown.type, 2);
		assert.match(shown.message, /\.ticketcurator\.json is invalid.*\/rules\/section-empty: must be one of/);
	});
});
