/**
 * The server's framing (server/src/lsp/frames.ts), in process: well-formed streams read the same
 * however they are cut into chunks, and after every kind of broken framing the next message is read
 * (none waits for bytes that never come). Over stdio, test/server/protocolErrors.test.ts.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { FrameParser } from '../../server/src/lsp/frames';
import { fuzzRuns, fuzzSeed } from '../support/mutations';

interface Read {
	messages: unknown[];
	unparsable: string[];
	framing: string[];
}

function read(chunks: readonly (string | Buffer)[]): Read {
	const result: Read = { messages: [], unparsable: [], framing: [] };
	const parser = new FrameParser({
		message: (m) => result.messages.push(m),
		unparsable: (d) => result.unparsable.push(d),
		framingError: (d) => result.framing.push(d),
	});
	for (const chunk of chunks) parser.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
	return result;
}

const frame = (message: unknown) => {
	const body = JSON.stringify(message);
	return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
};

const a = { jsonrpc: '2.0', id: 1, method: 'tickets/similar', params: { text: '登录失败 "quoted" {braces} [brackets] \\ back' } };
const b = { jsonrpc: '2.0', id: 2, method: 'tickets/serverStats' };
const c = { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///d.md', text: '# 工单\n\n## 标题\n' } } };

describe('framing (frames.ts)', () => {
	it('reads a well-formed stream the same however it is cut into chunks', () => {
		const stream = Buffer.from([frame(a), frame(b), '\r\n', frame(c)].join(''), 'utf8');
		fc.assert(
			fc.property(fc.uniqueArray(fc.integer({ min: 1, max: stream.length - 1 }), { maxLength: 12 }), (cuts) => {
				const points = [0, ...cuts.sort((x, y) => x - y), stream.length];
				const chunks = points.slice(1).map((end, i) => stream.subarray(points[i], end));
				assert.deepEqual(read(chunks), { messages: [a, b, c], unparsable: [], framing: [] });
			}),
			{ numRuns: fuzzRuns(200), seed: fuzzSeed(7) },
		);
	});

	it('reads a message whose header has no usable Content-Length by its JSON, and goes on', () => {
		const body = JSON.stringify(a);
		for (const header of ['Content-Lengthx: 5', 'Content-Type: application/vscode-jsonrpc; charset=utf-8', 'Content-Length: twelve', 'Content-Length: -3']) {
			const result = read([`${header}\r\n\r\n${body}`, frame(b)]);
			assert.deepEqual(result.messages, [a, b], header);
			assert.equal(result.framing.length, 1, header);
			assert.deepEqual(result.unparsable, [], header);
		}
	});

	it('reads past a Content-Length too short (counted in characters) and too long, without waiting for bytes that never come', () => {
		const body = JSON.stringify(a);
		const short = read([`Content-Length: ${body.length}\r\n\r\n${body}`, frame(b)]);
		assert.deepEqual(short.messages, [a, b]);
		assert.equal(short.framing.length, 1);
		// Too long: the next message's header is inside the declared body, and nothing follows it.
		const long = read([`Content-Length: ${Buffer.byteLength(body) + 30}\r\n\r\n${body}`, frame(b)]);
		assert.deepEqual(long.messages, [a, b]);
		const huge = read([`Content-Length: 2000000000\r\n\r\n${body}${frame(b)}`]);
		assert.deepEqual(huge.messages, [a, b]);
	});

	it('reports a body that is not JSON once, and reads the next message', () => {
		for (const body of ['{"jsonrpc":"2.0","id":1,', 'not json', '{"a": nope}', '{"a":"line\nbreak"}']) {
			const result = read([`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`, frame(b)]);
			assert.deepEqual(result.messages, [b], body);
			assert.equal(result.unparsable.length, 1, body);
		}
	});

	it('skips garbage between messages (LF-only headers too)', () => {
		const body = JSON.stringify(b);
		assert.deepEqual(read(['garbage without end', frame(a), '\r\n\r\n}}]]"""\r\n', frame(b)]).messages.at(-1), b);
		assert.deepEqual(read([`Content-Length: ${Buffer.byteLength(body)}\n\n${body}`]).messages, [b]);
		assert.deepEqual(read(['x'.repeat(20_000), frame(b)]).messages, [b]);
	});

	it('always comes back to the messages after any garbage', () => {
		const noise = fc.oneof(
			fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', '\\', ':', ' ', '\r', '\n', 'a', '1', 'é', '工') }),
			fc.constantFrom('Content-Length: 5\r\n\r\n', 'Content-Length: 99999\r\n\r\n{', 'Content-Length: x\r\n\r\n', '{"a":"', 'Content-Length:', '\r\n\r\n'),
			fc.uint8Array({ maxLength: 40 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
		);
		fc.assert(
			fc.property(fc.array(noise, { maxLength: 6 }), (garbage) => {
				const result = read([...garbage, frame(a), frame(b), frame(c)]);
				assert.deepEqual(result.messages.at(-1), c);
			}),
			{ numRuns: fuzzRuns(300), seed: fuzzSeed(11) },
		);
	});
});
