/**
 * The protocol fuzzer: one server process over stdio takes bursts of random input (bytes, broken
 * frames, JSON that is not JSON-RPC, random messages, random params for every request the server
 * declares, made from the shapes it checks them against, random document edits and random editor
 * settings), and after each burst it must answer a well-formed request. It never exits unasked,
 * never answers InternalError (-32603: a handler threw) to a request's params, and logs no
 * unhandled error. `npm test` runs a few bursts with a fixed seed; `npm run fuzz` runs FUZZ_RUNS
 * bursts with FUZZ_SEED (`random`: a new one, printed).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import type { LogMessageParams, NotificationMessage, ResponseMessage } from 'vscode-languageserver-protocol/node';
import type { ParamShape } from '../../common/params';
import { customRequests } from '../../common/protocol';
import { standardParams } from '../../server/src/lsp/checkedHandlers';
import { ruleCodes } from '../../server/src/service/index';
import { cliFixtures } from '../cli/runCli';
import { fuzzRuns, fuzzSeed } from '../support/mutations';
import { RawClient } from './rawClient';

const dumpPath = join(cliFixtures, 'broken.md');
const dumpUri = pathToFileURL(dumpPath).href;
const dumpText = readFileSync(dumpPath, 'utf8');
const dumpLines = dumpText.split('\n').length;

/** The standard requests, by the capability that declares them. A capability the server gains fails the test until it is here. */
const standardRequests: Record<string, { method: string; params: ParamShape }> = {
	completionProvider: { method: 'textDocument/completion', params: standardParams.textDocumentPosition },
	hoverProvider: { method: 'textDocument/hover', params: standardParams.textDocumentPosition },
	documentSymbolProvider: { method: 'textDocument/documentSymbol', params: standardParams.textDocument },
	foldingRangeProvider: { method: 'textDocument/foldingRange', params: standardParams.textDocument },
	codeActionProvider: { method: 'textDocument/codeAction', params: standardParams.codeAction },
	workspaceSymbolProvider: { method: 'workspace/symbol', params: standardParams.workspaceSymbol },
};
/** Capabilities that declare no request of their own. */
const notRequests = new Set(['textDocumentSync', 'workspace']);

/** Methods that end the server or start it again: sent by the harness alone. */
const asked = new Set(['initialize', 'shutdown', 'exit']);

const json = fc.jsonValue({ maxDepth: 3 });
const uris = fc.constantFrom(dumpUri, 'file:///no/such.md', 'untitled:Untitled-1', 'file:///%', 'file://host/share/a.md', 'x:', '');

/** Params for `shape`, mostly fitting, each value now and then replaced by anything JSON. */
function paramsFor(shape: ParamShape, name = ''): fc.Arbitrary<unknown> {
	return fc.oneof({ arbitrary: fitting(shape, name), weight: 5 }, { arbitrary: json, weight: 1 });
}

function fitting(shape: ParamShape, name: string): fc.Arbitrary<unknown> {
	switch (shape.type) {
		case 'string':
			return name === 'uri'
				? uris
				: fc.oneof(fc.string(), fc.constantFrom('登录', '证书 过期', '## ', '**问题分类**'), fc.string({ unit: 'grapheme', maxLength: 300 }));
		case 'boolean':
			return fc.boolean();
		case 'integer': {
			const min = shape.min ?? -1000;
			const near = name === 'line' ? dumpLines + 3 : min + 300;
			return fc.oneof(fc.integer({ min, max: shape.max ?? near }), fc.constantFrom(min, shape.max ?? 2 ** 31, Number.MAX_SAFE_INTEGER));
		}
		case 'enum':
			return fc.constantFrom(...shape.values);
		case 'array':
			return fc.array(paramsFor(shape.items, name), { maxLength: 4 });
		case 'object': {
			const fields = Object.fromEntries(Object.entries(shape.fields).map(([field, s]) => [field, paramsFor(s, field)]));
			return fc.record(fields, { requiredKeys: [...shape.required] });
		}
	}
}

/** Random editor settings: the real keys with good and bad values, and now and then anything. */
const severity = fc.constantFrom('error', 'warning', 'information', 'hint', 'off', 'loud', '');
const settingsArbitrary: fc.Arbitrary<unknown> = fc.oneof(
	{
		weight: 6,
		arbitrary: fc.record(
			{
				rules: fc.dictionary(fc.oneof(fc.constantFrom(...ruleCodes), fc.string()), fc.oneof(severity, json), { maxKeys: 3 }),
				categories: fc.oneof(fc.array(fc.string(), { maxLength: 3 }), json),
				allowList: fc.array(fc.string(), { maxLength: 3 }),
				files: fc.record(
					{ include: fc.oneof(fc.constantFrom('**/*.md', '**/*.{md,txt}', '[', '**/{', ''), fc.string(), json), exclude: fc.oneof(fc.string(), json) },
					{ requiredKeys: [] },
				),
				labels: fc.record(
					{ declaredCount: fc.oneof(fc.constantFrom('(', '[a-', '本文档包含 (\\d+) 个', '(?<n>\\d+)'), fc.string(), json) },
					{ requiredKeys: [] },
				),
				validate: fc.record({ debounce: fc.oneof(fc.integer({ min: -5, max: 300 }), json) }, { requiredKeys: [] }),
				limits: fc.record(
					{ maxFileSizeMB: fc.oneof(fc.double({ noNaN: true }), json), outlineSectionsMaxTickets: fc.oneof(fc.integer({ min: -1, max: 10 }), json) },
					{ requiredKeys: [] },
				),
				duplicates: fc.record({ threshold: fc.oneof(fc.double({ min: 0, max: 2, noNaN: true }), json) }, { requiredKeys: [] }),
				trace: fc.record({ server: fc.constantFrom('off', 'verbose') }),
				unknownSetting: json,
			},
			{ requiredKeys: [] },
		),
	},
	{ weight: 1, arbitrary: json },
);

const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;

type Action =
	| { kind: 'bytes'; bytes: string }
	| { kind: 'body'; body: string }
	| { kind: 'message'; message: unknown }
	| { kind: 'request'; method: string; params: unknown }
	| { kind: 'notify'; method: string; params: unknown }
	| { kind: 'settings'; settings: unknown; push: boolean };

function actions(requests: readonly { method: string; params: ParamShape | null }[]): fc.Arbitrary<Action> {
	const method = fc.oneof(fc.constantFrom(...requests.map((r) => r.method), 'textDocument/didChange', '$/cancelRequest', 'tickets/nope'), fc.string());
	const brokenHeader = fc.constantFrom(
		'Content-Lengthx: 12\r\n\r\n',
		'Content-Length: 9999\r\n\r\n{"jsonrpc":"2.0"',
		'Content-Length: 3\r\n\r\n',
		'Content-Length: -1\r\n\r\n',
		'Content-Type: x\r\n\r\n{"a":"',
		'\r\n\r\n',
		'{"jsonrpc":"2.0","id":1,"method":"tickets/serverStats"}',
	);
	return fc.oneof(
		fc.oneof(brokenHeader, fc.string({ unit: 'binary', maxLength: 60 })).map((bytes): Action => ({ kind: 'bytes', bytes })),
		fc
			.oneof(
				fc.string({ maxLength: 80 }),
				json.map((v) => JSON.stringify(v)),
			)
			.map((body): Action => ({ kind: 'body', body })),
		fc
			.record(
				{
					jsonrpc: fc.oneof(fc.constant('2.0'), json),
					id: fc.oneof(fc.integer(), fc.string(), fc.constant(null), json),
					method: fc.oneof(method, json),
					params: json,
				},
				{ requiredKeys: ['jsonrpc'] },
			)
			.filter((m) => typeof m.method !== 'string' || !asked.has(m.method))
			.map((message): Action => ({ kind: 'message', message })),
		fc
			.constantFrom(...requests)
			.chain((r) =>
				(r.params ? paramsFor(r.params) : fc.oneof(fc.constant(undefined), json)).map((params): Action => ({ kind: 'request', method: r.method, params })),
			),
		fc
			.record({
				method: fc.constantFrom(
					'textDocument/didChange',
					'textDocument/didOpen',
					'textDocument/didClose',
					'workspace/didChangeWatchedFiles',
					'$/cancelRequest',
					'$/setTrace',
				),
				params: fc.oneof(
					json,
					fc.record({
						textDocument: fc.record({ uri: uris, version: fc.integer(), text: fc.string({ maxLength: 200 }), languageId: fc.constant('markdown') }),
						contentChanges: fc.array(
							fc.record({ text: fc.string({ maxLength: 40 }), range: paramsFor(standardParams.codeAction.fields.range) }, { requiredKeys: ['text'] }),
							{ maxLength: 3 },
						),
					}),
				),
			})
			.map(({ method, params }): Action => ({ kind: 'notify', method, params })),
		fc.record({ settings: settingsArbitrary, push: fc.boolean() }).map(({ settings, push }): Action => ({ kind: 'settings', settings, push })),
	);
}

describe('protocol fuzzer: random input never stops the server', function () {
	this.timeout(0);
	let client: RawClient;
	let requests: { method: string; params: ParamShape | null }[];
	/** Ids of the fuzzed requests whose params were random, by id, for the failure message. */
	const sent = new Map<number | string, string>();

	before(async () => {
		client = RawClient.start();
		const answer = await client.request('initialize', {
			processId: process.pid,
			rootUri: pathToFileURL(cliFixtures).href,
			workspaceFolders: [{ uri: pathToFileURL(cliFixtures).href, name: 'cli' }],
			capabilities: { workspace: { configuration: true, workspaceFolders: true } },
		});
		const capabilities = (answer.result as { capabilities: Record<string, unknown> }).capabilities;
		const undeclared = Object.keys(capabilities).filter((c) => !notRequests.has(c) && !standardRequests[c]);
		assert.deepEqual(undeclared, [], 'every capability has its request in the fuzzer');
		requests = [
			...Object.keys(capabilities).flatMap((c) => (standardRequests[c] ? [standardRequests[c]] : [])),
			...customRequests.map((r) => ({ method: r.method, params: r.params })),
		];
		client.notify('initialized', {});
		client.notify('textDocument/didOpen', { textDocument: { uri: dumpUri, languageId: 'markdown', version: 1, text: dumpText } });
	});

	after(() => client?.stop());

	it('answers a well-formed request after every burst, and never answers InternalError', async () => {
		let version = 1;
		await fc.assert(
			fc.asyncProperty(fc.array(actions(requests), { minLength: 1, maxLength: 8 }), async (burst) => {
				for (const action of burst) {
					switch (action.kind) {
						case 'bytes':
							client.write(Buffer.from(action.bytes, 'latin1'));
							break;
						case 'body':
							client.write(frame(action.body));
							break;
						case 'message':
							client.send(action.message);
							break;
						case 'request': {
							const id = `fuzz-${sent.size}`;
							sent.set(id, `${action.method} ${JSON.stringify(action.params)?.slice(0, 300)}`);
							client.send(
								action.params === undefined
									? { jsonrpc: '2.0', id, method: action.method }
									: { jsonrpc: '2.0', id, method: action.method, params: action.params },
							);
							break;
						}
						case 'notify':
							client.notify(action.method, action.params);
							break;
						case 'settings':
							client.settings = action.settings;
							client.notify('workspace/didChangeConfiguration', action.push ? { settings: { ticketCurator: action.settings } } : { settings: null });
							break;
					}
				}
				// The burst may have left the open dump anything: it is put back, then a request must be answered.
				client.notify('textDocument/didClose', { textDocument: { uri: dumpUri } });
				client.notify('textDocument/didOpen', { textDocument: { uri: dumpUri, languageId: 'markdown', version: ++version, text: dumpText } });
				const symbols = await stallGuard(client, client.request('textDocument/documentSymbol', { textDocument: { uri: dumpUri } }), burst);
				assert.equal(symbols.error, undefined, JSON.stringify(symbols.error));
				assert.equal(client.process.exitCode, null);
			}),
			{ numRuns: fuzzRuns(150), seed: fuzzSeed(2024), endOnFailure: true },
		);
		const internal = client.messages.filter((m): m is ResponseMessage => 'error' in m && (m as ResponseMessage).error?.code === -32603);
		assert.deepEqual(
			internal.map((m) => `${sent.get(m.id!) ?? m.id}: ${m.error!.message}`),
			[],
			'InternalError answers',
		);
		const unhandled = client
			.notifications('window/logMessage')
			.map((n: NotificationMessage) => (n.params as LogMessageParams).message)
			.filter((m) => /^(Unhandled error|Reading the input failed|Settings not applied)/.test(m));
		assert.deepEqual(unhandled, []);
		assert.ok(sent.size > 0);
	});
});

/** A burst the server does not answer after within 20 s has stopped it: said with the burst and the server's last words, rather than a silent time-out. */
function stallGuard<T>(client: RawClient, answer: Promise<T>, burst: readonly Action[]): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const stalled = new Promise<never>((_, reject) => {
		timer = setTimeout(() => {
			const last = JSON.stringify(client.messages.slice(-5)).slice(0, 3000);
			reject(
				new Error(`no answer 20 s after the burst ${JSON.stringify(burst).slice(0, 2000)}\nlast messages: ${last}\nstderr: ${client.stderr.slice(-2000)}`),
			);
		}, 20_000);
	});
	return Promise.race([answer, stalled]).finally(() => clearTimeout(timer));
}
