/**
 * A client that breaks the protocol, over stdio: broken framing, bodies that are not JSON, messages
 * that are not JSON-RPC. Each gets the JSON-RPC answer it calls for (or a line in the log when no
 * answer is possible), and the server answers the next request. Params of the wrong shape:
 * requestParams.test.ts; the framing in process: frames.ts.
 */
import { strict as assert } from 'node:assert';
import { pathToFileURL } from 'node:url';
import type { LogMessageParams, NotificationMessage, ResponseMessage } from 'vscode-languageserver-protocol/node';
import { readText, realDumpPath } from '../support/fixtures';
import { RawClient } from './rawClient';

const logged = (client: RawClient, pattern: RegExp) =>
	client.waitFor(
		(m) => (m as NotificationMessage).method === 'window/logMessage' && pattern.test(((m as NotificationMessage).params as LogMessageParams).message),
	);

describe('server: a client that breaks the protocol', function () {
	this.timeout(30_000);
	let client: RawClient;
	const dumpUri = pathToFileURL(realDumpPath).href;

	before(async () => {
		client = RawClient.start();
		await client.initialize();
		client.notify('textDocument/didOpen', { textDocument: { uri: dumpUri, languageId: 'markdown', version: 1, text: readText(realDumpPath) } });
	});

	after(() => client?.stop());

	describe('framing', () => {
		it('reads a request whose Content-Length header is misspelt, and the next one', async () => {
			const body = JSON.stringify({ jsonrpc: '2.0', id: 'misspelt', method: 'tickets/serverStats' });
			const answer = client.answer('misspelt');
			client.write(`Content-Lengthx: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
			assert.equal(typeof ((await answer).result as { pid: number }).pid, 'number');
			await logged(client, /Broken message framing.*no Content-Length header/);
			assert.ok(await client.alive());
		});

		it('reads on after a header block with no Content-Length at all, or one that is not a number', async () => {
			client.write('Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{"jsonrpc":"2.0","id":"typed","method":"tickets/serverStats"}');
			assert.ok((await client.answer('typed')).result);
			client.write('Content-Length: lots\r\n\r\n{"jsonrpc":"2.0","id":"lots","method":"tickets/serverStats"}');
			assert.ok((await client.answer('lots')).result);
			assert.ok(await client.alive());
		});

		it('reads past a Content-Length counted in characters instead of UTF-8 bytes', async () => {
			const body = JSON.stringify({ jsonrpc: '2.0', id: 'chars', method: 'workspace/symbol', params: { query: '登录失败' } });
			const answer = client.answer('chars');
			client.write(`Content-Length: ${body.length}\r\n\r\n${body}`);
			assert.ok(Array.isArray((await answer).result));
			assert.ok(await client.alive());
		});

		it('does not wait for the bytes of a Content-Length too long when the next message follows', async () => {
			const body = JSON.stringify({ jsonrpc: '2.0', id: 'long', method: 'tickets/serverStats' });
			const answer = client.answer('long');
			client.write(`Content-Length: ${Buffer.byteLength(body) + 500}\r\n\r\n${body}`);
			assert.ok(await client.alive());
			assert.ok((await answer).result);
		});

		it('skips garbage between messages', async () => {
			client.write('}}garbage "with quotes\r\n\r\n and {braces\r\n');
			assert.ok(await client.alive());
		});
	});

	describe('JSON-RPC', () => {
		it('answers a body that is not JSON with ParseError (-32700, id null)', async () => {
			const next = client.waitForNext((m) => 'error' in m);
			client.sendBody('{"jsonrpc":"2.0","id":1,');
			const answer = (await next) as ResponseMessage;
			assert.equal(answer.id, null);
			assert.equal(answer.error?.code, -32700);
			assert.match(answer.error!.message, /not JSON/);
			assert.ok(await client.alive());
		});

		it('answers an invalid request with InvalidRequest (-32600), with its id when it has a usable one', async () => {
			const invalid = async (message: unknown) => {
				const next = client.waitForNext((m) => 'error' in m);
				client.send(message);
				const answer = (await next) as ResponseMessage;
				assert.equal(answer.error?.code, -32600, JSON.stringify(message));
				return answer;
			};
			const objectId = await invalid({ jsonrpc: '2.0', id: { a: 1 }, method: 'tickets/serverStats' });
			assert.equal(objectId.id, null);
			assert.match(objectId.error!.message, /`id`/);
			assert.equal((await invalid({ jsonrpc: '2.0', id: 7, method: 5 })).id, 7);
			assert.equal((await invalid({ jsonrpc: '1.0', id: 8, method: 'tickets/serverStats' })).id, 8);
			assert.equal((await invalid({ jsonrpc: '2.0', id: 9, method: 'tickets/list', params: 'uri' })).id, 9);
			assert.equal((await invalid([{ jsonrpc: '2.0', id: 10, method: 'tickets/serverStats' }])).id, null);
			assert.equal((await invalid({ foo: 'boo' })).id, null);
			assert.ok(await client.alive());
		});

		it('logs a notification that is not JSON-RPC, and answers nothing to it', async () => {
			client.send({ jsonrpc: '2.0', method: 'textDocument/didChange', params: 42 });
			await logged(client, /not JSON-RPC.*`params`/);
			assert.ok(await client.alive());
		});
	});
});
