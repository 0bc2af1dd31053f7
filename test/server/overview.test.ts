/**
 * `tickets/overview` through the server process: over a folder none of whose dumps is open, the
 * figures are `tickets stats --json`'s for the same folder (products, categories, root causes,
 * findings per rule, unanswered tickets), and an open dump counts with its unsaved text.
 */
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OverviewResult } from '../../common/protocol';
import { realDump, runCli } from '../cli/runCli';
import { fileUri, startServer, type TestClient } from './lspClient';

describe('overview (server process)', function () {
	this.timeout(30000);
	let root: string;
	let client: TestClient;

	before(async () => {
		root = mkdtempSync(join(tmpdir(), 'tickets-overview-'));
		copyFileSync(realDump, join(root, 'real.txt'));
		copyFileSync(join(__dirname, '..', 'fixtures', 'cli', 'clean.md'), join(root, 'clean.md'));
		client = await startServer({ folders: [root] });
		await client.indexed();
	});

	after(async () => {
		await client?.stop();
		rmSync(root, { recursive: true, force: true });
	});

	it('gives the figures tickets stats --json gives for the same folder, with no dump open', async () => {
		const { data, strings } = await client.connection.sendRequest<OverviewResult>('tickets/overview');
		const stats = JSON.parse(runCli(['stats', '--json', '.'], { cwd: root }).stdout);
		assert.equal(data.tickets, stats.tickets);
		assert.equal(data.dumps, stats.dumps);
		assert.deepEqual(data.products, stats.products);
		assert.deepEqual(data.categories, stats.categories);
		assert.deepEqual(data.rootCauses, stats.rootCauses);
		assert.deepEqual(
			data.findings.map((f) => ({ code: f.code, count: f.count })),
			stats.findings,
		);
		assert.deepEqual(
			data.withoutStaffAnswers.map((t) => [data.files[t.file].name, t.line + 1, t.title]),
			stats.withoutStaffAnswers.map((t: { file: string; line: number; title: string }) => [t.file, t.line, t.title]),
		);
		assert.deepEqual(data.files.map((f) => f.name).sort(), ['clean.md', 'real.txt']);
		assert.equal(strings.products, 'Tickets per product');
	});

	it('shows given × suggested root cause as `tickets labels` has it, with the tickets of each cell', async () => {
		const { data, strings } = await client.connection.sendRequest<OverviewResult>('tickets/overview');
		const labels = JSON.parse(runCli(['labels', '--format', 'json', '.'], { cwd: root }).stdout) as {
			givenBySuggested: { given: string; suggested: string; count: number }[];
		};
		const cells = (data.givenBySuggested ?? []).map((c) => `${c.given} → ${c.suggested}: ${c.tickets.length}`).sort();
		assert.ok(cells.length > 3, cells.join('\n'));
		assert.deepEqual(cells, labels.givenBySuggested.map((c) => `${c.given} → ${c.suggested}: ${c.count}`).sort());
		const certificates = data.givenBySuggested!.flatMap((c) => (c.given === 'SSL/TLS证书配置问题' ? c.tickets : []));
		assert.ok(certificates.some((t) => t.title === '开发票' && t.uri === fileUri(join(root, 'real.txt'))));
		assert.equal(strings.givenBySuggested, 'Given × suggested root cause (label review)');
	});

	it("counts an open dump's unsaved text", async () => {
		const text = readFileSync(join(root, 'clean.md'), 'utf8').replace('CDN｜证书问题', '新产品｜证书问题');
		await client.connection.sendNotification('textDocument/didOpen', {
			textDocument: { uri: fileUri(join(root, 'clean.md')), languageId: 'markdown', version: 2, text },
		});
		const { data } = await client.connection.sendRequest<OverviewResult>('tickets/overview');
		assert.deepEqual(
			data.products.find((p) => p.name === '新产品'),
			{ name: '新产品', tickets: 1 },
		);
	});
});
