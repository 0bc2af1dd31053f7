/**
 * A 20 MB dump of about 13,000 tickets through the server process: documentSymbol (tickets only:
 * past 5,000 tickets the Outline leaves sections out) and the tree (`tickets/list`) are answered
 * while it is checked, other requests too, and its own findings are published before those with its
 * duplicates. Heavy (a minute of CPU, 2 GB of memory with every feature on): `npm run test:scale`,
 * not `npm test`. bench/scale.ts prints the figures.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic, DocumentSymbol, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { generateDump } from '../../bench/corpus';
import type { ServerStats, TicketListResult } from '../../common/protocol';
import { fileUri, startServer, timed, type TestClient } from '../server/lspClient';

/**
 * Wall-clock limits belong to `npm run bench` (bench/scale.ts prints the figures): CI machines are shared, and a
 * limit that holds on a quiet day fails on a busy one. Here: order and counts, and no stall beyond a generous bound.
 */
const stallBoundMs = 10_000;

describe('a 20 MB dump (server process)', function () {
	this.timeout(300_000);
	let dir: string;
	let client: TestClient;
	const huge = generateDump({ bytes: 20 * 1024 * 1024, seed: 11 });
	const hugeTickets = (huge.match(/^## /gm) ?? []).length;
	const uri = (name: string) => fileUri(join(dir, name));
	const open = (name: string, text: string) =>
		client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(name), languageId: 'markdown', version: 1, text } });
	const symbols = (name: string) => client.connection.sendRequest<DocumentSymbol[] | null>('textDocument/documentSymbol', { textDocument: { uri: uri(name) } });
	const stats = () => client.connection.sendRequest<ServerStats>('tickets/serverStats');
	const published = (name: string) => client.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri(name));

	before(async () => {
		dir = mkdtempSync(join(tmpdir(), 'tickets-huge-'));
		writeFileSync(join(dir, 'huge.md'), huge);
		// No cap on diagnostics per file (ticketCurator.diagnostics.maxPerFile): the duplicates must reach the client.
		client = await startServer({ folders: [dir], settings: { diagnostics: { maxPerFile: 0 } } });
		await client.indexed();
	});

	after(async () => {
		await client?.stop();
		rmSync(dir, { recursive: true, force: true });
	});

	describe('opened in the editor', () => {
		let opened = 0;
		let diagnostics: Promise<PublishDiagnosticsParams>;
		let complete: Promise<PublishDiagnosticsParams>;
		const arrived = { first: 0, complete: 0 };

		before(async () => {
			assert.ok(Buffer.byteLength(huge) >= 20 * 1024 * 1024 && hugeTickets > 11_000, `${hugeTickets} tickets`);
			diagnostics = published('huge.md');
			const isDuplicateFinding = (d: Diagnostic) => d.code === 'near-duplicate' || d.code === 'duplicate-ticket';
			complete = client.waitFor<PublishDiagnosticsParams>(
				'textDocument/publishDiagnostics',
				(p) => p.uri === uri('huge.md') && p.diagnostics.some(isDuplicateFinding),
			);
			void diagnostics.then(() => (arrived.first = performance.now()));
			void complete.then(() => (arrived.complete = performance.now()));
			opened = performance.now();
			await open('huge.md', huge);
		});

		it('answers documentSymbol with every ticket while it is being checked, before its diagnostics', async () => {
			const [result, ms] = await timed(() => symbols('huge.md'));
			assert.ok(ms < stallBoundMs, `documentSymbol took ${ms.toFixed(0)} ms`);
			const tickets = result![0].children!;
			assert.equal(tickets.length, hugeTickets);
			// Past `limits.outlineSectionsMaxTickets` (5,000) the Outline lists tickets without their sections, and says so.
			assert.match(result![0].detail!, new RegExp(`^${hugeTickets} tickets; sections not listed past 5000 tickets`));
			assert.ok(tickets.every((t) => t.name && t.detail && t.children!.length === 0));
			assert.equal((await stats()).diagnostics.published, 0, 'validation had not finished: the request was answered in between');
		});

		it('answers the tree (`tickets/list`) with every ticket', async () => {
			const [result, ms] = await timed(() => client.connection.sendRequest<TicketListResult>('tickets/list', { uri: uri('huge.md') }));
			assert.ok(ms < stallBoundMs, `tickets/list took ${ms.toFixed(0)} ms`);
			assert.equal(result.tickets.length, hugeTickets);
		});

		it('keeps answering other requests while it checks the dump', async () => {
			const waits: number[] = [];
			while ((await stats()).diagnostics.published === 0) {
				const [, ms] = await timed(() => symbols('huge.md'));
				waits.push(ms);
			}
			assert.ok(waits.length >= 1, 'answered during validation');
			assert.ok(Math.max(...waits) < stallBoundMs, `slowest answer during validation: ${Math.max(...waits).toFixed(0)} ms`);
		});

		it('publishes its own findings first, then with its duplicates', async () => {
			const [first, whole] = await Promise.all([diagnostics, complete]);
			assert.equal(first.version, 1);
			assert.equal(whole.version, 1);
			// Its own findings (structure, leaks) ahead of the duplicates, which the whole publish adds to them.
			assert.ok(first.diagnostics.length > 1000);
			assert.ok(!first.diagnostics.some((d) => d.code === 'near-duplicate' || d.code === 'duplicate-ticket'));
			const own = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => d.code !== 'near-duplicate' && d.code !== 'duplicate-ticket');
			assert.equal(own(whole).length, own(first).length);
			assert.ok(whole.diagnostics.length > first.diagnostics.length);
			const [firstMs, wholeMs] = [arrived.first - opened, arrived.complete - opened];
			assert.ok(firstMs < wholeMs);
			assert.ok(wholeMs < 6 * stallBoundMs, `diagnostics with duplicates took ${wholeMs.toFixed(0)} ms`);
			console.log(`      own findings after ${firstMs.toFixed(0)} ms, with duplicates after ${wholeMs.toFixed(0)} ms`);
		});

		after(() => client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri('huge.md') } }));
	});
});

describe('a 20 MB dump open in the editor as the server starts (server process)', function () {
	this.timeout(300_000);
	let dir: string;
	let client: TestClient;
	const huge = generateDump({ bytes: 20 * 1024 * 1024, seed: 12 });
	const hugeTickets = (huge.match(/^## /gm) ?? []).length;

	before(() => {
		dir = mkdtempSync(join(tmpdir(), 'tickets-huge-start-'));
		writeFileSync(join(dir, 'huge.md'), huge);
	});

	after(async () => {
		await client?.stop();
		rmSync(dir, { recursive: true, force: true });
	});

	let published: Promise<PublishDiagnosticsParams>;

	it('answers documentSymbol each time while the index reads it and it is checked', async () => {
		client = await startServer({ folders: [dir] });
		const uri = fileUri(join(dir, 'huge.md'));
		let indexed = false;
		const indexing = client.indexed().then(() => (indexed = true));
		published = client.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri);
		await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: huge } });
		const waits: number[] = [];
		while (!indexed) {
			const [result, ms] = await timed(() => client.connection.sendRequest<DocumentSymbol[] | null>('textDocument/documentSymbol', { textDocument: { uri } }));
			waits.push(ms);
			assert.equal(result![0].children!.length, hugeTickets);
		}
		await indexing;
		assert.ok(waits.length >= 2, `${waits.length} answers while indexing`);
		assert.ok(Math.max(...waits) < stallBoundMs, `documentSymbol while indexing: ${waits.map((w) => w.toFixed(0)).join(', ')} ms`);
		const [list, ms] = await timed(() => client.connection.sendRequest<TicketListResult>('tickets/list', { uri }));
		assert.equal(list.tickets.length, hugeTickets);
		assert.ok(ms < stallBoundMs, `tickets/list took ${ms.toFixed(0)} ms`);
		console.log(
			`      documentSymbol while indexing: ${waits.length} answers, slowest ${Math.max(...waits).toFixed(0)} ms; then tickets/list ${ms.toFixed(0)} ms`,
		);
	});

	it('publishes at most 1,000 of its findings by default, and a note at line 1 saying how many more', async () => {
		const { diagnostics } = await published;
		assert.equal(diagnostics.length, 1001);
		assert.deepEqual(diagnostics[0].range.start, { line: 0, character: 0 });
		assert.match(diagnostics[0].message, /^\d+ more problems in this file are not shown: at most 1000 per file/);
	});
});
