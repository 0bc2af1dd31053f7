/**
 * Crash isolation in the server process: a rule that throws on one ticket becomes one
 * logged error and that rule's silence for that ticket; the other rules still report on it, the
 * same rule still reports on every other ticket, and the server keeps answering. The failing rule
 * comes from a test build of the real server in which esbuild swaps the dialog rules for a faulty
 * stand-in (test/support/faultyDialogRule.ts): no test hook in production code.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import type { DocumentSymbol, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { defectText } from '../support/fixtures';
import { nodeBundle } from '../../scripts/bundleOptions.mjs';
import { fileUri, startServer, type TestClient } from './lspClient';

const root = join(__dirname, '..', '..');
const dialogCodes = ['speaker-format', 'speaker-unknown', 'dialog-empty', 'answers-mismatch', 'description-mismatch'];

/** dist/server.js as `npm run build` makes it, but with the faulty dialog rules. */
async function buildFaultyServer(outfile: string): Promise<void> {
	await esbuild.build({
		...nodeBundle,
		entryPoints: [join(root, 'server', 'src', 'lsp', 'server.ts')],
		outfile,
		sourcemap: false,
		plugins: [
			{
				name: 'faulty-dialog-rule',
				setup(build) {
					build.onResolve({ filter: /^\.\/dialog$/ }, (args) =>
						args.importer.endsWith(join('service', 'rules', 'validate.ts')) ? { path: join(root, 'test', 'support', 'faultyDialogRule.ts') } : undefined,
					);
				},
			},
		],
	});
}

describe('crash isolation (server process)', function () {
	this.timeout(60_000);
	let dir: string;
	let client: TestClient;
	const uri = () => fileUri(join(dir, 'dump.md'));
	// The fixture's second ticket has speakers written wrong; a copy with 💥 in its title follows it.
	const base = defectText('speaker-format.md');
	const second = base.slice(base.indexOf('## 一直显示处理中'));
	// The copy's root cause is no known label: another rule's finding on the same ticket.
	const copy = second.replace('## 一直显示处理中', '## 💥 一直显示处理中').replace('需要进一步排查具体原因', '没有这个原因');
	const text = `${base.replace('本文档包含 2 个', '本文档包含 3 个')}${copy}`;
	const bomb = () => text.split('\n').findIndex((line) => line.startsWith('## 💥'));

	before(async () => {
		dir = mkdtempSync(join(tmpdir(), 'tickets-crash-'));
		await buildFaultyServer(join(dir, 'server.js'));
		client = await startServer({ folders: [dir], serverPath: join(dir, 'server.js') });
		await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(), languageId: 'markdown', version: 1, text } });
	});

	after(async () => {
		await client?.stop();
		rmSync(dir, { recursive: true, force: true });
	});

	it('silences the failing rule on that ticket only, and keeps the other rules there', async () => {
		const publish = await client.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri());
		const at = bomb();
		// (Copies across the workspace are the server's own business, not a rule's.)
		const onBomb = publish.diagnostics.filter((d) => d.range.start.line >= at && d.code !== 'near-duplicate' && d.code !== 'duplicate-ticket');
		const before = publish.diagnostics.filter((d) => d.range.start.line < at);
		assert.ok(
			before.some((d) => d.code === 'speaker-format'),
			'the same rule reports the same defect on the other ticket',
		);
		assert.deepEqual(
			onBomb.filter((d) => dialogCodes.includes(String(d.code))),
			[],
			'nothing from the failing rule on its ticket, not even what it reported before throwing',
		);
		assert.deepEqual(
			onBomb.map((d) => d.code),
			['root-cause-unknown'],
			'the other rules still report there',
		);
	});

	it('logs one error naming the rule, and not again on the next edit', async () => {
		const errors = () =>
			client.notifications
				.filter((n) => n.method === 'window/logMessage' && (n.params as { type: number; message: string }).type === 1)
				.map((n) => (n.params as { message: string }).message);
		assert.equal(errors().length, 1);
		assert.match(
			errors()[0],
			/^rule speaker-format,speaker-unknown,dialog-empty,answers-mismatch,description-mismatch failed 1 time\(s\) in file:.*dump\.md; its findings there are dropped: Error: dialog rule exploded/,
		);
		await client.connection.sendNotification('textDocument/didChange', {
			textDocument: { uri: uri(), version: 2 },
			contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: ' ' }],
		});
		await client.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri() && p.version === 2);
		assert.equal(errors().length, 1, 'the ticket did not change: its findings (and the failure) are not redone');
	});

	it('keeps answering', async () => {
		const symbols = await client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uri() } });
		assert.equal(symbols[0].children!.length, 3);
		assert.equal(client.process.exitCode, null);
	});
});
