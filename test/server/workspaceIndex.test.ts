/**
 * The workspace index through the server process: start-up indexing with progress, `tickets/list`,
 * and updates one file at a time from the file watcher and from open documents; and in the process,
 * how little an edit re-indexes.
 */
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TicketListResult, TicketsDidChangeParams } from '../../common/protocol';
import { createTicketService, runSteps } from '../../server/src/service/index';
import { WorkspaceIndex } from '../../server/src/workspace/workspaceIndex';
import { fileUri, startServer, type TestClient } from './lspClient';

const dumpPath = join(__dirname, '..', 'fixtures', 'corpus', '000_8bbabfb939ae27d4.txt');
const dump = readFileSync(dumpPath, 'utf8');
const realTickets = dump.split(/^(?=## )/m).slice(1);
const header = (n: number) => `# 技术支持工单数据 - Part 2\n\n本文档包含 ${n} 个结构化技术支持问答记录\n\n---\n\n`;
const smallDump = (tickets: string[]) => header(tickets.length) + tickets.join('');

describe('workspace index (server process)', function () {
	this.timeout(30000);
	let root: string;
	let client: TestClient;
	const realUri = () => fileUri(join(root, 'a', '000.txt'));
	const list = (uri?: string) => client.connection.sendRequest<TicketListResult>('tickets/list', uri ? { uri } : {});
	const changedAfter = (count: number, uri: string) =>
		client.waitFor<TicketsDidChangeParams>(
			'tickets/didChange',
			(p) => p.uris.includes(uri) && client.notifications.filter((n) => n.method === 'tickets/didChange').length > count,
		);
	const didChangeCount = () => client.notifications.filter((n) => n.method === 'tickets/didChange').length;

	before(async () => {
		root = mkdtempSync(join(tmpdir(), 'tickets-index-'));
		mkdirSync(join(root, 'a'));
		mkdirSync(join(root, 'b'));
		mkdirSync(join(root, 'node_modules', 'pkg'), { recursive: true });
		copyFileSync(dumpPath, join(root, 'a', '000.txt'));
		writeFileSync(join(root, 'b', 'part2.md'), smallDump(realTickets.slice(0, 10)));
		writeFileSync(join(root, 'node_modules', 'pkg', 'dump.md'), smallDump(realTickets.slice(0, 3)));
		writeFileSync(join(root, 'README.md'), '# Notes\n\nNot a dump.\n');
		writeFileSync(join(root, 'binary.md'), Buffer.from([0x23, 0x20, 0, 1, 2, 3]));
		// Links are not followed by the index (host/workspaceFiles.ts): neither these loops nor the link to a dump count.
		symlinkSync('..', join(root, 'a', 'up'));
		symlinkSync('.', join(root, 'b', 'self'));
		symlinkSync(join(root, 'a', '000.txt'), join(root, 'b', 'alias.txt'));
		client = await startServer({ folders: [root] });
		await client.indexed();
	});

	after(async () => {
		await client?.stop();
		rmSync(root, { recursive: true, force: true });
	});

	/** The values of the progress that began with `title`. */
	const progressOf = (title: string) => {
		const all = client.notifications
			.filter((n) => n.method === '$/progress')
			.map((n) => n.params as { token: unknown; value: { kind: string; title?: string; message?: string } });
		const begin = all.find((p) => p.value.kind === 'begin' && p.value.title === title);
		assert.ok(begin, `a progress "${title}" began`);
		return all.filter((p) => p.token === begin.token).map((p) => p.value);
	};

	it('reports progress as files counted out of the candidates', () => {
		const progress = progressOf('Indexing tickets');
		assert.equal(progress[0].kind, 'begin');
		const messages = progress.filter((v) => v.kind === 'report').map((v) => v.message);
		// README.md, a/000.txt, b/part2.md, binary.md: node_modules is excluded by the default setting, links are not followed.
		assert.equal(messages.at(-1), '4/4 files');
		assert.equal(progress.at(-1)!.kind, 'end');
	});

	it('reports the duplicate prints of the indexed dumps as a progress of their own, which ends', async () => {
		await client.duplicatesFound();
		const progress = progressOf('Finding duplicate tickets');
		assert.equal(progress[0].kind, 'begin');
		assert.equal(progress.at(-1)!.kind, 'end');
		assert.ok(progress.filter((v) => v.kind === 'report').every((v) => /^\d+\/\d+ files$/.test(v.message ?? '')));
	});

	it('lists every ticket of every dump, open or not, and says when indexing is over', async () => {
		const result = await list();
		assert.equal(result.indexing, false);
		assert.equal(result.tickets.length, 124);
		const files = new Set(result.tickets.map((t) => t.uri));
		assert.deepEqual([...files].sort(), [realUri(), fileUri(join(root, 'b', 'part2.md'))].sort());
		const real = result.tickets.filter((t) => t.uri === realUri());
		assert.equal(real.filter((t) => t.product === 'CDN').length, 54);
		assert.equal(real.filter((t) => t.product === 'CDN' && t.subcategory === '配置问题').length, 17);
		assert.equal(real.filter((t) => t.category === 'CDN｜配置问题').length, 17);
		assert.equal(real[0].title, '一直返回同一个uploadId，并且提示{"error":"no such uploadId"}');
		assert.deepEqual(real[0].titleRange.start, { line: 6, character: 3 });
		assert.equal(real[0].rootCause, '认证凭证或权限配置问题');
		assert.match(real[0].description, /^请求获取uploadId/);
	});

	it('filters by uri', async () => {
		assert.equal((await list(realUri())).tickets.length, 114);
		assert.equal((await list(fileUri(join(root, 'README.md')))).tickets.length, 0);
	});

	it('registers a file watcher for the include glob', () => {
		const watchers = client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles')?.registerOptions as {
			watchers: { globPattern: string }[];
		};
		assert.ok(watchers.watchers.some((w) => w.globPattern === '**/*.{md,txt}'));
	});

	it('indexes a created file, re-reads a changed one and drops a deleted one, announcing only that file', async () => {
		const path = join(root, 'b', 'new.txt');
		const uri = fileUri(path);
		writeFileSync(path, smallDump(realTickets.slice(20, 25)));
		let seen = didChangeCount();
		await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 1 }] });
		let change = await changedAfter(seen, uri);
		assert.deepEqual(change.uris, [uri]);
		assert.equal((await list(uri)).tickets.length, 5);

		writeFileSync(path, smallDump(realTickets.slice(20, 22)));
		seen = didChangeCount();
		await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
		change = await changedAfter(seen, uri);
		assert.deepEqual(change.uris, [uri]);
		// The Tickets tree's check of the previous text may announce the file too: wait for the one of the new text.
		while ((await list(uri)).tickets.length !== 2) {
			seen = didChangeCount();
			change = await changedAfter(seen, uri);
			assert.deepEqual(change.uris, [uri]);
		}

		unlinkSync(path);
		seen = didChangeCount();
		await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 3 }] });
		await changedAfter(seen, uri);
		assert.equal((await list(uri)).tickets.length, 0);
		assert.equal((await list()).tickets.length, 124);
	});

	it('drops the dumps of a deleted folder', async () => {
		const folder = join(root, 'b');
		const uri = fileUri(join(folder, 'part2.md'));
		rmSync(folder, { recursive: true });
		const seen = didChangeCount();
		await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(folder), type: 3 }] });
		await changedAfter(seen, uri);
		assert.equal((await list()).tickets.length, 114);
	});

	it('follows an open document’s edits, then the disk again once it is closed', async () => {
		const uri = realUri();
		const withoutFirst = header(113) + realTickets.slice(1).join('');
		let seen = didChangeCount();
		await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: dump } });
		await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: withoutFirst }] });
		const change = await changedAfter(seen, uri);
		assert.deepEqual(change.uris, [uri]);
		const edited = (await list(uri)).tickets;
		assert.equal(edited.length, 113);
		assert.equal(edited[0].title, realTickets[1].slice(3, realTickets[1].indexOf('\n')));

		seen = didChangeCount();
		await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
		await changedAfter(seen, uri);
		assert.equal((await list(uri)).tickets.length, 114);
	});
});

describe('WorkspaceIndex (in the process)', () => {
	const uri = 'file:///ws/000.txt';

	it('re-indexes only the tickets an edit touched, and nothing for the same text', () => {
		const index = new WorkspaceIndex(createTicketService());
		assert.equal(index.setFile(uri, dump), true);
		const keys = realTickets.map((_, i) => index.keyOf(uri, i));
		assert.equal(index.setFile(uri, dump), false);
		const edited = dump.replace('长时间处于域名发布环节', '长时间处于域名发布环节，已经两天了');
		assert.equal(index.setFile(uri, edited), true);
		const after = realTickets.map((_, i) => index.keyOf(uri, i));
		const changed = after.map((k, i) => (k === keys[i] ? -1 : i)).filter((i) => i >= 0);
		assert.equal(changed.length, 1);
		assert.equal(index.tickets(uri)[changed[0]].description, '长时间处于域名发布环节，已经两天了');
		assert.equal(index.search.size, 114);
		const hits = index.search.search(index.search.textQuery('已经两天了'), { limit: 1 });
		assert.equal(hits[0].key, after[changed[0]]);
	});

	it('keeps postings of tickets that only moved, and gives them their new place', () => {
		const index = new WorkspaceIndex(createTicketService());
		index.setFile(uri, dump);
		const moved = header(113) + realTickets.slice(1).join('');
		index.setFile(uri, moved);
		assert.equal(index.search.size, 113);
		assert.equal(index.tickets(uri)[0].title, realTickets[1].slice(3, realTickets[1].indexOf('\n')));
		assert.equal(index.tickets(uri)[0].titleRange.start.line, 6);
	});

	it('lets a later write of a file win over one still in steps, which then leaves nothing behind', () => {
		const index = new WorkspaceIndex(createTicketService());
		const slow = index.setFileSteps(uri, dump);
		for (let i = 0; i < 5; i++) assert.equal(slow.next().done, false);
		assert.equal(index.tickets(uri).length, 0, 'nothing is seen before the last step');
		const edited = header(10) + realTickets.slice(0, 10).join('');
		assert.equal(index.setFile(uri, edited), true);
		assert.equal(runSteps(slow), false);
		assert.equal(index.tickets(uri).length, 10);
		assert.equal(index.search.size, 10, 'the overtaken write took back its search entries');
		assert.equal(index.size.tickets, 10);
	});

	it('drops a write still in steps when its file is removed meanwhile', () => {
		const index = new WorkspaceIndex(createTicketService());
		const slow = index.setFileSteps(uri, dump);
		slow.next();
		index.removeFile(uri);
		assert.equal(runSteps(slow), false);
		assert.equal(index.has(uri), false);
		assert.equal(index.search.size, 0);
	});

	it('gives the same index in steps as at once', () => {
		const atOnce = new WorkspaceIndex(createTicketService());
		atOnce.setFile(uri, dump);
		const stepped = new WorkspaceIndex(createTicketService());
		const steps = stepped.setFileSteps(uri, dump);
		let count = 0;
		while (!steps.next().done) count++;
		assert.ok(count >= 5, `${count} steps`);
		assert.deepEqual(stepped.tickets(uri), atOnce.tickets(uri));
		assert.equal(stepped.search.size, 114);
	});
});
