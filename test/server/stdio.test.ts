/**
 * The language server as any LSP client sees it: spawns `node dist/server.js --stdio` and speaks
 * JSON-RPC to it over the child's stdio. Every wait is on a message (a publish, a response), never
 * on a timer.
 */
import { strict as assert } from 'node:assert';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
	CompletionRequest,
	ConfigurationRequest,
	createProtocolConnection,
	DidChangeConfigurationNotification,
	DidChangeTextDocumentNotification,
	DidOpenTextDocumentNotification,
	DocumentSymbolRequest,
	ExitNotification,
	FoldingRangeRequest,
	InitializedNotification,
	InitializeRequest,
	PublishDiagnosticsNotification,
	RegistrationRequest,
	ShutdownRequest,
	StreamMessageReader,
	StreamMessageWriter,
	UnregistrationRequest,
	WorkDoneProgressCreateRequest,
	type CompletionItem,
	type DocumentSymbol,
	type TextEdit,
	type ProtocolConnection,
	type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { SnippetRequest } from '../../common/protocol';
import { defectsDir, isFoundationCode, readmePath, readText, realDumpPath, summary } from '../support/fixtures';
import { realDumpFindings } from '../support/realDump';

const root = join(__dirname, '..', '..');
const serverJs = join(root, 'dist', 'server.js');

/** Builds dist/ when it is missing or older than the server's sources (`npm test` builds first anyway). */
function ensureBuilt(): void {
	const newest = (dir: string): number =>
		Math.max(0, ...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs)));
	if (existsSync(serverJs) && statSync(serverJs).mtimeMs >= newest(join(root, 'server', 'src'))) return;
	execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
}

/** A client that records every diagnostics publish and can wait for the one a test expects. */
class Client {
	readonly publishes: PublishDiagnosticsParams[] = [];
	/** What the client answers to `workspace/configuration` for the `ticketCurator` section. */
	settings: object = {};
	readonly configurationRequests: unknown[][] = [];
	private readonly waiters: { match: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
	private stderr = '';

	private constructor(
		readonly process: ChildProcess,
		readonly connection: ProtocolConnection,
	) {
		process.stderr!.on('data', (chunk) => (this.stderr += String(chunk)));
		connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
			this.publishes.push(params);
			for (const waiter of [...this.waiters]) {
				if (!waiter.match(params)) continue;
				this.waiters.splice(this.waiters.indexOf(waiter), 1);
				waiter.resolve(params);
			}
		});
		connection.onRequest(ConfigurationRequest.type, (params) => {
			this.configurationRequests.push(params.items.map((i) => i.section));
			return params.items.map((item) => (item.section === 'ticketCurator' ? this.settings : null));
		});
		connection.onRequest(RegistrationRequest.type, () => undefined);
		connection.onRequest(UnregistrationRequest.type, () => undefined);
		connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
		process.on('exit', (code) => {
			for (const waiter of this.waiters.splice(0)) waiter.resolve(Promise.reject(new Error(`server exited with ${code}: ${this.stderr}`)) as never);
		});
		connection.listen();
	}

	static start(): Client {
		const child = spawn(process.execPath, [serverJs, '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
		return new Client(child, createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!)));
	}

	/** The first publish (already received or to come) that `match` accepts. */
	published(match: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> {
		const seen = this.publishes.find(match);
		if (seen) return Promise.resolve(seen);
		return new Promise((resolve) => this.waiters.push({ match, resolve }));
	}

	publishesFor(uri: string): PublishDiagnosticsParams[] {
		return this.publishes.filter((p) => p.uri === uri);
	}

	open(uri: string, text: string, languageId = 'markdown'): Promise<void> {
		return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
	}

	async stop(): Promise<number | null> {
		const exited = new Promise<number | null>((resolve) => this.process.once('exit', resolve));
		await this.connection.sendRequest(ShutdownRequest.type);
		await this.connection.sendNotification(ExitNotification.type);
		const code = await exited;
		this.connection.dispose();
		return code;
	}
}

describe('server over stdio', function () {
	// Spawning node and validating 181 KB: a few seconds on a loaded 2-core machine.
	this.timeout(60_000);
	const dumpUri = pathToFileURL(realDumpPath).href;
	const readmeUri = pathToFileURL(readmePath).href;
	const dumpText = readText(realDumpPath);
	const expected = realDumpFindings.map((f) => f.expected);
	let client: Client;

	before(async () => {
		ensureBuilt();
		client = Client.start();
		const result = await client.connection.sendRequest(InitializeRequest.type, {
			processId: process.pid,
			rootUri: null,
			workspaceFolders: null,
			capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } },
		});
		assert.equal(result.serverInfo?.name, 'ticket-curator');
		assert.equal(result.serverInfo?.version, JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version, 'the version of package.json');
		assert.ok(result.capabilities.documentSymbolProvider);
		assert.ok(result.capabilities.foldingRangeProvider);
		await client.connection.sendNotification(InitializedNotification.type, {});
	});

	after(async () => {
		if (client?.process.exitCode === null) client.process.kill();
	});

	it('pulls its settings with workspace/configuration under `ticketCurator`', async () => {
		// Opening a document waits on nothing; the pull happens after `initialized` and is answered above.
		await client.open(dumpUri, dumpText);
		const publish = await client.published((p) => p.uri === dumpUri);
		assert.deepEqual(client.configurationRequests[0], ['ticketCurator']);
		assert.equal(publish.version, 1);
	});

	it('publishes the real dump’s diagnostics for version 1, with the rule codes as `code`', async () => {
		const publish = await client.published((p) => p.uri === dumpUri && p.version === 1);
		assert.deepEqual(summary(publish.diagnostics.filter(isFoundationCode)), expected);
		assert.ok(publish.diagnostics.every((d) => d.source === 'tickets' && typeof d.code === 'string'));
		assert.ok(client.publishesFor(dumpUri).every((p) => p.version === 1));
	});

	it('answers documentSymbol with the title and 114 ticket symbols, each with its sections', async () => {
		const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: dumpUri } })) as DocumentSymbol[];
		assert.equal(symbols.length, 1);
		assert.equal(symbols[0].name, '技术支持工单数据 - Part 40');
		const tickets = symbols[0].children!;
		assert.equal(tickets.length, 114);
		assert.ok(
			tickets.every((t) => t.children!.length >= 3 && t.children!.every((s) => ['问题描述', '客服解答', '根本原因分析', '完整对话记录'].includes(s.name))),
		);
		assert.equal(
			tickets.reduce((n, t) => n + t.children!.length, 0),
			452,
		);
		assert.equal(tickets[0].detail, '对象存储｜上传下载');
	});

	it('answers foldingRange with every ticket and section', async () => {
		const ranges = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: dumpUri } });
		assert.equal(ranges?.length, 114 + 452);
		assert.deepEqual(ranges![0], { startLine: 6, endLine: 56 });
	});

	it('gives a plain README nothing: no symbols, no folding, no diagnostics', async () => {
		await client.open(readmeUri, readText(readmePath));
		// Requests are answered in order: once these are, the open has been handled.
		assert.equal(await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: readmeUri } }), null);
		assert.equal(await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: readmeUri } }), null);
		assert.deepEqual(
			client.publishesFor(readmeUri).filter((p) => p.diagnostics.length),
			[],
		);
	});

	it('offers the snippets as completions (plain text for a client without snippet support) and by name', async () => {
		const empty = 'untitled:Untitled-1';
		await client.open(empty, 'du', 'tickets');
		const items = (await client.connection.sendRequest(CompletionRequest.type, {
			textDocument: { uri: empty },
			position: { line: 0, character: 2 },
		})) as CompletionItem[];
		assert.deepEqual(
			items.map((i) => i.label),
			['dump', '新工单文件', 'ticket', '新工单'],
		);
		const dump = items[0].textEdit as TextEdit;
		assert.deepEqual(dump.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } });
		assert.ok(dump.newText.startsWith('# 技术支持工单数据 - Part 1\n\n本文档包含 1 个结构化技术支持问答记录\n\n---\n\n## 标题\n'));
		assert.equal(items[0].insertTextFormat, 1, 'plain text: this client declared no snippet support');
		// A README is no dump and not empty: nothing.
		assert.deepEqual(
			await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: readmeUri }, position: { line: 0, character: 1 } }),
			[],
		);
		const turn = await client.connection.sendRequest(SnippetRequest, { name: 'turn' });
		assert.equal(turn.body, '**客户**：${1}\n\n**客服**：${2}\n\n$0');
		assert.equal(turn.description, 'A customer turn and the staff reply.');
	});

	it('learns the categories of an open dump outside any workspace folder (category-unknown)', async () => {
		const path = join(defectsDir, 'category-unknown.learned.md');
		const uri = pathToFileURL(path).href;
		// Categories no other open dump has: only this file's own counts can tell the typo.
		await client.open(uri, readText(path).replaceAll('CDN｜配置问题', '智能多媒体｜转码问题').replaceAll('CDN｜配置问提', '智能多媒体｜转码问提'));
		const publish = await client.published((p) => p.uri === uri);
		// (The defect files share tickets with each other: their duplicates are test/server/duplicates.test.ts's business.)
		assert.deepEqual(summary(publish.diagnostics.filter(isFoundationCode)), [['category-unknown', 'warning', 111]]);
	});

	it('after quick edits, publishes for the newest version only', async () => {
		const countLine = { start: { line: 2, character: 6 }, end: { line: 2, character: 9 } };
		const change = (version: number, text: string) =>
			client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
				textDocument: { uri: dumpUri, version },
				contentChanges: [{ range: countLine, text }],
			});
		await change(2, '115');
		await change(3, '116');
		const publish = await client.published((p) => p.uri === dumpUri && p.version === 3);
		const declared = publish.diagnostics.filter((d) => d.code === 'declared-count');
		assert.deepEqual(
			declared.map((d) => [d.range.start.line, d.message]),
			[[2, 'The header declares 116 tickets but the file has 114.']],
		);
		assert.deepEqual(
			client.publishesFor(dumpUri).filter((p) => p.version === 2),
			[],
			'version 2 was stale before its run',
		);
	});

	it('applies changed settings: a rule set to `off` is gone from the next publish', async () => {
		const before = client.publishes.length;
		client.settings = { rules: { 'duplicate-title': 'off' } };
		await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
		const publish = await client.published(
			(p) => client.publishes.indexOf(p) >= before && p.uri === dumpUri && !p.diagnostics.some((d) => d.code === 'duplicate-title'),
		);
		assert.equal(publish.version, 3);
		assert.equal(client.configurationRequests.length, 2, 'pulled again');
		assert.deepEqual(summary(publish.diagnostics.filter(isFoundationCode)), [['declared-count', 'warning', 3]]);
	});

	it('shuts down cleanly', async () => {
		assert.equal(await client.stop(), 0);
	});
});
