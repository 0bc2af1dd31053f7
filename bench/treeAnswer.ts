/**
 * The Tickets view's first answer at scale: a generated workspace of 114,000 tickets (1,000 dumps)
 * in the server process; once indexed, the time and bytes of `tickets/tree`'s top level (what the
 * view asks first) next to `tickets/list` (every ticket's summary, what it asked before), then a
 * product's children. Targets: under 100 ms and under 1 MB. Prints a table; `--json FILE` writes
 * the figures.
 *   tsx bench/treeAnswer.ts [--tickets 114000] [--json out.json]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TicketListResult, TicketTreeResult } from '../common/protocol';
import { startServer, timed } from '../test/server/lspClient';
import { writeWorkspace } from './corpus';
import { median, ms } from './stats';

const args = process.argv.slice(2);
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
const tickets = args.includes('--tickets') ? Number(args[args.indexOf('--tickets') + 1]) : 114_000;
const runs = 5;

async function measure<T>(request: () => Promise<T>): Promise<{ ms: number; bytes: number; answer: T }> {
	const times: number[] = [];
	let answer!: T;
	for (let i = 0; i < runs; i++) {
		const [value, elapsed] = await timed(request);
		times.push(elapsed);
		answer = value;
	}
	return { ms: median(times), bytes: Buffer.byteLength(JSON.stringify(answer)), answer };
}

async function main(): Promise<void> {
	const dir = mkdtempSync(join(tmpdir(), 'tickets-tree-bench-'));
	try {
		const workspace = writeWorkspace(dir, tickets, 0);
		const client = await startServer({ folders: [dir] });
		try {
			await client.indexed();
			const top = await measure(() => client.connection.sendRequest<TicketTreeResult>('tickets/tree', { grouping: 'category' }));
			const first = top.answer.nodes[0];
			const children = await measure(() => client.connection.sendRequest<TicketTreeResult>('tickets/tree', { grouping: 'category', parent: first.id }));
			const list = await measure(() => client.connection.sendRequest<TicketListResult>('tickets/list', {}));
			const figures = {
				tickets: workspace.tickets,
				files: workspace.files.length,
				treeFirstAnswerMs: top.ms,
				treeFirstAnswerBytes: top.bytes,
				treeChildrenMs: children.ms,
				treeChildrenBytes: children.bytes,
				listAllMs: list.ms,
				listAllBytes: list.bytes,
			};
			const mb = (b: number) => `${(b / 1024 / 1024).toFixed(2)} MB`;
			console.log(`\nTickets tree, ${workspace.tickets} tickets in ${workspace.files.length} dumps (median of ${runs}, once indexed)`);
			console.log(`  tickets/tree top level      ${ms(top.ms).padStart(8)} ms  ${mb(top.bytes)}  (target < 100 ms, < 1 MB)`);
			console.log(`  tickets/tree a product      ${ms(children.ms).padStart(8)} ms  ${mb(children.bytes)}`);
			console.log(`  tickets/list every ticket   ${ms(list.ms).padStart(8)} ms  ${mb(list.bytes)}  (before)`);
			if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ treeAnswer: figures }, null, 2));
		} finally {
			await client.stop();
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

void main().catch((e) => {
	console.error(e);
	process.exitCode = 1;
});
