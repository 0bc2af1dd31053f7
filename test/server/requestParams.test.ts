/**
 * Params of the wrong shape, over stdio, for the custom requests (declared in common/protocol.ts)
 * and the standard ones the server answers: InvalidParams with a sentence saying where and what
 * was expected, never a JavaScript error; a document the server does not have gets an empty answer.
 */
import { strict as assert } from 'node:assert';
import { pathToFileURL } from 'node:url';
import { readText, realDumpPath } from '../support/fixtures';
import { RawClient } from './rawClient';

describe('server: params of the wrong shape', function () {
	this.timeout(30_000);
	let client: RawClient;
	const dumpUri = pathToFileURL(realDumpPath).href;

	before(async () => {
		client = RawClient.start();
		await client.initialize();
		client.notify('textDocument/didOpen', { textDocument: { uri: dumpUri, languageId: 'markdown', version: 1, text: readText(realDumpPath) } });
	});

	after(() => client?.stop());

	const invalidParams = async (method: string, params: unknown, pattern: RegExp) => {
		const answer = await client.request(method, params);
		assert.equal(answer.error?.code, -32602, `${method} ${JSON.stringify(params)}: ${JSON.stringify(answer)}`);
		assert.match(answer.error!.message, pattern);
		assert.doesNotMatch(answer.error!.message, /Cannot read|is not a function|undefined \(reading/);
	};

	it('answers InvalidParams, in words, to custom requests with params of the wrong shape', async () => {
		await invalidParams('tickets/snippet', { name: 'zzz' }, /^tickets\/snippet: `name` must be one of `ticket`, `dump`, `turn`, not "zzz"\.$/);
		await invalidParams('tickets/snippet', {}, /`name` is missing/);
		await invalidParams('tickets/similar', { text: 5 }, /`text` must be a string, not 5/);
		await invalidParams('tickets/similar', { text: 'x', limit: '5' }, /`limit` must be a whole number of at least 1, not "5"/);
		await invalidParams('tickets/similar', { text: 'x', limit: -1 }, /`limit` must be a whole number of at least 1, not -1/);
		await invalidParams('tickets/similar', { uri: dumpUri, position: { line: 'one', character: 0 } }, /`position\.line` must be a whole number/);
		await invalidParams('tickets/maskLeaks', { uris: [dumpUri, 3] }, /`uris\[1\]` must be a non-empty string, not 3/);
		await invalidParams('tickets/list', { uri: false }, /`uri` must be a non-empty string/);
		assert.ok(await client.alive());
	});

	it('answers InvalidParams to standard requests missing what they read', async () => {
		await invalidParams('workspace/symbol', {}, /^workspace\/symbol: `query` is missing; expected a string\.$/);
		await invalidParams('textDocument/documentSymbol', {}, /`textDocument` is missing/);
		await invalidParams('textDocument/foldingRange', { textDocument: {} }, /`textDocument\.uri` is missing/);
		await invalidParams('textDocument/hover', { textDocument: { uri: dumpUri } }, /`position` is missing/);
		await invalidParams('textDocument/completion', { textDocument: { uri: dumpUri }, position: { line: -1, character: 0 } }, /`position\.line`/);
		await invalidParams('textDocument/codeAction', { textDocument: { uri: dumpUri }, range: null, context: {} }, /`range` is missing/);
		await invalidParams('textDocument/hover', [1, 2], /the params must be an object/);
		assert.ok(await client.alive());
	});

	it('answers requests about a document it does not have with an empty answer', async () => {
		const unknown = { textDocument: { uri: 'file:///no/such/dump.md' } };
		assert.equal((await client.request('textDocument/documentSymbol', unknown)).result, null);
		assert.equal((await client.request('textDocument/hover', { ...unknown, position: { line: 0, character: 0 } })).result, null);
		assert.deepEqual((await client.request('tickets/similar', { uri: 'file://host/not/local.md', position: { line: 0, character: 0 } })).result, []);
		assert.deepEqual((await client.request('tickets/maskLeaks', { uris: ['file:///%', 'untitled:x'] })).result, {
			files: [],
			total: 0,
			edit: { documentChanges: [] },
		});
		assert.ok(Array.isArray(((await client.request('tickets/list', null)).result as { tickets: unknown }).tickets));
	});

	it('still answers well-formed params', async () => {
		const snippet = await client.request('tickets/snippet', { name: 'ticket' });
		assert.match((snippet.result as { body: string }).body, /^## /);
		const similar = await client.request('tickets/similar', { uri: dumpUri, position: { line: 7, character: 0 }, limit: 500 });
		assert.ok(Array.isArray(similar.result));
	});
});
