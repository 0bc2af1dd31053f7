/**
 * Edits under load: 500 incremental edits typed into the real dump as fast as the protocol
 * allows. The last diagnostics are what a fresh validation of the final text finds; every publish is
 * for a version the client sent, in increasing order, with exactly the diagnostics of that version's
 * text (never an outdated run's); and the work that edits made stale is dropped or cancelled, as
 * `tickets/serverStats` counts.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { random } from '../../bench/corpus';
import type { ServerStats } from '../../common/protocol';
import { createTicketService } from '../../server/src/service/index';
import { realDumpPath, realDumpText } from '../support/fixtures';
import { fileUri, startServer, type TestClient } from './lspClient';

/** Diagnostics the server adds from outside the file (copies across the workspace); the rest is the service's. */
const ownDiagnostics = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.code !== 'duplicate-ticket' && d.code !== 'near-duplicate');
const key = (d: Diagnostic) => JSON.stringify([d.range, d.code, d.severity, d.message, d.relatedInformation, d.data]);
const sameDiagnostics = (a: readonly Diagnostic[], b: readonly Diagnostic[]) =>
	assert.deepEqual(ownDiagnostics(a).map(key).sort(), ownDiagnostics(b).map(key).sort());

/** A typist's edit: a character typed, a line break, a deletion or a pasted word, somewhere in a ticket. */
function randomChange(doc: TextDocument, rand: () => number): TextDocumentContentChangeEvent {
	const text = doc.getText();
	// Inside the tickets (after the header), never splitting a surrogate pair or a CRLF.
	let at = 200 + Math.floor(rand() * (text.length - 200));
	while (at < text.length && (text.charCodeAt(at) & 0xfc00) === 0xdc00) at++;
	const start = doc.positionAt(at);
	const r = rand();
	if (r < 0.55) return { range: { start, end: start }, text: String.fromCharCode(0x4e00 + Math.floor(rand() * 500)) };
	if (r < 0.7) return { range: { start, end: start }, text: '\n' };
	if (r < 0.9) {
		const end = doc.positionAt(Math.min(text.length, at + 1 + Math.floor(rand() * 3)));
		return { range: { start, end }, text: '' };
	}
	return { range: { start, end: start }, text: ['---', '### 问题描述', '**客户**：', '13812345678'][Math.floor(rand() * 4)] };
}

describe('edits under load (server process)', function () {
	this.timeout(180_000);
	let dir: string;
	let client: TestClient;
	const uri = fileUri(realDumpPath);
	const edits = 500;
	/** Every version's text, to check each publish against its own version. */
	const texts = new Map<number, string>();
	let finalVersion = 0;
	let stats: ServerStats;

	before(async () => {
		dir = mkdtempSync(join(tmpdir(), 'tickets-edits-'));
		// No debounce: the server starts a run whenever it can, so edits land on runs in progress.
		client = await startServer({ folders: [dir], settings: { validate: { debounce: 0 } } });
		const doc = TextDocument.create(uri, 'markdown', 1, realDumpText());
		texts.set(1, doc.getText());
		await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: doc.getText() } });
		// One round trip: the first (full) validation has started when the edits come.
		await client.connection.sendRequest('tickets/serverStats');
		const rand = random(7);
		for (let version = 2; version <= edits + 1; version++) {
			const change = randomChange(doc, rand);
			TextDocument.update(doc, [change], version);
			texts.set(version, doc.getText());
			void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
			// Bursts of ten, each ended by a request as an editor asks for the Outline while the user types:
			// between bursts the server starts runs that the next burst makes stale.
			if (version % 10 === 0) await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
		}
		finalVersion = edits + 1;
		await client.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === finalVersion);
		stats = await client.connection.sendRequest<ServerStats>('tickets/serverStats');
	});

	after(async () => {
		await client?.stop();
		rmSync(dir, { recursive: true, force: true });
	});

	const publishes = () =>
		client.notifications
			.filter((n) => n.method === 'textDocument/publishDiagnostics')
			.map((n) => n.params as PublishDiagnosticsParams)
			.filter((p) => p.uri === uri);

	it('ends with the diagnostics of a fresh validation of the final text', () => {
		const last = publishes().at(-1)!;
		assert.equal(last.version, finalVersion);
		const fresh = createTicketService().validate({ uri, version: finalVersion, getText: () => texts.get(finalVersion)! })!;
		assert.ok(fresh.length > 50);
		sameDiagnostics(last.diagnostics, fresh);
	});

	it('publishes only versions it was sent, in increasing order, each with that version’s own diagnostics', () => {
		const all = publishes();
		const versions = all.map((p) => p.version!);
		assert.ok(
			versions.every((v, i) => texts.has(v) && (i === 0 || v >= versions[i - 1])),
			`versions out of order: ${versions.join(',')}`,
		);
		// One warm service walks the published versions in order (warm equals fresh: test/service/properties.test.ts).
		const service = createTicketService();
		for (const p of all) sameDiagnostics(p.diagnostics, service.validate({ uri, version: p.version!, getText: () => texts.get(p.version!)! })!);
	});

	it('drops or cancels the work that newer edits made stale, and accounts for every run', () => {
		const { scheduled, superseded, cancelled, published, failed } = stats.diagnostics;
		assert.ok(scheduled >= edits, `${scheduled} runs scheduled`);
		assert.ok(published < edits / 2, `${published} runs published for ${edits} edits`);
		assert.equal(failed, 0);
		assert.equal(superseded + cancelled + published, scheduled, JSON.stringify(stats.diagnostics));
		assert.ok(superseded + cancelled > edits / 2, 'most runs were dropped before or while running');
		assert.equal(publishes().length, published, 'every finished run was published once');
	});
});
