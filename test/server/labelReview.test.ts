/**
 * `tickets/labelReview` through the server process: the real dump's label suspects in review
 * order, an open dump read as edited, and one dump's rows by `uri`.
 */
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LabelReviewResult } from '../../common/protocol';
import { realDumpPath } from '../support/fixtures';
import { rootCauseReview } from '../support/realDumpReview';
import { fileUri, startServer, type TestClient } from './lspClient';

describe('label review (server process)', function () {
	this.timeout(30000);
	let root: string;
	let client: TestClient;
	const path = (name: string) => join(root, name);
	const review = (params = {}) => client.connection.sendRequest<LabelReviewResult>('tickets/labelReview', params);

	before(async () => {
		root = mkdtempSync(join(tmpdir(), 'tickets-labels-'));
		copyFileSync(realDumpPath, path('real.txt'));
		writeFileSync(path('README.md'), '# Notes\n\nNot a dump.\n');
		client = await startServer({ folders: [root] });
		await client.indexed();
	});

	after(async () => {
		await client?.stop();
		rmSync(root, { recursive: true, force: true });
	});

	it('lists every root-cause finding of the real dump, those confident learning agrees with first', async () => {
		const { rows, learning } = await review();
		const causes = rows.filter((r) => r.kind === 'rootCause');
		assert.deepEqual(
			causes.map((r) => r.line + 1).sort((a, b) => a - b),
			rootCauseReview.map(([line]) => line),
		);
		const both = causes.filter((r) => r.source === 'both').length;
		assert.ok(both > 0);
		assert.ok(causes.slice(0, both).every((r) => r.source === 'both'));
		assert.deepEqual(
			learning.map((l) => [l.kind, l.labelled, l.ranks, l.flags]),
			[
				['rootCause', 114, true, false],
				['product', 114, true, false],
			],
		);
		const invoice = causes.find((r) => r.title === '开发票')!;
		assert.equal(invoice.labelLine, 3282);
		assert.equal(readFileSync(path('real.txt'), 'utf8').split('\n')[invoice.labelLine], invoice.label);
		assert.ok(invoice.lookedFor.includes('证书'));
		assert.ok(invoice.neighbours.length > 0 && invoice.neighbours.every((n) => n.uri === fileUri(path('real.txt')) && n.title && n.label));
		assert.equal((await review({ uri: fileUri(path('other.txt')) })).rows.length, 0);
	});

	it('reads an open dump as edited', async () => {
		const uri = fileUri(path('real.txt'));
		const text = readFileSync(path('real.txt'), 'utf8').split('\n');
		text[3282] = '需要进一步排查具体原因';
		await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 3, text: text.join('\n') } });
		const { rows } = await review({ uri });
		assert.ok(!rows.some((r) => r.title === '开发票'));
		assert.equal(rows.filter((r) => r.kind === 'rootCause').length, rootCauseReview.length - 1);
		await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
	});

	it('rejects params of the wrong shape with a sentence', async () => {
		await assert.rejects(review({ uri: 3 }), /uri/);
	});
});
