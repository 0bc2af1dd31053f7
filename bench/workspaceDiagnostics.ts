/**
 * Workspace diagnostics: a generated workspace of dumps (114 tickets each, bench/corpus.ts), none
 * open, pulled by a client as VS Code pulls them (`workspace/diagnostic` with partial results) from
 * the server process. Prints a table; `--json FILE` also writes the figures.
 *   tsx bench/workspaceDiagnostics.ts [--files 1000] [--json out.json]
 * - time from `initialized` to the first and to the last report (the server indexes the workspace,
 *   prints its duplicates, then reads and checks every file again);
 * - a second pull with the result ids (every file unchanged);
 * - `tickets/serverStats` asked every 100 ms meanwhile: how long a trivial request waits;
 * - the server's peak memory (VmHWM of /proc, Linux; else the largest RSS the requests saw). Target: under 1 GB.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { WorkspaceDiagnosticRequest, type WorkspaceDiagnosticReport, type WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import type { ServerStats } from '../common/protocol';
import { ticketsPerFile, writeWorkspace } from './corpus';
import { median, ms, percentile } from './stats';

const args = process.argv.slice(2);
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
const files = args.includes('--files') ? Number(args[args.indexOf('--files') + 1]) : 1000;

/** The peak resident memory of a process, from /proc (Linux); undefined elsewhere. */
function peakRss(pid: number): number | undefined {
	try {
		const line = readFileSync(`/proc/${pid}/status`, 'utf8')
			.split('\n')
			.find((l) => l.startsWith('VmHWM:'));
		return line ? Number(line.replace(/\D+/g, '')) * 1024 : undefined;
	} catch {
		return undefined;
	}
}

async function main(): Promise<void> {
	const dir = mkdtempSync(join(tmpdir(), 'tickets-bench-wsdiag-'));
	const workspace = writeWorkspace(dir, files * ticketsPerFile, 0);
	const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
	const child = spawn(process.execPath, [...nodeArgs, join(__dirname, '..', 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
	const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
	connection.onRequest(() => null);
	connection.listen();
	const folder = pathToFileURL(dir).href;
	await connection.sendRequest('initialize', {
		processId: process.pid,
		rootUri: folder,
		workspaceFolders: [{ uri: folder, name: 'bench' }],
		capabilities: { window: { workDoneProgress: true }, workspace: { diagnostics: { refreshSupport: true } }, textDocument: { diagnostic: {} } },
	});
	const started = performance.now();
	await connection.sendNotification('initialized', {});

	const pull = async (previous: Map<string, string>, token: string) => {
		const reports: WorkspaceDocumentDiagnosticReport[] = [];
		let firstMs: number | undefined;
		const begin = performance.now();
		const listening = connection.onProgress(WorkspaceDiagnosticRequest.partialResult, token, (p) => {
			firstMs ??= performance.now() - begin;
			reports.push(...p.items);
		});
		const final = await connection.sendRequest<WorkspaceDiagnosticReport>('workspace/diagnostic', {
			previousResultIds: [...previous].map(([uri, value]) => ({ uri, value })),
			partialResultToken: token,
		});
		listening.dispose();
		reports.push(...final.items);
		return { reports, firstMs: firstMs ?? performance.now() - begin, lastMs: performance.now() - begin };
	};

	// A trivial request every 100 ms while the pass runs: how long it waits, and the memory it reports.
	const latencies: number[] = [];
	let maxRss = 0;
	let polling = true;
	const poll = (async () => {
		while (polling) {
			const t = performance.now();
			const stats = await connection.sendRequest<ServerStats>('tickets/serverStats');
			latencies.push(performance.now() - t);
			if (process.env.BENCH_TRACE && performance.now() - t > 200) console.log(`slow request at ${ms(t - started)} ms: ${ms(performance.now() - t)} ms`);
			maxRss = Math.max(maxRss, stats.memory.rss);
			if (process.env.BENCH_TRACE && latencies.length % 20 === 0) {
				const mb = (n: number) => (n / 2 ** 20).toFixed(0);
				console.log(
					`${ms(t - started)} ms: rss ${mb(stats.memory.rss)} heap ${mb(stats.memory.heapUsed)}/${mb(stats.memory.heapTotal)} external ${mb(stats.memory.external)} MB`,
				);
			}
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	})();

	const first = await pull(new Map(), 'first');
	const lastReportMs = performance.now() - started;
	polling = false;
	await poll;
	const findings = first.reports.reduce((n, r) => n + (r.kind === 'full' ? r.items.length : 0), 0);
	const again = await pull(new Map(first.reports.map((r) => [r.uri, r.resultId!])), 'again');
	const unchanged = again.reports.filter((r) => r.kind === 'unchanged').length;
	const peak = peakRss(child.pid!) ?? maxRss;

	const exited = new Promise((resolve) => child.once('exit', resolve));
	await connection.sendRequest('shutdown');
	await connection.sendNotification('exit');
	await exited;
	connection.dispose();
	rmSync(dir, { recursive: true, force: true });

	const row = {
		files: workspace.files.length,
		tickets: workspace.tickets,
		bytes: workspace.bytes,
		reported: first.reports.length,
		findings,
		firstReportMs: lastReportMs - first.lastMs + first.firstMs,
		lastReportMs,
		unchangedPullMs: again.lastMs,
		unchanged,
		requestMedianMs: median(latencies),
		requestP95Ms: percentile(latencies, 95),
		requestMaxMs: Math.max(...latencies),
		peakRssMB: peak / 2 ** 20,
	};
	console.log(`\nWorkspace diagnostics: ${row.files} dumps, ${row.tickets} tickets (${(row.bytes / 2 ** 20).toFixed(0)} MB), none open, pulled`);
	console.log('reported  findings  first report  last report  again (unchanged)  request median/p95/max  peak RSS MB');
	console.log(
		`${String(row.reported).padStart(8)}  ${String(row.findings).padStart(8)}  ${ms(row.firstReportMs).padStart(12)}  ${ms(row.lastReportMs).padStart(11)}  ${`${ms(row.unchangedPullMs)} (${row.unchanged})`.padStart(17)}  ${`${ms(row.requestMedianMs)}/${ms(row.requestP95Ms)}/${ms(row.requestMaxMs)}`.padStart(22)}  ${row.peakRssMB.toFixed(0).padStart(11)}`,
	);
	if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ workspaceDiagnostics: row }, null, 2));
}

void main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
