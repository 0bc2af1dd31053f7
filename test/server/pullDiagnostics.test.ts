/**
 * Pull diagnostics through the server process: `workspace/diagnostic` on a folder of dumps none of
 * which is open reports each dump's findings as `tickets check --format json` does on the same
 * folder (duplicates across files included), in partial results; asked again with the result ids
 * it reports every file `unchanged`; after one file changes on disk, only that file is `full`. A
 * client that does not pull gets pushed diagnostics as before, and a pulling client is pushed nothing.
 */
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	DocumentDiagnosticReportKind,
	WorkspaceDiagnosticRequest,
	type Diagnostic,
	type DocumentDiagnosticReport,
	type PublishDiagnosticsParams,
	type WorkspaceDiagnosticReport,
	type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol';
import { severityName } from '../../server/src/cli/format/fileFindings';
import { ServerStatsRequest, TicketListRequest, TicketTreeRequest } from '../../common/protocol';
import { runCli } from '../cli/runCli';
import { completeDiagnostics, fileUri, startServer, type TestClient } from './lspClient';

const fixtures = join(__dirname, '..', 'fixtures');
const dump = readFileSync(join(fixtures, 'corpus', '000_8bbabfb939ae27d4.txt'), 'utf8');
const real = dump.split(/^(?=## )/m).slice(1);
const header = (n: number) => `# 技术支持工单数据 - Part 3\n\n本文档包含 ${n} 个结构化技术支持问答记录\n\n---\n\n`;
const smallDump = (tickets: string[]) => header(tickets.length) + tickets.join('');
/** Every 40th Chinese character changed: a near copy. */
const nearCopy = (text: string) => {
	let n = 0;
	return text.replace(/[\u4e00-\u9fff]/g, (c) => (++n % 40 === 0 ? '变' : c));
};

/** One finding as `tickets check --format json` writes it. */
const asCli = (d: Diagnostic) =>
	JSON.stringify({
		line: d.range.start.line + 1,
		column: d.range.start.character + 1,
		endLine: d.range.end.line + 1,
		endColumn: d.range.end.character + 1,
		severity: severityName(d),
		code: String(d.code ?? ''),
		message: d.message,
	});

/** Sends `workspace/diagnostic` with a partial result token; returns every report, partial or final. */
async function pullWorkspace(client: TestClient, previous: Map<string, string>, token: string): Promise<WorkspaceDocumentDiagnosticReport[]> {
	const partial: WorkspaceDocumentDiagnosticReport[] = [];
	const listening = client.connection.onProgress(WorkspaceDiagnosticRequest.partialResult, token, (p) => partial.push(...p.items));
	const final = await client.connection.sendRequest<WorkspaceDiagnosticReport>(WorkspaceDiagnosticRequest.method, {
		previousResultIds: [...previous].map(([uri, value]) => ({ uri, value })),
		partialResultToken: token,
	});
	listening.dispose();
	return [...partial, ...final.items];
}

const resultIds = (reports: readonly WorkspaceDocumentDiagnosticReport[]) => new Map(reports.map((r) => [r.uri, r.resultId!]));

describe('pull diagnostics (server process)', function () {
	this.timeout(60000);
	let root: string;
	const names = ['real.txt', 'a.md', 'b.md', 'pii-phone.md', 'category-format.slash.md', 'declared-count.md'];
	const uri = (name: string) => fileUri(join(root, name));

	beforeEach(() => {
		root = mkdtempSync(join(tmpdir(), 'tickets-pull-'));
		writeFileSync(join(root, 'real.txt'), dump);
		writeFileSync(join(root, 'a.md'), smallDump([real[0], real[5], real[40]]));
		writeFileSync(join(root, 'b.md'), smallDump([nearCopy(real[40]), real[80]]));
		copyFileSync(join(fixtures, 'leaks', 'pii-phone.md'), join(root, 'pii-phone.md'));
		copyFileSync(join(fixtures, 'defects', 'category-format.slash.md'), join(root, 'category-format.slash.md'));
		copyFileSync(join(fixtures, 'defects', 'declared-count.md'), join(root, 'declared-count.md'));
	});
	afterEach(() => rmSync(root, { recursive: true, force: true }));

	/** `tickets check --format json` on the folder: each file's findings, as sorted lines. */
	const cliFindings = () => {
		const report = JSON.parse(runCli(['check', '.', '--format', 'json'], { cwd: root }).stdout) as { files: { file: string; findings: unknown[] }[] };
		return new Map(report.files.map((f) => [uri(f.file), f.findings.map((x) => JSON.stringify(x)).sort()]));
	};

	describe('a client that pulls', () => {
		let client: TestClient;
		beforeEach(async () => {
			client = await startServer({ folders: [root], pullDiagnostics: true, settings: { diagnostics: { maxPerFile: 0 } } });
		});
		afterEach(() => client.stop());

		it('is offered document and workspace diagnostics', () => {
			assert.deepEqual(client.initializeResult.capabilities.diagnosticProvider, {
				identifier: 'tickets',
				interFileDependencies: true,
				workspaceDiagnostics: true,
			});
		});

		it('gets every closed dump’s findings as `tickets check` has them, then unchanged, then only the changed file', async () => {
			const expected = cliFindings();
			assert.deepEqual([...expected.keys()].sort(), names.map(uri).sort());
			assert.ok(
				expected.get(uri('real.txt'))!.some((f) => f.includes('"code":"pii-ip"')),
				'the real dump has leak findings',
			);
			assert.ok(
				[...expected.values()].flat().some((f) => f.includes('"code":"duplicate-ticket"')),
				'duplicates across files are part of it',
			);

			const first = await pullWorkspace(client, new Map(), 'first');
			assert.deepEqual(
				first.map((r) => r.kind),
				names.map(() => DocumentDiagnosticReportKind.Full),
			);
			const pulled = new Map(first.map((r) => [r.uri, r.kind === 'full' ? r.items.map(asCli).sort() : []]));
			assert.deepEqual(pulled, expected);

			const second = await pullWorkspace(client, resultIds(first), 'second');
			assert.deepEqual(second.map((r) => [r.uri, r.kind]).sort(), names.map((n) => [uri(n), DocumentDiagnosticReportKind.Unchanged]).sort());
			assert.deepEqual(resultIds(second), resultIds(first));

			// A phone number planted in a ticket's description and its title changed: the index reads the file again.
			const path = join(root, 'a.md');
			const text = readFileSync(path, 'utf8');
			const planted = text.replace(/^## (.*)$/m, '## $1（续）').replace('### 问题描述\n\n', '### 问题描述\n\n联系电话 13912345678。');
			assert.notEqual(planted, text);
			writeFileSync(path, planted);
			// `tickets/didChange` also announces the Tickets view's problem counts of the first reading: the
			// index has the new text once its ticket list has the new title.
			const seen = new Set(client.notifications.map((n) => n.params));
			const reindexed = async () => {
				for (;;) {
					const change = await client.waitFor<{ uris: string[] }>('tickets/didChange', (p) => !seen.has(p) && p.uris.includes(uri('a.md')));
					seen.add(change);
					const list = await client.connection.sendRequest(TicketListRequest, { uri: uri('a.md') });
					if (list.tickets.some((t) => t.title.endsWith('（续）'))) return;
				}
			};
			await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('a.md'), type: 2 }] });
			await reindexed();
			const third = await pullWorkspace(client, resultIds(second), 'third');
			const full = third.filter((r) => r.kind === 'full');
			assert.deepEqual(
				full.map((r) => r.uri),
				[uri('a.md')],
			);
			assert.notEqual(full[0].resultId, resultIds(first).get(uri('a.md')));
			assert.ok((full[0] as { items: Diagnostic[] }).items.some((d) => d.code === 'pii-phone'));
			assert.equal(third.length, names.length);
			// Findings are not kept once reported: asked without result ids, every file is checked again, as `tickets check` now finds them.
			const fourth = await pullWorkspace(client, new Map(), 'fourth');
			assert.deepEqual(new Map(fourth.map((r) => [r.uri, r.kind === 'full' ? r.items.map(asCli).sort() : []])), cliFindings());
		});

		it('counts the Tickets view’s problems from the same checks: each closed dump is checked once', async () => {
			const reports = await pullWorkspace(client, new Map(), 'tree');
			const items = reports.flatMap((r) => (r.kind === 'full' ? r.items : []));
			const expected = { errors: items.filter((d) => d.severity === 1).length, warnings: items.filter((d) => d.severity === 2).length };
			assert.ok(expected.errors > 0 && expected.warnings > 0, JSON.stringify(expected));
			// The tree's answer says `indexing` until every dump is counted; each count is announced by `tickets/didChange`.
			const seen = new Set<unknown>();
			let top = await client.connection.sendRequest(TicketTreeRequest, { grouping: 'file' });
			while (top.indexing) {
				const change = await client.waitFor('tickets/didChange', (p) => !seen.has(p));
				seen.add(change);
				top = await client.connection.sendRequest(TicketTreeRequest, { grouping: 'file' });
			}
			assert.deepEqual({ errors: top.totals.errors, warnings: top.totals.warnings }, expected);
			const stats = await client.connection.sendRequest(ServerStatsRequest);
			assert.deepEqual(stats.closedChecks, { workspace: names.length, tree: 0 });
		});

		it('answers an open dump from its own check and pushes nothing', async () => {
			const text = readFileSync(join(root, 'pii-phone.md'), 'utf8');
			await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('pii-phone.md'), languageId: 'tickets', version: 1, text } });
			const report = await client.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: uri('pii-phone.md') } });
			assert.equal(report.kind, DocumentDiagnosticReportKind.Full);
			const items = (report as { items: Diagnostic[] }).items;
			assert.deepEqual(items.map(asCli).sort(), cliFindings().get(uri('pii-phone.md')));
			const again = await client.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', {
				textDocument: { uri: uri('pii-phone.md') },
				previousResultId: report.resultId,
			});
			assert.deepEqual(again, { kind: DocumentDiagnosticReportKind.Unchanged, resultId: report.resultId });
			// The workspace's report has it too, as checked from the editor's text (with its version), and the closed ones from disk.
			const workspace = await pullWorkspace(client, new Map(), 'workspace');
			const open = workspace.find((r) => r.uri === uri('pii-phone.md'));
			assert.deepEqual(open, { kind: DocumentDiagnosticReportKind.Full, uri: uri('pii-phone.md'), version: 1, resultId: report.resultId, items });
			assert.deepEqual(workspace.map((r) => r.uri).sort(), names.map(uri).sort());
			// The server's answers come in order: a push would have been sent before this one.
			await client.connection.sendRequest('tickets/serverStats');
			assert.deepEqual(
				client.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics'),
				[],
			);
		});

		it('leaves closed dumps out with the scope `openFiles`, and reports those it reported before empty once', async () => {
			const first = await pullWorkspace(client, new Map(), 'first');
			await client.stop();
			client = await startServer({ folders: [root], pullDiagnostics: true, settings: { diagnostics: { scope: 'openFiles' } } });
			const out = await pullWorkspace(client, resultIds(first), 'out');
			assert.deepEqual(out.map((r) => [r.uri, r.kind, r.kind === 'full' ? r.items.length : -1]).sort(), names.map((n) => [uri(n), 'full', 0]).sort());
			const still = await pullWorkspace(client, resultIds(out), 'still');
			assert.deepEqual(
				still.map((r) => r.kind),
				names.map(() => DocumentDiagnosticReportKind.Unchanged),
			);
			assert.deepEqual(await pullWorkspace(client, new Map(), 'none'), []);
		});
	});

	describe('a client that does not pull', () => {
		let client: TestClient;
		beforeEach(async () => {
			client = await startServer({ folders: [root] });
		});
		afterEach(() => client.stop());

		it('is offered no pull diagnostics and gets an open dump’s findings pushed', async () => {
			assert.equal(client.initializeResult.capabilities.diagnosticProvider, undefined);
			const text = readFileSync(join(root, 'pii-phone.md'), 'utf8');
			await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('pii-phone.md'), languageId: 'tickets', version: 1, text } });
			const pushed: PublishDiagnosticsParams = await completeDiagnostics(client, uri('pii-phone.md'));
			assert.equal(pushed.version, 1);
			assert.deepEqual(pushed.diagnostics.map(asCli).sort(), cliFindings().get(uri('pii-phone.md')));
		});
	});
});
