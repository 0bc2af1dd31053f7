/**
 * `tickets/dumpRecognized` through the server process: sent for an open document that is a dump
 * (by content, `.md` or `.txt`), once per opening, when it opens or when an edit makes it one;
 * never for a plain Markdown file.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DumpRecognizedParams } from '../../common/protocol';
import { fileUri, startServer, type TestClient } from './lspClient';

const dump = readFileSync(join(__dirname, '..', 'fixtures', 'corpus', '000_8bbabfb939ae27d4.txt'), 'utf8');
const readme = '# Notes\n\n## Setup\n\nNothing about tickets here.\n';

describe('dump recognition (server process)', function () {
	this.timeout(30000);
	let root: string;
	let client: TestClient;
	const recognized = () => client.notifications.filter((n) => n.method === 'tickets/dumpRecognized').map((n) => (n.params as DumpRecognizedParams).uri);
	const open = (uri: string, text: string, languageId = 'markdown') =>
		client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
	/** Requests are answered after the notifications sent before them are handled: a barrier, not a wait. */
	const settled = (uri: string) => client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });

	before(async () => {
		root = mkdtempSync(join(tmpdir(), 'tickets-recognition-'));
		client = await startServer({ folders: [root] });
	});

	after(async () => {
		await client?.stop();
		rmSync(root, { recursive: true, force: true });
	});

	it('recognises the real dump opened as .txt (plaintext) and as .md (markdown)', async () => {
		const txt = fileUri(join(root, 'part40.txt'));
		const md = fileUri(join(root, 'part40.md'));
		await open(txt, dump, 'plaintext');
		await open(md, dump);
		assert.deepEqual(await client.waitFor<DumpRecognizedParams>('tickets/dumpRecognized', (p) => p.uri === txt), { uri: txt });
		assert.deepEqual(await client.waitFor<DumpRecognizedParams>('tickets/dumpRecognized', (p) => p.uri === md), { uri: md });
	});

	it('says nothing about a plain README.md', async () => {
		const uri = fileUri(join(root, 'README.md'));
		await open(uri, readme);
		await settled(uri);
		assert.ok(!recognized().includes(uri));
	});

	it('recognises a document once an edit makes it a dump, and once only per opening', async () => {
		const uri = fileUri(join(root, 'new.md'));
		await open(uri, '');
		await settled(uri);
		assert.ok(!recognized().includes(uri));
		const firstTicket = dump.slice(0, dump.indexOf('\n---\n', dump.indexOf('## ')) + 5);
		await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: firstTicket }] });
		await client.waitFor<DumpRecognizedParams>('tickets/dumpRecognized', (p) => p.uri === uri);
		await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: `${firstTicket}\n` }] });
		await settled(uri);
		assert.equal(recognized().filter((u) => u === uri).length, 1);

		// Closed and opened again (VS Code does this when it switches the language): said again.
		await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
		await open(uri, firstTicket, 'tickets');
		await settled(uri);
		assert.equal(recognized().filter((u) => u === uri).length, 2);
	});
});
