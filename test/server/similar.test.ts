/**
 * Similar tickets, workspace symbols and the title hover through the server process, answered from
 * the workspace index over a temporary workspace holding the real dump.
 */
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SimilarTicket } from '../../common/protocol';
import { fileUri, startServer, type TestClient } from './lspClient';

const dumpPath = join(__dirname, '..', 'fixtures', 'corpus', '000_8bbabfb939ae27d4.txt');
const dump = readFileSync(dumpPath, 'utf8');
const realTickets = dump.split(/^(?=## )/m).slice(1);
const titleLineOf = (text: string, title: string, nth = 0) =>
	text
		.split('\n')
		.map((l, i) => (l === `## ${title}` ? i : -1))
		.filter((i) => i >= 0)[nth];

describe('similar tickets, workspace symbols and hover (server process)', function () {
	this.timeout(30000);
	let root: string;
	let client: TestClient;
	const realUri = () => fileUri(join(root, 'real.txt'));
	const otherUri = () => fileUri(join(root, 'other.md'));
	const similar = (params: object) => client.connection.sendRequest<SimilarTicket[]>('tickets/similar', params);

	before(async () => {
		root = mkdtempSync(join(tmpdir(), 'tickets-similar-'));
		copyFileSync(dumpPath, join(root, 'real.txt'));
		// other.md: the first ticket again with its spacing changed (an exact copy), and with a new title (a near copy).
		const first = realTickets[0];
		const spaced = first.replace('但是每次返回的都是同一个', '但是每次返回的都是同一个 ');
		const retitled = first.replace(/^## .*$/m, '## 分片上传一直返回同一个uploadId');
		writeFileSync(join(root, 'other.md'), `# 技术支持工单数据 - Part 41\n\n本文档包含 2 个结构化技术支持问答记录\n\n---\n\n${spaced}${retitled}`);
		client = await startServer({ folders: [root] });
		await client.indexed();
	});

	after(async () => {
		await client?.stop();
		rmSync(root, { recursive: true, force: true });
	});

	it('ranks the tickets similar to the one under the cursor, saying why', async () => {
		const line = titleLineOf(dump, '免费 from 自动催单');
		const results = await similar({ uri: realUri(), position: { line: line + 5, character: 0 }, limit: 5 });
		assert.equal(results.length, 5);
		const reminders = results.slice(0, 3);
		for (const r of reminders) {
			assert.equal(r.title, '免费 from 自动催单');
			assert.equal(r.category, 'CDN｜证书问题');
			assert.notEqual(r.titleRange.start.line, line);
			assert.equal(r.range.start.line, r.titleRange.start.line);
			assert.ok(r.matchedTerms.length > 0);
		}
		assert.ok(results.every((r, i) => i === 0 || r.score <= results[i - 1].score));
	});

	it('leaves out exact copies of the query but keeps near ones', async () => {
		const results = await similar({
			uri: realUri(),
			position: { line: titleLineOf(dump, realTickets[0].slice(3, realTickets[0].indexOf('\n'))), character: 3 },
			limit: 5,
		});
		assert.equal(results[0].title, '分片上传一直返回同一个uploadId');
		assert.equal(results[0].uri, otherUri());
		assert.ok(!results.some((r) => r.uri === otherUri() && r.titleRange.start.line === 6), 'the exact copy was returned');
		assert.ok(!results.some((r) => r.uri === realUri() && r.titleRange.start.line === 6), 'the query ticket itself was returned');
	});

	it('filters by product and by file when asked', async () => {
		const position = { line: titleLineOf(dump, '账号注销'), character: 3 };
		const sameProduct = await similar({ uri: realUri(), position, limit: 10, sameProduct: true });
		assert.ok(sameProduct.length > 0);
		assert.ok(sameProduct.every((r) => r.category.startsWith('账户与财务')));
		const elsewhere = await similar({ uri: realUri(), position, limit: 10, excludeOwnFile: true });
		assert.ok(elsewhere.every((r) => r.uri === otherUri()));
	});

	it('answers typed words, and nothing outside a ticket', async () => {
		const results = await similar({ text: '发票', limit: 3 });
		assert.equal(results.length, 3);
		assert.ok(results.every((r) => r.matchedTerms.includes('发票')));
		assert.deepEqual(await similar({ uri: realUri(), position: { line: 0, character: 0 } }), []);
	});

	it('answers workspace symbols from the index: titles matched CJK-aware, the category as container', async () => {
		const symbols = await client.connection.sendRequest<
			{ name: string; containerName?: string; location: { uri: string; range: { start: { line: number } } } }[]
		>('workspace/symbol', { query: '注销账号' });
		const names = symbols.map((s) => s.name);
		assert.ok(names.includes('账号注销'), names.join());
		const account = symbols.find((s) => s.name === '账号注销')!;
		assert.equal(account.containerName, '账户与财务｜账户问题');
		assert.equal(account.location.uri, realUri());
		assert.equal(account.location.range.start.line, titleLineOf(dump, '账号注销'));
	});

	it('shows the three most similar tickets as links when hovering a title', async () => {
		const uri = realUri();
		await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: dump } });
		const line = titleLineOf(dump, '免费 from 自动催单');
		const hover = await client.connection.sendRequest<{ contents: { kind: string; value: string } } | null>('textDocument/hover', {
			textDocument: { uri },
			position: { line, character: 5 },
		});
		assert.ok(hover);
		assert.equal(hover.contents.kind, 'markdown');
		const links = [...hover.contents.value.matchAll(/\]\((file:[^)]+)#L(\d+)\)/g)];
		assert.equal(links.length, 3);
		for (const [, , l] of links) assert.equal(dump.split('\n')[Number(l) - 1], '## 免费 from 自动催单');
		const body = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: line + 4, character: 1 } });
		assert.equal(body, null);
	});
});
