/** `tickets/maskLeaks` through the server process: counts per file and kind, one edit over open and closed dumps. */
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TextDocumentEdit } from 'vscode-languageserver-protocol';
import type { MaskLeaksResult } from '../../common/protocol';
import { createTicketService } from '../../server/src/service/index';
import { applyEdits } from '../support/edits';
import { textDocument } from '../support/fixtures';
import { fileUri, startServer, type TestClient } from './lspClient';

const fixtures = join(__dirname, '..', 'fixtures');

describe('mask all leaks (server process)', function () {
	this.timeout(30000);
	let root: string;
	let client: TestClient;
	const path = (name: string) => join(root, name);

	before(async () => {
		root = mkdtempSync(join(tmpdir(), 'tickets-mask-'));
		copyFileSync(join(fixtures, 'corpus', '000_8bbabfb939ae27d4.txt'), path('real.txt'));
		copyFileSync(join(fixtures, 'leaks', 'pii-email.md'), path('email.md'));
		copyFileSync(join(fixtures, 'leaks', 'lookalikes.md'), path('clean.md'));
		writeFileSync(path('README.md'), '# Notes\n\nCall 13812345678.\n');
		client = await startServer({ folders: [root] });
		await client.indexed();
	});

	after(async () => {
		await client?.stop();
		rmSync(root, { recursive: true, force: true });
	});

	it('counts every leak per file and kind and masks them all in one edit, an open file from its unsaved text', async () => {
		// email.md is open with one more (unsaved) address in it.
		const email = readFileSync(path('email.md'), 'utf8').replace('发票请发邮箱：', '发票请发邮箱：li.lei@corp.cn或');
		await client.connection.sendNotification('textDocument/didOpen', {
			textDocument: { uri: fileUri(path('email.md')), languageId: 'markdown', version: 7, text: email },
		});
		const result = await client.connection.sendRequest<MaskLeaksResult>('tickets/maskLeaks', {});
		const byFile = Object.fromEntries(result.files.map((f) => [f.uri.slice(f.uri.lastIndexOf('/') + 1), f.counts]));
		assert.deepEqual(byFile, {
			'email.md': { 'pii-email': 3 },
			'real.txt': { 'redaction-leak': 67, 'pii-ip': 4, 'secret-credential': 1, 'pii-org-id': 2, 'pii-bank-card': 1 },
		});
		assert.equal(result.total, 78);
		const changes = result.edit.documentChanges as TextDocumentEdit[];
		assert.deepEqual(changes.map((c) => [c.textDocument.uri.slice(c.textDocument.uri.lastIndexOf('/') + 1), c.textDocument.version]).sort(), [
			['email.md', 7],
			['real.txt', null],
		]);
		const service = createTicketService();
		for (const change of changes) {
			const before = change.textDocument.version === 7 ? email : readFileSync(path('real.txt'), 'utf8');
			const after = applyEdits(before, change.edits);
			assert.deepEqual(service.maskAllLeaks(after).edits, [], `${change.textDocument.uri} has no leak left`);
			assert.ok(service.validate(textDocument(after))!.every((d) => !/^(pii|secret|redaction)/.test(String(d.code))));
		}
	});

	it('masks only the files asked for', async () => {
		const result = await client.connection.sendRequest<MaskLeaksResult>('tickets/maskLeaks', { uris: [fileUri(path('clean.md')), fileUri(path('README.md'))] });
		assert.deepEqual(result, { files: [], total: 0, edit: { documentChanges: [] } });
	});
});
