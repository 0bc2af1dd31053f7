/**
 * Duplicates across a workspace through the server process: exact and near copies planted in
 * three files (and one file never opened) are reported on every copy, with related information
 * linking every other copy, and nothing else; deleting a copy updates the other files' findings.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeAction, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { applyEdits } from '../support/edits';
import { fileUri, startServer, type TestClient } from './lspClient';

const dump = readFileSync(join(__dirname, '..', 'fixtures', 'corpus', '000_8bbabfb939ae27d4.txt'), 'utf8');
const real = dump.split(/^(?=## )/m).slice(1);
const header = (n: number) => `# 技术支持工单数据 - Part 3\n\n本文档包含 ${n} 个结构化技术支持问答记录\n\n---\n\n`;
const smallDump = (tickets: string[]) => header(tickets.length) + tickets.join('');
/** Every 40th Chinese character changed: about 90% of the 5-shingles kept. */
const nearCopy = (text: string) => {
	let n = 0;
	return text.replace(/[\u4e00-\u9fff]/g, (c) => (++n % 40 === 0 ? '变' : c));
};
/** The same ticket spaced differently: an exact duplicate after normalisation. */
const respaced = (text: string) => text.replace(/，/g, '， ').replace(/\n\n/g, '\n\n\n');

/** `code file#ticket → related file#ticket…` for the duplicate findings of one publish. */
function summary(params: PublishDiagnosticsParams, ticketLines: Map<string, number[]>): string[] {
	const where = (uri: string, line: number) => `${uri.slice(uri.lastIndexOf('/') + 1)}#${ticketLines.get(uri)!.indexOf(line)}`;
	return params.diagnostics
		.filter((d) => d.code === 'duplicate-ticket' || d.code === 'near-duplicate')
		.map(
			(d) =>
				`${d.code} ${where(params.uri, d.range.start.line)} → ${d
					.relatedInformation!.map((r) => where(r.location.uri, r.location.range.start.line))
					.sort()
					.join(' ')}`,
		)
		.sort();
}

describe('duplicates across the workspace (server process)', function () {
	this.timeout(30000);
	let root: string;
	let client: TestClient;
	const files: Record<string, string> = {};
	const uri = (name: string) => fileUri(join(root, name));
	const ticketLines = new Map<string, number[]>();
	const linesOf = (text: string) => text.split('\n').flatMap((l, i) => (l.startsWith('## ') ? [i] : []));

	const published = (name: string, expected: string[]) =>
		client.waitFor<PublishDiagnosticsParams>(
			'textDocument/publishDiagnostics',
			(p) => p.uri === uri(name) && JSON.stringify(summary(p, ticketLines)) === JSON.stringify(expected),
		);

	before(async () => {
		root = mkdtempSync(join(tmpdir(), 'tickets-duplicates-'));
		files['a.md'] = smallDump([real[0], real[5], real[40], real[15]]);
		files['b.md'] = smallDump([respaced(real[5]), nearCopy(real[40]), real[80]]);
		files['c.txt'] = smallDump([real[90], real[5], real[103]]);
		files['d.md'] = smallDump([real[100], real[0]]);
		for (const [name, text] of Object.entries(files)) {
			writeFileSync(join(root, name), text);
			ticketLines.set(uri(name), linesOf(text));
		}
		client = await startServer({ folders: [root] });
		await client.indexed();
		// d.md stays closed: its copy is found through the workspace index.
		for (const name of ['a.md', 'b.md', 'c.txt']) {
			await client.connection.sendNotification('textDocument/didOpen', {
				textDocument: { uri: uri(name), languageId: 'markdown', version: 1, text: files[name] },
			});
		}
	});

	after(async () => {
		await client?.stop();
		rmSync(root, { recursive: true, force: true });
	});

	it('reports every planted copy, linking every other copy, open or not, and nothing else', async () => {
		// Tickets 16 and 104 of the real dump (both 账号注销, a.md#3 and c.txt#2) share a canned answer but are no duplicates.
		await published('a.md', ['duplicate-ticket a.md#0 → d.md#1', 'duplicate-ticket a.md#1 → b.md#0 c.txt#1', 'near-duplicate a.md#2 → b.md#1']);
		await published('b.md', ['duplicate-ticket b.md#0 → a.md#1 c.txt#1', 'near-duplicate b.md#1 → a.md#2']);
		await published('c.txt', ['duplicate-ticket c.txt#1 → a.md#1 b.md#0']);
	});

	it('keeps the first copy: only the others offer the delete fix, which removes the ticket with its separator', async () => {
		const actionsAt = (name: string, ordinal: number) =>
			client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
				textDocument: { uri: uri(name) },
				range: { start: { line: ticketLines.get(uri(name))![ordinal], character: 3 }, end: { line: ticketLines.get(uri(name))![ordinal], character: 3 } },
				context: { diagnostics: [], only: ['quickfix'] },
			});
		const first = (await actionsAt('a.md', 1)).map((a) => a.title);
		assert.ok(!first.some((t) => /Delete/.test(t)), first.join(' | '));
		const [remove] = (await actionsAt('c.txt', 1)).filter((a) => /Delete this duplicate ticket/.test(a.title));
		assert.ok(remove, 'the copy in c.txt can be deleted');
		const edited = applyEdits(files['c.txt'], remove.edit!.changes![uri('c.txt')]);
		assert.equal(edited, smallDump([real[90], real[5], real[103]]).replace(real[5], ''));
		// The edit reaches the server like a user's: a.md and b.md then link only each other.
		ticketLines.set(uri('c.txt'), linesOf(edited));
		await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri('c.txt'), version: 2 }, contentChanges: [{ text: edited }] });
		await published('c.txt', []);
		await published('a.md', ['duplicate-ticket a.md#0 → d.md#1', 'duplicate-ticket a.md#1 → b.md#0', 'near-duplicate a.md#2 → b.md#1']);
		await published('b.md', ['duplicate-ticket b.md#0 → a.md#1', 'near-duplicate b.md#1 → a.md#2']);
	});
});
