/**
 * `tickets/tree` through the server process: the first answer holds the top groups and their counts
 * only (no ticket), a group's children come when asked, and every node counts the errors and warnings
 * of dumps that are not open, as `tickets check --format json` reports them; the problem and kind
 * filters keep only the tickets with such findings.
 */
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TicketsDidChangeParams, TicketTreeParams, TicketTreeResult, TreeGroupData, TreeTicketData } from '../../common/protocol';
import { realDump, runCli } from '../cli/runCli';
import { fileUri, startServer, type TestClient } from './lspClient';

interface CheckJson {
	files: { file: string; findings: { severity: string; code: string; line: number }[] }[];
}

describe('Tickets tree (server process)', function () {
	this.timeout(30000);
	let root: string;
	let client: TestClient;
	const tree = (params: TicketTreeParams) => client.connection.sendRequest<TicketTreeResult>('tickets/tree', params);
	let check: CheckJson;

	before(async () => {
		root = mkdtempSync(join(tmpdir(), 'tickets-tree-'));
		copyFileSync(realDump, join(root, 'real.txt'));
		copyFileSync(join(__dirname, '..', 'fixtures', 'cli', 'clean.md'), join(root, 'clean.md'));
		client = await startServer({ folders: [root] });
		await client.indexed();
		const realUri = fileUri(join(root, 'real.txt'));
		await client.waitFor<TicketsDidChangeParams>('tickets/didChange', (p) => !p.indexing && p.uris.includes(realUri));
		check = JSON.parse(runCli(['check', '--format', 'json', '--exit-zero', '.'], { cwd: root }).stdout);
	});

	after(async () => {
		await client?.stop();
		rmSync(root, { recursive: true, force: true });
	});

	const all = () => check.files.flatMap((f) => f.findings);
	const count = (severity: string) => all().filter((f) => f.severity === severity).length;

	it('answers the top level with counts and no ticket, and the totals of tickets check', async () => {
		const top = await tree({ grouping: 'category' });
		assert.ok(top.nodes.every((n) => n.kind === 'group'));
		assert.deepEqual(
			top.nodes.slice(0, 2).map((n) => [n.name, (n as TreeGroupData).count]),
			[
				['CDN', 55],
				['对象存储', 30],
			],
		);
		assert.equal(top.total, 116);
		assert.equal(top.shown, 116);
		assert.equal(top.indexing, false);
		assert.equal(top.totals.errors, count('error'));
		assert.equal(top.totals.warnings, count('warning'));
		assert.equal(top.totals.leaks, all().filter((f) => /^(pii|secret|redaction)/.test(f.code)).length);
		assert.ok(JSON.stringify(top).length < 5000, 'a few KB');
	});

	it("gives a group's children when asked, each with its tickets' errors and warnings", async () => {
		const byFile = await tree({ grouping: 'file' });
		const real = byFile.nodes.find((n) => n.kind === 'group' && n.name === 'real.txt') as TreeGroupData;
		const realFindings = check.files.find((f) => f.file === 'real.txt')!.findings;
		assert.deepEqual(
			[real.errors, real.warnings],
			[realFindings.filter((f) => f.severity === 'error').length, realFindings.filter((f) => f.severity === 'warning').length],
		);
		const tickets = (await tree({ grouping: 'file', parent: real.id })).nodes as TreeTicketData[];
		assert.equal(tickets.length, 114);
		assert.deepEqual(
			tickets.map((t) => t.ticket.ordinal),
			Array.from({ length: 114 }, (_, i) => i),
		);
		assert.equal(
			tickets.reduce((n, t) => n + t.warnings, 0),
			// Header findings (before the first ticket) count for the file only.
			realFindings.filter((f) => f.severity === 'warning' && f.line >= tickets[0].ticket.range.start.line + 1).length,
		);
		const cdn = (await tree({ grouping: 'category' })).nodes[0] as TreeGroupData;
		const subs = (await tree({ grouping: 'category', parent: cdn.id })).nodes as TreeGroupData[];
		assert.equal(
			subs.reduce((n, s) => n + s.count, 0),
			55,
		);
		assert.equal(
			subs.reduce((n, s) => n + s.warnings, 0),
			cdn.warnings,
		);
	});

	it('keeps only tickets with problems, or with findings of a kind', async () => {
		const problems = await tree({ grouping: 'file', problemsOnly: true });
		const leaks = await tree({ grouping: 'file', kinds: ['leaks'] });
		const duplicates = await tree({ grouping: 'file', kinds: ['duplicates'] });
		assert.ok(problems.shown > 0 && problems.shown < 116, String(problems.shown));
		const leakTickets = (await tree({ grouping: 'file', kinds: ['leaks'], parent: leaks.nodes[0].id })).nodes as TreeTicketData[];
		const leakLines = new Set(
			all()
				.filter((f) => /^(pii|secret|redaction)/.test(f.code))
				.map((f) => f.line - 1),
		);
		// Every ticket shown has a leak finding within its lines.
		for (const t of leakTickets)
			assert.ok(
				[...leakLines].some((l) => l >= t.ticket.range.start.line && l <= t.ticket.range.end.line),
				t.ticket.title,
			);
		assert.ok(leakTickets.length > 0);
		assert.equal(duplicates.shown, 8, "the real dump's 8 tickets with a shared title");
		const clean = await tree({ grouping: 'file', filter: 'clean.md', problemsOnly: true });
		assert.equal(clean.shown, 0);
	});

	it('groups the label suspects as `tickets labels` lists them, and only those tickets', async () => {
		// `tickets labels` lists a row per suspected label (at its line); on these dumps each is of another ticket.
		const { suspects } = JSON.parse(runCli(['labels', '--format', 'json', '.'], { cwd: root }).stdout) as { suspects: { file: string; line: number }[] };
		const suspectTickets = new Set(suspects.map((r) => `${r.file}:${r.line}`));
		assert.ok(suspectTickets.size > 30, `${suspectTickets.size} suspect tickets`);
		const top = await tree({ grouping: 'labelSuspects' });
		assert.equal(top.shown, suspectTickets.size);
		assert.ok(top.nodes.every((n) => n.kind === 'group' && n.level === 'suspect' && n.name.includes(' → ')));
		assert.equal(
			top.nodes.reduce((sum, n) => sum + (n as TreeGroupData).count, 0),
			suspectTickets.size,
		);
		const first = await tree({ grouping: 'labelSuspects', parent: (top.nodes[0] as TreeGroupData).id });
		assert.equal(first.nodes.length, (top.nodes[0] as TreeGroupData).count);
		assert.ok(first.nodes.every((n) => n.kind === 'ticket'));
	});
});
