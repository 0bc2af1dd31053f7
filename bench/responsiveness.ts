/**
 * How long a trivial request waits behind background work while the server takes in a big dump:
 * a generated dump of N MB (perturbed real tickets) in a workspace folder, opened in the server
 * (`node dist/server.js --stdio`), then a cheap request (`tickets/serverStats`) sent again each time
 * the last one was answered, from the open until the dump's diagnostics are out and the
 * duplicate prints are done. Prints the waits' median, p99 and longest, and what the server was
 * doing around the longest (the notifications received just before it was answered).
 *   tsx bench/responsiveness.ts [--mb 30] [--same-title] [--json out.json]
 * `--same-title` gives every ticket one title (a dump of repeated titles). `npm run build` first.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServerStats } from '../common/protocol';
import { startServer } from '../test/server/lspClient';
import { generateDump } from './corpus';
import { median, ms, percentile } from './stats';

const args = process.argv.slice(2);
const megabytes = args.includes('--mb') ? Number(args[args.indexOf('--mb') + 1]) : 30;
const sameTitle = args.includes('--same-title');
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;

export interface ResponsivenessResult {
	readonly megabytes: number;
	readonly tickets: number;
	readonly sameTitle: boolean;
	/** From the open to the dump's diagnostics and the end of the duplicate prints. */
	readonly settleMs: number;
	readonly requests: number;
	readonly waitMedianMs: number;
	readonly waitP99Ms: number;
	readonly waitMaxMs: number;
	/** What arrived just before the longest wait ended. */
	readonly aroundLongest: string[];
	readonly diagnosticsBytes: number;
}

async function measure(): Promise<ResponsivenessResult> {
	let text = generateDump({ bytes: megabytes * 1024 * 1024, seed: 11 });
	if (sameTitle) text = text.replace(/^## .*$/gm, '## 咨询');
	const tickets = (text.match(/^## /gm) ?? []).length;
	const dir = mkdtempSync(join(tmpdir(), 'tc-responsive-'));
	const path = join(dir, 'big.md');
	writeFileSync(path, text);
	const uri = pathToFileURL(path).href;
	// SERVER_NODE_ARGS: options for the server's node (`--cpu-prof`, say), to see what a long wait was.
	const client = await startServer({ folders: [dir], nodeArgs: process.env.SERVER_NODE_ARGS?.split(' ') });
	try {
		await client.indexed();
		const started = performance.now();
		const published = client.waitFor<{ uri: string; diagnostics: unknown[] }>('textDocument/publishDiagnostics', (p) => p.uri === uri);
		await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
		let done = false;
		let diagnosticsBytes = 0;
		const settled = (async () => {
			const p = await published;
			diagnosticsBytes = Buffer.byteLength(JSON.stringify(p));
			await client.duplicatesFound();
			// Diagnostics are published again once the duplicate prints are done: wait for the server to be idle.
			for (;;) {
				const { diagnostics: d } = await client.connection.sendRequest<ServerStats>('tickets/serverStats');
				if (d.scheduled === d.published + d.superseded + d.cancelled + d.failed) break;
				const seen = client.notifications.length;
				await client.waitFor('textDocument/publishDiagnostics', (q) => client.notifications.findIndex((n) => n.params === q) >= seen);
			}
			done = true;
		})();
		const waits: number[] = [];
		let longest = { ms: 0, around: [] as string[] };
		while (!done) {
			const seen = client.notifications.length;
			const t = performance.now();
			await client.connection.sendRequest('tickets/serverStats');
			const wait = performance.now() - t;
			waits.push(wait);
			if (wait > longest.ms) {
				const around = client.notifications
					.slice(Math.max(seen - 2, 0))
					.map((n) => n.method + (n.method === '$/progress' ? ` ${JSON.stringify(n.params).slice(0, 120)}` : ''));
				longest = { ms: wait, around };
			}
		}
		await settled;
		return {
			megabytes,
			tickets,
			sameTitle,
			settleMs: performance.now() - started,
			requests: waits.length,
			waitMedianMs: median(waits),
			waitP99Ms: percentile(waits, 99),
			waitMaxMs: Math.max(...waits),
			aroundLongest: longest.around,
			diagnosticsBytes,
		};
	} finally {
		await client.stop();
		rmSync(dir, { recursive: true, force: true });
	}
}

void measure().then((r) => {
	console.log(
		`${r.megabytes} MB, ${r.tickets} tickets${r.sameTitle ? ', one title' : ''}: settled in ${ms(r.settleMs)} ms; ${r.requests} trivial requests waited median ${ms(r.waitMedianMs)} ms, p99 ${ms(r.waitP99Ms)} ms, longest ${ms(r.waitMaxMs)} ms; first diagnostics ${(r.diagnosticsBytes / 1024).toFixed(0)} KB`,
	);
	console.log(`  around the longest wait: ${r.aroundLongest.join(' | ') || '(nothing)'}`);
	if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ responsiveness: r }, null, 2));
});
