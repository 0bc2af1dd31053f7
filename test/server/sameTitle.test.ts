/**
 * One title on 3,000 tickets through the server process: real dumps repeat titles (`咨询`, `免费 from
 * 自动催单`), and a finding that listed every other ticket of its title grew with the square of their
 * number (600 tickets: 56 MB of diagnostics; 3,000: the server died encoding them). The diagnostics
 * stay under 1 MB with bounded related information, and the server goes on answering. How long the
 * check takes is bench/sameTitle.ts's figure, not this test's.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentSymbol } from 'vscode-languageserver-protocol';
import { sameTitleDump } from '../../bench/corpus';
import { completeDiagnostics, fileUri, startServer, type TestClient } from './lspClient';

const tickets = 3000;

describe('a dump of 3,000 tickets with one title (server process)', function () {
	// A stall guard only: the check takes about 2 s on the development machine (bench/sameTitle.ts).
	this.timeout(60_000);
	let dir: string;
	let client: TestClient;
	let text: string;
	let uri: string;

	before(async () => {
		dir = mkdtempSync(join(tmpdir(), 'tickets-same-title-'));
		// One real ticket of the sample dump, titled `咨询`, its text disguised differently in each copy: no duplicates, one title.
		text = sameTitleDump({ tickets, kind: 'distinct' });
		writeFileSync(join(dir, 'same-title.md'), text);
		uri = fileUri(join(dir, 'same-title.md'));
		// No cap on diagnostics per file (ticketCurator.diagnostics.maxPerFile): every finding is published and measured.
		client = await startServer({ folders: [dir], settings: { diagnostics: { maxPerFile: 0 } } });
		await client.indexed();
	});

	after(async () => {
		await client?.stop();
		rmSync(dir, { recursive: true, force: true });
	});

	it('publishes every duplicate title in under 1 MB, related information bounded, and still answers', async () => {
		const complete = completeDiagnostics(client, uri);
		await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
		const { diagnostics } = await complete;
		assert.equal(diagnostics.length, tickets);
		assert.ok(
			diagnostics.every((d) => d.code === 'duplicate-title'),
			'the disguised copies have no other finding',
		);
		const bytes = Buffer.byteLength(JSON.stringify(diagnostics));
		assert.ok(bytes < 1024 * 1024, `${bytes} bytes of diagnostics`);

		const titleLines = text.split('\n').flatMap((line, i) => (line.startsWith('## ') ? [i] : []));
		const [first, ...later] = diagnostics.sort((a, b) => a.range.start.line - b.range.start.line);
		// The first use lists the next five and says how many more; the later uses name the first's line.
		assert.equal(first.message, 'The title "咨询" is also used by 2999 other tickets in this file.');
		assert.deepEqual(
			first.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line, r.message]),
			[...titleLines.slice(1, 6).map((line) => [uri, line, 'Same title']), [uri, titleLines[6], '…and 2994 more']],
		);
		assert.ok(
			later.every(
				(d) =>
					!d.relatedInformation?.length &&
					d.message === `The title "咨询" is also used by 2999 other tickets in this file; its first use is on line ${titleLines[0] + 1}.`,
			),
		);

		// The file's symbol, its tickets under it.
		const [file] = await client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
		assert.equal(file.children?.length, tickets);
	});
});
