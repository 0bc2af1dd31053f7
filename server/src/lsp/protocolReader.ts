/**
 * The server's message reader over stdio, in place of vscode-jsonrpc's StreamMessageReader, which
 * after one bad header never reads again, drops a body that is not JSON without an answer, and
 * hands on what is not JSON-RPC for the connection to log. Here frames.ts reads past broken framing,
 * and each message is checked before the connection sees it:
 * - a body that is not JSON is answered ParseError (-32700, id null);
 * - a request that is not JSON-RPC (no `"jsonrpc": "2.0"`, a `method` that is no string, an `id`
 *   neither number nor string, `params` neither object nor array) is answered InvalidRequest
 *   (-32600, with its id when it has a usable one); a notification or a response of that kind is
 *   logged and dropped;
 * - `params: null` counts as no params.
 * Every error is logged, and a body that stays incomplete is logged once after a while: the server
 * may wait, but never in silence.
 */
import * as l10n from '@vscode/l10n';
import { AbstractMessageReader, ErrorCodes, type DataCallback, type Disposable, type Message, type ResponseMessage } from 'vscode-languageserver/node';
import { FrameParser, type FrameSink } from './frames';

/** A body incomplete for this long is said in the log (vscode-jsonrpc's partial-message timeout). */
const incompleteLogMs = 10_000;

export interface ReaderHost {
	/** Sends an answer the connection cannot: to a request it never saw. */
	answer(message: ResponseMessage): void;
	log(message: string): void;
}

type Checked = { readonly message: Message } | { readonly problem: string; readonly id: number | string | null; readonly answer: boolean };

export class ProtocolReader extends AbstractMessageReader {
	private incompleteTimer: NodeJS.Timeout | undefined;

	constructor(
		private readonly input: NodeJS.ReadableStream,
		private readonly host: ReaderHost,
	) {
		super();
	}

	listen(callback: DataCallback): Disposable {
		const sink: FrameSink = {
			message: (value) => {
				const checked = checkMessage(value);
				if ('message' in checked) this.deliver(callback, checked.message);
				else this.invalid(checked);
			},
			unparsable: (detail) => {
				const text = l10n.t('Parse error: a message is not JSON ({0}).', detail);
				this.host.log(text);
				this.host.answer(errorAnswer(null, ErrorCodes.ParseError, text));
			},
			framingError: (detail) => this.host.log(l10n.t('Broken message framing in the input ({0}); reading goes on at the next message.', detail)),
		};
		let parser = new FrameParser(sink);
		const onData = (chunk: Buffer | string) => {
			try {
				parser.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
			} catch (error) {
				// A bug here must not end reading: what was pending is dropped and reading starts afresh.
				this.host.log(`Reading the input failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
				parser = new FrameParser(sink);
			}
			this.watchIncomplete(parser);
		};
		const onError = (error: Error) => this.fireError(error);
		const onClose = () => this.fireClose();
		this.input.on('data', onData);
		this.input.on('error', onError);
		this.input.on('end', onClose);
		this.input.on('close', onClose);
		return {
			dispose: () => {
				clearTimeout(this.incompleteTimer);
				this.input.off('data', onData);
				this.input.off('error', onError);
				this.input.off('end', onClose);
				this.input.off('close', onClose);
			},
		};
	}

	/** The connection takes the message; if it throws on one (vscode-jsonrpc does on a `$/cancelRequest` without an id), that one is lost, not the bytes after it. */
	private deliver(callback: DataCallback, message: Message): void {
		try {
			callback(message);
		} catch (error) {
			this.host.log(
				l10n.t(
					'Ignored a message the connection could not take ({0}): {1}',
					error instanceof Error ? error.message : String(error),
					JSON.stringify(message).slice(0, 200),
				),
			);
		}
	}

	private invalid(checked: Exclude<Checked, { message: Message }>): void {
		const text = l10n.t('Invalid request: {0}.', checked.problem);
		this.host.log(checked.answer ? text : l10n.t('Ignored a message that is not JSON-RPC: {0}.', checked.problem));
		if (checked.answer) this.host.answer(errorAnswer(checked.id, ErrorCodes.InvalidRequest, text));
	}

	/** A body still short of its Content-Length after a while is logged once: a wrong length would otherwise hold the server silently. */
	private watchIncomplete(parser: FrameParser): void {
		clearTimeout(this.incompleteTimer);
		this.incompleteTimer = undefined;
		const awaited = parser.awaitedBodyLength;
		if (awaited === undefined) return;
		this.incompleteTimer = setTimeout(() => {
			this.host.log(
				l10n.t(
					'Waiting for the rest of a message: {0} of its {1} bytes have come. A wrong Content-Length would hold every later message.',
					parser.pendingBytes,
					awaited,
				),
			);
		}, incompleteLogMs);
		this.incompleteTimer.unref();
	}
}

function errorAnswer(id: number | string | null, code: number, message: string): ResponseMessage {
	return { jsonrpc: '2.0', id, error: { code, message } };
}

/** JSON-RPC 2.0 as LSP uses it: one object per message (no batches). */
function checkMessage(value: unknown): Checked {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return { problem: Array.isArray(value) ? l10n.t('a batch (an array), which LSP does not use') : l10n.t('not an object'), id: null, answer: true };
	}
	const m = value as Record<string, unknown>;
	const usableId = typeof m.id === 'string' || typeof m.id === 'number';
	const id = usableId ? (m.id as string | number) : null;
	const isResponse = !('method' in m) && ('result' in m || 'error' in m);
	const wrongVersion = m.jsonrpc !== '2.0' ? l10n.t('`jsonrpc` is not "2.0"') : undefined;
	if (isResponse) {
		const problem = wrongVersion ?? (!usableId && m.id !== null ? l10n.t('the `id` of a response is neither a number nor a string') : undefined);
		return problem ? { problem, id, answer: false } : { message: m as unknown as Message };
	}
	// A request (with an id), a notification (without), or neither, which gets an answer as a request would.
	const answer = 'id' in m || !('method' in m);
	const problem =
		wrongVersion ??
		(typeof m.method !== 'string'
			? l10n.t('`method` is not a string')
			: 'id' in m && !usableId
				? l10n.t('`id` is neither a number nor a string')
				: m.params !== undefined && m.params !== null && typeof m.params !== 'object'
					? l10n.t('`params` is neither an object nor an array')
					: undefined);
	if (problem) return { problem, id, answer };
	if (m.params === null) delete m.params;
	return { message: m as unknown as Message };
}
