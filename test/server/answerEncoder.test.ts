/** The JSON of answers: what vscode-jsonrpc writes, and a big result sent again is not serialised again. */
import { strict as assert } from 'node:assert';
import { answerEncoder } from '../../server/src/lsp/answerEncoder';

const decode = async (msg: object) => JSON.parse(Buffer.from(await answerEncoder.encode(msg as never, { charset: 'utf-8' })).toString('utf8'));

describe('answer encoder', () => {
	it('writes small answers, notifications and errors as plain JSON', async () => {
		for (const msg of [
			{ jsonrpc: '2.0', id: 1, result: [{ name: '证书', kind: 5 }] },
			{ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a.md', diagnostics: [] } },
			{ jsonrpc: '2.0', id: 'x', error: { code: -32601, message: 'no' } },
			{ jsonrpc: '2.0', id: 2, result: null },
		]) {
			assert.deepEqual(await decode(msg), msg);
		}
	});

	it('writes a big result (an Outline of 1,000 tickets or more) the same, and again from what it wrote the first time', async () => {
		const outline = [{ name: 'Part 1', kind: 1, children: Array.from({ length: 1500 }, (_, i) => ({ name: `工单 ${i}`, kind: 19 })) }];
		const first = { jsonrpc: '2.0', id: 7, result: outline };
		assert.deepEqual(await decode(first), first);
		const stringify = JSON.stringify;
		let calls = 0;
		JSON.stringify = ((...args: Parameters<typeof stringify>) => {
			calls++;
			return stringify(...args);
		}) as typeof stringify;
		try {
			const again = await decode({ jsonrpc: '2.0', id: 8, result: outline });
			assert.deepEqual(again, { jsonrpc: '2.0', id: 8, result: outline });
		} finally {
			JSON.stringify = stringify;
		}
		assert.equal(calls, 1, 'only the id is serialised the second time');
	});
});
