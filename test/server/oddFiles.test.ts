/**
 * Odd files through the server process: a dump with a 5 MB line, a file that is one 5 MB
 * line, a binary file named .md, a GBK export as an editor decodes it, an empty file, a file of only
 * `---`, and a dump past the size limit. The server answers, says what it does not check, and never
 * goes silent. (The 20 MB dump is test/scale/hugeDump.test.ts, `npm run test:scale`.)
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentSymbol, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { generateDump } from '../../bench/corpus';
import type { ServerStats } from '../../common/protocol';
import { createTicketService } from '../../server/src/service/index';
import { fixturesDir, realDumpText } from '../support/fixtures';
import { fileUri, startServer, timed, type TestClient } from './lspClient';

const root = join(__dirname, '..', '..');

/**
 * These answers take 140–260 ms on a quiet machine: the bound only catches a stall (a request
 * waiting behind a whole check), with room for a CI machine several times slower.
 */
const stallGuardMs = 5000;

describe('odd files (server process)', function () {
	this.timeout(180_000);
	let dir: string;
	let client: TestClient;
	const uri = (name: string) => fileUri(join(dir, name));
	const open = (name: string, text: string) =>
		client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(name), languageId: 'markdown', version: 1, text } });
	const symbols = (name: string) => client.connection.sendRequest<DocumentSymbol[] | null>('textDocument/documentSymbol', { textDocument: { uri: uri(name) } });
	const stats = () => client.connection.sendRequest<ServerStats>('tickets/serverStats');
	const published = (name: string) => client.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri(name));
	/** Requests are answered in order: once this one is, every notification sent before it has been handled. */
	const settled = () => stats();

	before(async () => {
		dir = mkdtempSync(join(tmpdir(), 'tickets-odd-'));
		client = await startServer({ folders: [dir] });
		await client.indexed();
	});

	after(async () => {
		await client?.stop();
		rmSync(dir, { recursive: true, force: true });
	});

	describe('odd files', () => {
		const bytes = (path: string) => new TextDecoder('utf-8').decode(readFileSync(path));

		it('gives a binary file named .md one `file-encoding` diagnostic', async () => {
			await open('image.md', bytes(join(root, 'media', 'icon.png')));
			const publish = await published('image.md');
			assert.deepEqual(
				publish.diagnostics.map((d) => [d.code, d.range.start.line, d.message]),
				[['file-encoding', 0, 'This file is binary (it contains NUL characters), not a ticket dump: it is not checked.']],
			);
			assert.equal(await symbols('image.md'), null, 'no Outline from us');
		});

		it('gives a GBK export, as the editor decodes it, one `file-encoding` diagnostic that says how to convert it', async () => {
			await open('gbk.txt', bytes(join(fixturesDir, 'odd', 'gbk-dump.txt')));
			const publish = await published('gbk.txt');
			assert.deepEqual(
				publish.diagnostics.map((d) => d.code),
				['file-encoding'],
			);
			assert.match(publish.diagnostics[0].message, /not UTF-8 text.*iconv -f GBK -t UTF-8/);
			const log = await client.waitFor<{ message: string }>('window/logMessage', (p) => p.message.startsWith(`Not checking ${uri('gbk.txt')}`));
			assert.match(log.message, /not UTF-8/);
		});

		it('gives an empty file and a file of only `---` nothing, and answers for them', async () => {
			await open('empty.md', '');
			await open('rules.md', '---\n---\n---\n');
			assert.equal(await symbols('empty.md'), null);
			assert.equal(await symbols('rules.md'), null);
			await settled();
			const ours = client.notifications.filter(
				(n) => n.method === 'textDocument/publishDiagnostics' && [uri('empty.md'), uri('rules.md')].includes((n.params as PublishDiagnosticsParams).uri),
			);
			assert.ok(ours.every((n) => (n.params as PublishDiagnosticsParams).diagnostics.length === 0));
		});

		it('answers for a file that is one 5 MB line (not a dump) at once', async () => {
			await open('one-line.md', `# 技术支持工单数据 ${'日志 '.repeat(1_700_000)}`);
			const [result, ms] = await timed(() => symbols('one-line.md'));
			assert.equal(result, null);
			assert.ok(ms < stallGuardMs, `${ms.toFixed(0)} ms`);
		});

		it('checks a dump with a 5 MB line pasted in a turn, and answers meanwhile', async () => {
			const dump = realDumpText();
			const at = dump.indexOf('\n**客服**') + 1;
			const line = `**客户**：${'ERROR upstream timed out while reading response header '.repeat(95_000)}\n\n`;
			const text = dump.slice(0, at) + line + dump.slice(at);
			await open('long-line.md', text);
			const diagnostics = published('long-line.md');
			const [result, ms] = await timed(() => symbols('long-line.md'));
			assert.equal(result![0].children!.length, 114);
			assert.ok(ms < stallGuardMs, `documentSymbol took ${ms.toFixed(0)} ms`);
			const publish = await diagnostics;
			const expected = createTicketService().validate({ uri: uri('long-line.md'), version: 1, getText: () => text })!;
			// The service's findings; the server may add copies of these tickets found across the workspace.
			const own = publish.diagnostics.filter((d) => d.code !== 'near-duplicate' && d.code !== 'duplicate-ticket');
			assert.deepEqual(own.map((d) => [d.code, d.range.start.line]).sort(), expected.map((d) => [d.code, d.range.start.line]).sort());
		});
	});

	describe('past `ticketCurator.limits.maxFileSizeMB`', () => {
		let small: TestClient;
		const text = generateDump({ bytes: 2 * 1024 * 1024, seed: 5 });

		before(async () => {
			small = await startServer({ folders: [dir], settings: { limits: { maxFileSizeMB: 1 } } });
		});

		after(() => small?.stop());

		it('says in one diagnostic what it skips and why, logs it once, and still serves the Outline', async () => {
			const name = fileUri(join(dir, 'big.md'));
			await small.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: name, languageId: 'markdown', version: 1, text } });
			const publish = await small.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === name);
			assert.deepEqual(
				publish.diagnostics.map((d) => [d.code, d.severity, d.range.start.line]),
				[['file-too-large', 3, 0]],
			);
			assert.match(
				publish.diagnostics[0].message,
				/^This file is 2\.0 MB, more than the 1 MB of the `ticketCurator\.limits\.maxFileSizeMB` setting: its tickets are not checked/,
			);
			const [result, ms] = await timed(() => small.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: name } }));
			assert.equal(result[0].children!.length, (text.match(/^## /gm) ?? []).length);
			assert.ok(ms < stallGuardMs, `${ms.toFixed(0)} ms`);
			await small.connection.sendNotification('textDocument/didChange', {
				textDocument: { uri: name, version: 2 },
				contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }],
			});
			await small.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === name && p.version === 2);
			const logs = small.notifications.filter(
				(n) => n.method === 'window/logMessage' && (n.params as { message: string }).message.startsWith(`Not checking ${name}`),
			);
			assert.equal(logs.length, 1, 'logged once, not on every edit');
		});
	});
});
