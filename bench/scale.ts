/**
 * Scale: a 20 MB dump (about 13,000 tickets) in the service and in the server process. Prints a table;
 * `--json FILE` also writes the figures.
 *   tsx bench/scale.ts [--mb 20] [--json out.json]
 * - service: the Outline (documentSymbol) and folding from scratch; full validation; re-validation
 *   after a one-character edit inside one ticket (the target is under 50 ms);
 * - server (node dist/server.js --stdio, no workspace folder): documentSymbol and `tickets/list` right
 *   after opening and once the server is idle, time to the first diagnostics, a one-character edit to
 *   its diagnostics, and the process's memory with the dump open.
 * bench/validation.ts has full and incremental validation next to markdownlint.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-languageserver-protocol/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { ServerStats } from '../common/protocol';
import { createTicketService } from '../server/src/service/index';
import { generateDump } from './corpus';
import { median, ms, time } from './stats';

const args = process.argv.slice(2);
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
const megabytes = args.includes('--mb') ? Number(args[args.indexOf('--mb') + 1]) : 20;

const text = generateDump({ bytes: megabytes * 1024 * 1024, seed: 7 });
const bytes = Buffer.byteLength(text);
const tickets = (text.match(/^## /gm) ?? []).length;
const uri = 'file:///bench/scale.md';
const doc = (t: string, version: number) => ({ uri, version, getText: () => t });
/** A one-character change inside the description of a ticket near the middle. */
const anchor = text.indexOf('### 问题描述', Math.floor(text.length / 2)) + '### 问题描述\n\n'.length;
const edited = (i: number) => text.slice(0, anchor) + String.fromCharCode(0x4e00 + i) + text.slice(anchor + 1);

function serviceFigures() {
	const outline = time(5, () => {
		const service = createTicketService();
		service.documentSymbols(doc(text, 1));
		service.foldingRanges(doc(text, 1));
	});
	const full = time(3, () => createTicketService().validate(doc(text, 1)));
	const warm = createTicketService();
	warm.validate(doc(text, 1));
	const incremental = time(20, (i) => warm.validate(doc(edited(i), i + 2)));
	return { outlineMs: median(outline), fullValidationMs: median(full), editValidationMs: median(incremental) };
}

interface Server {
	readonly connection: MessageConnection;
	/** The first publish for `version` that `match` accepts (already received or to come). */
	published(version: number, match?: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
	stop(): Promise<void>;
}

function startServer(): Server {
	const child = spawn(process.execPath, [join(__dirname, '..', 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
	const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
	const publishes: PublishDiagnosticsParams[] = [];
	const waiters: { version: number; match: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
	connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
		if (p.uri !== uri) return;
		publishes.push(p);
		for (const w of waiters.splice(0)) {
			if (w.version === p.version && w.match(p)) w.resolve(p);
			else waiters.push(w);
		}
	});
	connection.onRequest(() => null);
	connection.listen();
	return {
		connection,
		published: (version, match = () => true) => {
			const seen = publishes.find((p) => p.version === version && match(p));
			return seen ? Promise.resolve(seen) : new Promise((resolve) => waiters.push({ version, match, resolve }));
		},
		async stop() {
			const exited = new Promise((resolve) => child.once('exit', resolve));
			await connection.sendRequest('shutdown');
			await connection.sendNotification('exit');
			await exited;
			connection.dispose();
		},
	};
}

async function timed<T>(run: () => Promise<T>): Promise<number> {
	const start = performance.now();
	await run();
	return performance.now() - start;
}

async function serverFigures() {
	const server = startServer();
	const { connection } = server;
	await connection.sendRequest('initialize', {
		processId: process.pid,
		rootUri: null,
		workspaceFolders: null,
		capabilities: { window: { workDoneProgress: true } },
	});
	await connection.sendNotification('initialized', {});
	const symbols = () => connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
	const list = () => connection.sendRequest('tickets/list', { uri });
	const stats = () => connection.sendRequest<ServerStats>('tickets/serverStats');

	const opened = performance.now();
	// The dump's own findings come first; the publish with its duplicates after (features/diagnostics.ts).
	let firstDiagnosticsMs = 0;
	void server.published(1).then(() => (firstDiagnosticsMs = performance.now() - opened));
	const whole = server.published(1, (p) => p.diagnostics.some((d) => d.code === 'near-duplicate' || d.code === 'duplicate-ticket'));
	// The workspace index takes the dump in after its diagnostics (they go first); idle means after both.
	const indexed = new Promise<void>((resolve) => connection.onNotification('tickets/didChange', (p: { uris: string[] }) => p.uris.includes(uri) && resolve()));
	await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
	const symbolsAtOpenMs = await timed(symbols);
	const listAtOpenMs = await timed(list);
	await whole;
	const wholeDiagnosticsMs = performance.now() - opened;
	await indexed;
	// Idle: requests answered back to back once the first check and the index are done.
	const symbolsIdleMs = median([await timed(symbols), await timed(symbols), await timed(symbols)]);
	const listIdleMs = median([await timed(list), await timed(list), await timed(list)]);
	const memory = (await stats()).memory;

	const edit = performance.now();
	const change = { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: ' ' };
	const second = server.published(2);
	await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [change] });
	await second;
	const editToDiagnosticsMs = performance.now() - edit;
	await server.stop();
	return {
		symbolsAtOpenMs,
		listAtOpenMs,
		firstDiagnosticsMs,
		wholeDiagnosticsMs,
		symbolsIdleMs,
		listIdleMs,
		editToDiagnosticsMs,
		rssMB: memory.rss / 2 ** 20,
		heapUsedMB: memory.heapUsed / 2 ** 20,
	};
}

async function main(): Promise<void> {
	const service = serviceFigures();
	const server = await serverFigures();
	const row = { corpus: `${megabytes}MB`, bytes, tickets, ...service, ...server };
	console.log(`\nScale: a ${(bytes / 2 ** 20).toFixed(0)} MB dump of ${tickets} tickets (median ms)`);
	console.log('service: Outline+folding  full validation  after 1-char edit');
	console.log(`         ${ms(row.outlineMs).padStart(15)}  ${ms(row.fullValidationMs).padStart(15)}  ${ms(row.editValidationMs).padStart(17)}`);
	console.log('server:  symbols at open  tree at open  first diagnostics  with duplicates  symbols idle  tree idle  edit→diagnostics  RSS MB  heap MB');
	console.log(
		`         ${ms(row.symbolsAtOpenMs).padStart(15)}  ${ms(row.listAtOpenMs).padStart(12)}  ${ms(row.firstDiagnosticsMs).padStart(17)}  ${ms(row.wholeDiagnosticsMs).padStart(15)}  ${ms(row.symbolsIdleMs).padStart(12)}  ${ms(row.listIdleMs).padStart(9)}  ${ms(row.editToDiagnosticsMs).padStart(16)}  ${row.rssMB.toFixed(0).padStart(6)}  ${row.heapUsedMB.toFixed(0).padStart(7)}`,
	);
	if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ scale: row }, null, 2));
}

void main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
