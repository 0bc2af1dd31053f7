/**
 * Similar-ticket search at scale: workspaces of 1k, 10k and 100k tickets generated from the real
 * dump (perturbed copies, 114 tickets per file), indexed by the real server (`node dist/server.js
 * --stdio`) and queried through the LSP request, next to the libraries on the same tickets.
 *
 * Per size: the index build time (initialize to the end of the `Indexing tickets` progress), the
 * server's memory (resident, and its peak), and `tickets/similar` latency (median, p95) for queries
 * by ticket (the ticket under the cursor of an open dump) and by typed text. The libraries are
 * built in a child process each, from the same tickets, and queried with the same tickets' title and
 * description (their whole text is too slow a query for them at scale); our own index is run the
 * same way too ("ticket-curator, in-process"), so that its memory and speed compare like with like
 * (the server's figures include everything else the server keeps: open documents, diagnostics,
 * the duplicate index).
 *
 *   tsx bench/similar.ts [--sizes 1k,10k,100k] [--queries 200] [--no-peers] [--json out.json]
 * (`npm run build` first: the server is dist/server.js.)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServerStats, TicketTreeResult } from '../common/protocol';
import { startServer } from '../test/server/lspClient';
import { random, writeWorkspace, type Workspace } from './corpus';
import { median, ms, percentile } from './stats';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
	const at = args.indexOf(`--${name}`);
	return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};

interface OursResult {
	readonly buildMs: number;
	readonly progressReports: number;
	readonly rssMB: number;
	readonly peakRssMB: number;
	readonly ticketQuery: { medianMs: number; p95Ms: number };
	readonly textQuery: { medianMs: number; p95Ms: number };
}

function memoryOf(pid: number): { rss: number; peak: number } {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
	return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

async function measureOurs(ws: Workspace, queries: number): Promise<OursResult> {
	const started = performance.now();
	const client = await startServer({ folders: [ws.dir] });
	try {
		await client.indexed();
		const buildMs = performance.now() - started;
		const progressReports = client.notifications.filter(
			(n) => n.method === '$/progress' && (n.params as { value: { kind: string } }).value.kind === 'report',
		).length;
		// Queries from the dumps a curator has open: the first files, opened in the server.
		const open = ws.files.slice(0, 16);
		for (const f of open) {
			const uri = pathToFileURL(f.path).href;
			await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: f.text } });
		}
		// Opening validates each dump, and the duplicate prints of the workspace go on after the index
		// is read: queries are timed once that work is done (the server at rest, as a curator meets it).
		for (const f of open) {
			const uri = pathToFileURL(f.path).href;
			await client.waitFor<{ uri: string }>('textDocument/publishDiagnostics', (p) => p.uri === uri);
		}
		await client.duplicatesFound();
		// The duplicate prints done, the open dumps are checked again against the whole workspace.
		for (;;) {
			const seen = client.notifications.length;
			const { diagnostics: d } = await client.connection.sendRequest<ServerStats>('tickets/serverStats');
			if (d.scheduled === d.published + d.superseded + d.cancelled + d.failed) break;
			await client.waitFor('textDocument/publishDiagnostics', (p) => client.notifications.findIndex((n) => n.params === p) >= seen);
		}
		// And the Tickets view's problem counts: every closed dump is checked once the index is built.
		const seenChanges = new Set<unknown>();
		while ((await client.connection.sendRequest<TicketTreeResult>('tickets/tree', { grouping: 'file' })).indexing) {
			seenChanges.add(await client.waitFor('tickets/didChange', (p) => !seenChanges.has(p)));
		}
		const rand = random(7);
		const ticketTimes: number[] = [];
		for (let i = 0; i < queries; i++) {
			const f = open[Math.floor(rand() * open.length)];
			const line = f.titleLines[Math.floor(rand() * f.titleLines.length)];
			const t = performance.now();
			const result = await client.connection.sendRequest<unknown[]>('tickets/similar', {
				uri: pathToFileURL(f.path).href,
				position: { line: line + 2, character: 0 },
				limit: 20,
			});
			ticketTimes.push(performance.now() - t);
			if (!result.length) throw new Error('a query by ticket found nothing');
		}
		const words = ['证书', 'CDN 回源', '上传文件失败', '发票', '域名 处理中', 'uploadId', '短信 模板', '摄像头 离线', '账号注销', 'https 降级'];
		const textTimes: number[] = [];
		for (let i = 0; i < queries; i++) {
			const t = performance.now();
			await client.connection.sendRequest('tickets/similar', { text: words[i % words.length], limit: 20 });
			textTimes.push(performance.now() - t);
		}
		const memory = memoryOf(client.process.pid!);
		return {
			buildMs,
			progressReports,
			rssMB: memory.rss,
			peakRssMB: memory.peak,
			ticketQuery: { medianMs: median(ticketTimes), p95Ms: percentile(ticketTimes, 95) },
			textQuery: { medianMs: median(textTimes), p95Ms: percentile(textTimes, 95) },
		};
	} finally {
		await client.stop();
	}
}

interface PeerResult {
	readonly name: string;
	readonly buildMs: number;
	readonly rssMB: number;
	readonly query: { medianMs: number; p95Ms: number };
}

/** Runs one library in a child process (its memory is its own), over the workspace's files. */
function measurePeer(name: string, ws: Workspace, queries: number): PeerResult | { name: string; error: string } {
	const run = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'similarPeer.ts'), name, ws.dir, String(queries)], {
		encoding: 'utf8',
		maxBuffer: 16 * 2 ** 20,
	});
	const line = run.stdout.trim().split('\n').pop() ?? '';
	try {
		return JSON.parse(line) as PeerResult;
	} catch {
		return { name, error: (run.stderr || run.stdout || `exit ${run.status}`).trim().split('\n').slice(-3).join(' ') };
	}
}

async function main(): Promise<void> {
	const sizes = arg('sizes', '1k,10k,100k')
		.split(',')
		.map((s) => Math.round(parseFloat(s) * (s.endsWith('k') ? 1000 : 1)));
	const queries = Number(arg('queries', '200'));
	const root = mkdtempSync(join(tmpdir(), 'tickets-similar-bench-'));
	const results = [];
	try {
		for (const size of sizes) {
			const ws = writeWorkspace(join(root, `ws-${size}`), size);
			console.log(`\n${size} tickets in ${ws.files.length} files (${(ws.bytes / 2 ** 20).toFixed(1)} MB)`);
			const ours = await measureOurs(ws, queries);
			console.log(
				`  ticket-curator server: build ${ms(ours.buildMs)} ms (${ours.progressReports} progress reports), memory ${ours.rssMB.toFixed(0)} MB (peak ${ours.peakRssMB.toFixed(0)} MB), ` +
					`tickets/similar by ticket median ${ms(ours.ticketQuery.medianMs)} ms p95 ${ms(ours.ticketQuery.p95Ms)} ms, by text median ${ms(ours.textQuery.medianMs)} ms p95 ${ms(ours.textQuery.p95Ms)} ms`,
			);
			const peers = args.includes('--no-peers')
				? []
				: ['ticket-curator', 'wink-bm25-text-search', 'minisearch'].map((name) => measurePeer(name, ws, Math.min(queries, size >= 50_000 ? 30 : 100)));
			for (const p of peers) {
				if ('error' in p) console.log(`  ${p.name}: failed: ${p.error}`);
				else
					console.log(
						`  ${p.name}, in-process: build ${ms(p.buildMs)} ms, memory ${p.rssMB.toFixed(0)} MB, query median ${ms(p.query.medianMs)} ms p95 ${ms(p.query.p95Ms)} ms`,
					);
			}
			results.push({ tickets: size, files: ws.files.length, megabytes: ws.bytes / 2 ** 20, ours, peers });
			rmSync(ws.dir, { recursive: true, force: true });
		}
	} finally {
		rmSync(root, { recursive: true, force: true });
	}

	console.log(
		'\nSimilar tickets at scale (server: through LSP, queries by ticket, peak memory of the whole server; in-process: the index alone, queries by title + description)',
	);
	console.log('tickets   engine                              build ms   memory MB   query median ms   query p95 ms');
	for (const r of results) {
		const row = (engine: string, build: number, mem: number, med: number, p95: number) =>
			console.log(
				`${String(r.tickets).padEnd(9)} ${engine.padEnd(35)} ${ms(build).padStart(8)}   ${mem.toFixed(0).padStart(9)}   ${ms(med).padStart(15)}   ${ms(p95).padStart(12)}`,
			);
		row('ticket-curator server', r.ours.buildMs, r.ours.peakRssMB, r.ours.ticketQuery.medianMs, r.ours.ticketQuery.p95Ms);
		for (const p of r.peers) if (!('error' in p)) row(`${p.name}, in-process`, p.buildMs, p.rssMB, p.query.medianMs, p.query.p95Ms);
	}
	const jsonAt = args.indexOf('--json');
	if (jsonAt >= 0 && args[jsonAt + 1]) writeFileSync(args[jsonAt + 1], `${JSON.stringify({ similarScale: results }, null, 2)}\n`);
}

void main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
