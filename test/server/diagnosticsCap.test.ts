/**
 * At most `ticketCurator.diagnostics.maxPerFile` diagnostics per published file, errors first, with
 * a note saying how many more there are: the cap alone, then through the server on a dump of
 * 3,420 tickets (the real dump thirty times), whose diagnostics would otherwise run to megabytes.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { capDiagnostics } from '../../server/src/lsp/diagnosticsCap';
import { realDumpText } from '../support/fixtures';
import { completeDiagnostics, startServer, type TestClient } from './lspClient';

const at = (line: number, severity: DiagnosticSeverity): Diagnostic => ({
	range: { start: { line, character: 0 }, end: { line, character: 1 } },
	severity,
	message: `line ${line}`,
});

describe('diagnostics cap (most diagnostics published per file)', () => {
	it('keeps errors first, then warnings, information and hints, each in the file’s order, and says how many more', () => {
		const all = [at(1, 4), at(2, 2), at(3, 1), at(4, 3), at(5, 2), at(6, 1), at(7, 2), at(8, 4)];
		const kept = capDiagnostics(all, 4);
		assert.equal(kept.length, 5);
		assert.match(kept[0].message, /^4 more problems .* at most 4 per file/);
		assert.deepEqual(kept[0].range.start, { line: 0, character: 0 });
		assert.deepEqual(
			kept.slice(1).map((d) => d.range.start.line),
			[2, 3, 5, 6],
			'the two errors and the first two warnings, in file order',
		);
	});

	it('leaves a list within the cap, and any list with the cap at 0, as it is', () => {
		const all = [at(1, 2), at(2, 1)];
		assert.equal(capDiagnostics(all, 2), all);
		assert.equal(capDiagnostics(all, 0), all);
	});

	describe('through the server', function () {
		let dir: string;
		let client: TestClient | undefined;
		const text = Array.from({ length: 30 }, (_, i) => (i ? realDumpText().replace(/^# .*\n/, '') : realDumpText())).join('\n');

		before(() => {
			dir = mkdtempSync(join(tmpdir(), 'tc-cap-'));
			writeFileSync(join(dir, 'big.md'), text);
		});
		afterEach(async () => {
			await client?.stop();
			client = undefined;
		});
		after(() => rmSync(dir, { recursive: true, force: true }));

		const published = async (settings: unknown): Promise<PublishDiagnosticsParams> => {
			client = await startServer({ folders: [dir], settings });
			await client.indexed();
			const uri = pathToFileURL(join(dir, 'big.md')).href;
			await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
			// The publish of the finished check, duplicates included (the workspace's duplicates being
			// found first did not mean the document's check had been published).
			return completeDiagnostics(client, uri);
		};

		it('publishes a thousand by default, the note first, and under 1 MB', async () => {
			const p = await published(undefined);
			assert.equal(p.diagnostics.length, 1001);
			assert.match(p.diagnostics[0].message, /more problems in this file are not shown/);
			assert.ok(Buffer.byteLength(JSON.stringify(p)) < 1024 * 1024, `${Buffer.byteLength(JSON.stringify(p))} bytes`);
			const severities = p.diagnostics.slice(1).map((d) => d.severity ?? 1);
			assert.ok(severities.includes(DiagnosticSeverity.Error), 'errors kept');
		});

		it('publishes them all with the cap at 0', async () => {
			const p = await published({ diagnostics: { maxPerFile: 0 } });
			assert.ok(p.diagnostics.length > 1001, `${p.diagnostics.length}`);
			assert.ok(!p.diagnostics.some((d) => /more problems in this file/.test(d.message)));
		});
	});
});
