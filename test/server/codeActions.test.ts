/** Quick fixes and fix-all through the server process: the capability, a leak's mask on the real dump, fix-all on a defect file. */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { applyEdits } from '../support/edits';
import { fileUri, startServer, type TestClient } from './lspClient';

const fixtures = join(__dirname, '..', 'fixtures');
const realPath = join(fixtures, 'corpus', '000_8bbabfb939ae27d4.txt');

describe('code actions (server process)', function () {
	this.timeout(30000);
	let root: string;
	let client: TestClient;
	const open = async (path: string) => {
		const text = readFileSync(path, 'utf8');
		await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: fileUri(path), languageId: 'markdown', version: 1, text } });
		return text;
	};
	const actions = (path: string, line: number, character: number, only: string[]) =>
		client.connection.sendRequest<CodeAction[] | null>('textDocument/codeAction', {
			textDocument: { uri: fileUri(path) },
			range: { start: { line, character }, end: { line, character } },
			context: { diagnostics: [], only },
		});

	before(async () => {
		root = mkdtempSync(join(tmpdir(), 'tickets-actions-'));
		client = await startServer({ folders: [root] });
	});

	after(async () => {
		await client?.stop();
		rmSync(root, { recursive: true, force: true });
	});

	it("offers to mask the access key left in answer 2 of the real dump's ticket 12, as the dialog masks it", async () => {
		const text = await open(realPath);
		const found = (await actions(realPath, 414, 40, ['quickfix']))!;
		const mask = found.find((a) => a.title === 'Mask as `jCciD48k***:lsBJ-cr-***=`');
		assert.ok(mask, found.map((a) => a.title).join(' | '));
		assert.equal(mask.isPreferred, true);
		assert.equal(mask.diagnostics?.[0].code, 'secret-credential');
		const after = applyEdits(text, mask.edit!.changes![fileUri(realPath)]);
		assert.equal(after, text.replace('jCciD48kMK0Ba3dxvdU8Aw9JCXjia4Qts7jbA2tG:lsBJ-cr-sxjsb5fyDZMpXaAHUms=', 'jCciD48k***:lsBJ-cr-***='));
		// The rewrite of 客服解答 from the masked staff turns is offered too.
		assert.ok(found.some((a) => a.title === "Rewrite 客服解答 from the dialog's staff turns"));
	});

	it('gives fix-all when asked for it, and nothing for a file that is no dump', async () => {
		const path = join(fixtures, 'fixes', 'fix-all.md');
		const text = await open(path);
		const [fixAll] = (await actions(path, 0, 0, ['source.fixAll']))!;
		assert.equal(fixAll.kind, 'source.fixAll.tickets');
		const after = applyEdits(text, fixAll.edit!.changes![fileUri(path)]);
		assert.ok(after.includes('**问题分类**: CDN｜证书问题') && after.includes('联系电话 13812345678'), 'form fixed, the leak left for the user');
		const readme = join(root, 'README.md');
		await client.connection.sendNotification('textDocument/didOpen', {
			textDocument: { uri: fileUri(readme), languageId: 'markdown', version: 1, text: '# Notes\n\nCall 13812345678.\n' },
		});
		assert.equal(await actions(readme, 2, 6, ['quickfix']), null);
	});
});
