/**
 * Splits the bytes a client writes into JSON-RPC message bodies (`Content-Length: n`, a blank line,
 * n bytes of JSON), and survives broken framing, which vscode-jsonrpc's reader does not (after one
 * bad header it never reads a message again):
 * - a header block without a usable Content-Length (missing, misspelt, not a number): the body is
 *   the JSON value that follows, its brackets telling where it ends;
 * - a Content-Length too long: the body's JSON value ends early and the next header follows it; the
 *   value is the message and reading goes on after it, without waiting for bytes that never come;
 * - a Content-Length too short (a length counted in characters, not UTF-8 bytes): the value is
 *   followed on in what has already come;
 * - anything else that is not JSON is reported unparsable (the caller answers ParseError), and
 *   reading resumes at the next `Content-Length:`.
 * Resynchronising there is sound because `Content-Length:` stands outside a JSON string only in a
 * header. One inside a string (a document quoting HTTP) may be taken for a header after an error;
 * what follows is then itself broken framing, and reading resumes again, so the stream always comes
 * back to the client's next message. Every error is reported.
 */

import { ByteQueue } from './byteQueue';

const maxHeaderBytes = 8192;
const contentLength = 'content-length:';
const [openBrace, closeBrace, openBracket, closeBracket, quote, backslash] = ['{', '}', '[', ']', '"', '\\'].map((c) => c.charCodeAt(0));

export interface FrameSink {
	/** A body that is well-formed JSON, parsed. */
	message(value: unknown): void;
	/** A body that is not JSON (answered ParseError by the caller); `detail` says why. */
	unparsable(detail: string): void;
	/** A framing error, for the log. */
	framingError(detail: string): void;
}

/** How far the JSON value starting at `start` has been followed (see advance). */
interface ValueScan {
	start: number;
	index: number;
	depth: number;
	inString: boolean;
	escaped: boolean;
}

type Mode =
	| { readonly kind: 'header' }
	/**
	 * A body of `length` bytes. While they come: `searched`, how far a header was looked for in them;
	 * `scan`, how far the value was followed, and `end`, where it closed.
	 */
	| { readonly kind: 'body'; readonly length: number; searched?: number; scan?: ValueScan; end?: number }
	/** A body of unknown length (its header had none): its value, followed as bytes come. */
	| { readonly kind: 'value'; scan?: ValueScan }
	/** After an error: looking for the next `Content-Length:`. */
	| { readonly kind: 'resync' };

export class FrameParser {
	private readonly queue = new ByteQueue();
	private mode: Mode = { kind: 'header' };

	constructor(private readonly sink: FrameSink) {}

	/** Bytes read and not yet a message. */
	get pendingBytes(): number {
		return this.queue.length;
	}

	/** The body length the parser is waiting to complete, if it is waiting for one. */
	get awaitedBodyLength(): number | undefined {
		return this.mode.kind === 'body' ? this.mode.length : undefined;
	}

	push(chunk: Buffer): void {
		this.queue.append(chunk);
		while (this.step());
	}

	/** One step of reading; false when more bytes are needed. */
	private step(): boolean {
		switch (this.mode.kind) {
			case 'header':
				return this.readHeader();
			case 'body':
				return this.readBody(this.mode);
			case 'value':
				return this.readValue(this.mode);
			case 'resync':
				return this.resync(0);
		}
	}

	private readHeader(): boolean {
		const bytes = this.queue.view();
		// Blank lines between messages are tolerated.
		let start = 0;
		while (start < bytes.length && isSpace(bytes[start])) start++;
		if (start) {
			this.queue.consume(start);
			return true;
		}
		if (!bytes.length) return false;
		const end = headerEnd(bytes);
		if (!end) {
			if (bytes.length <= maxHeaderBytes) return false;
			this.sink.framingError(`no end of headers in the first ${maxHeaderBytes} bytes`);
			return this.resync(1);
		}
		const headers = bytes.toString('latin1', 0, end.headers);
		const length = contentLengthOf(headers);
		this.queue.consume(end.body);
		if (typeof length === 'number') {
			this.mode = { kind: 'body', length };
			this.queue.reserve(length);
		} else {
			this.sink.framingError(`${length} in ${JSON.stringify(headers.slice(0, 200))}`);
			// The JSON value after these headers, if one follows, is the message they meant.
			this.mode = { kind: 'value' };
		}
		return true;
	}

	private readBody(mode: Extract<Mode, { kind: 'body' }>): boolean {
		const bytes = this.queue.view();
		const { length } = mode;
		if (bytes.length < length) {
			// A value that ends early with more than blank space after it (the next header, say): the Content-Length is too long.
			// Followed only once a header shows in what has come: a well-framed 20 MB body is not scanned byte by byte.
			if (mode.scan === undefined && !this.startsValue(bytes)) return this.mode !== mode;
			if (!containsHeader(bytes, mode.searched ?? 0)) {
				mode.searched = Math.max(0, bytes.length - contentLength.length);
				return false;
			}
			const end = this.follow(mode, bytes, length);
			if (this.mode !== mode) return true;
			if (end === undefined) return false;
			const next = skipSpace(bytes, end);
			if (next >= bytes.length || mayBeContentLength(bytes, next)) return false;
			return this.deliver(bytes, mode.scan!.start, end, `the Content-Length (${length}) is longer than its message (${end} bytes)`);
		}
		let value: unknown;
		try {
			value = JSON.parse(bytes.toString('utf8', 0, length));
		} catch (error) {
			return this.recoverBody(bytes, mode, (error as Error).message);
		}
		this.queue.consume(length);
		this.mode = { kind: 'header' };
		this.sink.message(value);
		return true;
	}

	/**
	 * Follows the body's value through `bytes` up to `limit`: where it ends, or undefined while it
	 * goes on. A header inside it (outside a string) means the message was cut off there: reported,
	 * and reading goes on at that header.
	 */
	private follow(mode: Extract<Mode, { kind: 'body' }>, bytes: Buffer, limit: number): number | undefined {
		if (mode.end !== undefined) return mode.end;
		mode.scan ??= newScan(bytes);
		if (!mode.scan) return undefined;
		const end = advance(mode.scan, bytes, limit);
		if (end?.cut) {
			this.sink.unparsable('the message ends before its JSON value does');
			this.resync(end.at);
			return undefined;
		}
		mode.end = end?.at;
		return mode.end;
	}

	/**
	 * Whether the body that has begun to come may be a message: blank so far, or a `{` or `[` first.
	 * Anything else is reported at once (the length may be garbled: its bytes may never come).
	 */
	private startsValue(bytes: Buffer): boolean {
		const start = skipSpace(bytes, 0);
		if (start >= bytes.length || bytes[start] === openBrace || bytes[start] === openBracket) return true;
		this.sink.unparsable('the body is not a JSON object');
		this.resync(0);
		return false;
	}

	/** A body of the declared length that is not JSON: its value may end before it or, in what has come, after it. */
	private recoverBody(bytes: Buffer, mode: Extract<Mode, { kind: 'body' }>, detail: string): boolean {
		const end = this.follow(mode, bytes, bytes.length);
		if (this.mode !== mode) return true;
		if (end !== undefined && end !== mode.length && parses(bytes, mode.scan!.start, end)) {
			const longer = end < mode.length ? 'longer' : 'shorter';
			return this.deliver(bytes, mode.scan!.start, end, `the Content-Length (${mode.length}) is ${longer} than its message (${end} bytes)`);
		}
		this.sink.unparsable(detail);
		return this.resync(0);
	}

	/** The value of a body whose header gave no length: up to its closing bracket, or cut by the next header. */
	private readValue(mode: Extract<Mode, { kind: 'value' }>): boolean {
		const bytes = this.queue.view();
		if (!mode.scan) {
			const start = skipSpace(bytes, 0);
			if (start >= bytes.length) return false;
			mode.scan = newScan(bytes);
			if (!mode.scan) return this.resync(start);
		}
		const end = advance(mode.scan, bytes, bytes.length);
		if (!end) return false;
		if (end.cut) {
			this.sink.unparsable('the message ends before its JSON value does');
			this.resync(end.at);
			return true;
		}
		const text = bytes.toString('utf8', mode.scan.start, end.at);
		this.queue.consume(end.at);
		this.mode = { kind: 'header' };
		try {
			this.sink.message(JSON.parse(text));
		} catch (error) {
			this.sink.unparsable((error as Error).message);
		}
		return true;
	}

	/** The value from `start` to `end` is the message (when it parses); `why` the length was wrong. Reading goes on after it. */
	private deliver(bytes: Buffer, start: number, end: number, why: string): boolean {
		const text = bytes.toString('utf8', start, end);
		this.sink.framingError(why);
		this.queue.consume(end);
		this.mode = { kind: 'header' };
		let value: unknown;
		try {
			value = JSON.parse(text);
		} catch (error) {
			this.sink.unparsable((error as Error).message);
			return true;
		}
		this.sink.message(value);
		return true;
	}

	/** Reading resumes at the next `Content-Length:` from `from`; false when none has come yet. */
	private resync(from: number): boolean {
		const bytes = this.queue.view();
		const at = indexOfContentLength(bytes, from);
		if (at < 0) {
			// A header may be cut between two chunks: its start is kept.
			this.queue.consume(Math.max(0, bytes.length - contentLength.length));
			this.mode = { kind: 'resync' };
			return false;
		}
		this.queue.consume(at);
		this.mode = { kind: 'header' };
		return true;
	}
}

function isSpace(b: number): boolean {
	return b === 0x20 || b === 0x09 || b === 0x0d || b === 0x0a;
}

function skipSpace(bytes: Buffer, from: number): number {
	let i = from;
	while (i < bytes.length && isSpace(bytes[i])) i++;
	return i;
}

/** A scan of the value at the start of `bytes` (after blank space); undefined when none starts there or nothing has come. */
function newScan(bytes: Buffer): ValueScan | undefined {
	const start = skipSpace(bytes, 0);
	if (start >= bytes.length || (bytes[start] !== openBrace && bytes[start] !== openBracket)) return undefined;
	return { start, index: start, depth: 0, inString: false, escaped: false };
}

/**
 * Follows the value of `scan` through `bytes` up to `limit`: the offset after its closing bracket
 * (strings skipped); undefined when `limit` comes first, `scan` then saying where to go on. `cut`
 * when it is no JSON, `at` then saying where to look for the next header: at a `Content-Length:`
 * outside any string (the value was cut off there), or after the value's start at a line break in
 * a string, which JSON does not allow (the scan took a header's text for a string).
 */
function advance(scan: ValueScan, bytes: Buffer, limit: number): { at: number; cut?: boolean } | undefined {
	const stop = Math.min(limit, bytes.length);
	for (let i = scan.index; i < stop; i++) {
		const b = bytes[i];
		if (scan.inString) {
			if (b === 0x0a || b === 0x0d) return { at: scan.start + 1, cut: true };
			if (scan.escaped) scan.escaped = false;
			else if (b === backslash) scan.escaped = true;
			else if (b === quote) scan.inString = false;
		} else if (b === quote) scan.inString = true;
		else if (b === openBrace || b === openBracket) scan.depth++;
		else if (b === closeBrace || b === closeBracket) {
			if (--scan.depth === 0) return { at: i + 1 };
		} else if ((b === 0x43 || b === 0x63) && startsWithContentLength(bytes, i)) return { at: i, cut: true };
	}
	scan.index = stop;
	return undefined;
}

function parses(bytes: Buffer, start: number, end: number): boolean {
	try {
		JSON.parse(bytes.toString('utf8', start, end));
		return true;
	} catch {
		return false;
	}
}

/** Where the header block ends (`\r\n\r\n`, or `\n\n` from a sloppy client) and the body starts. */
function headerEnd(bytes: Buffer): { headers: number; body: number } | undefined {
	const limit = Math.min(bytes.length, maxHeaderBytes + 4);
	for (let i = 0; i < limit - 1; i++) {
		if (bytes[i] !== 0x0a) continue;
		if (bytes[i + 1] === 0x0a) return { headers: i, body: i + 2 };
		if (bytes[i + 1] === 0x0d && bytes[i + 2] === 0x0a) return { headers: i, body: i + 3 };
	}
	return undefined;
}

/** The Content-Length of a header block, or why there is none. */
function contentLengthOf(headers: string): number | string {
	for (const line of headers.split(/\r?\n/)) {
		const colon = line.indexOf(':');
		if (colon < 0 || line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
		const value = line.slice(colon + 1).trim();
		return /^\d{1,10}$/.test(value) && Number(value) <= 2 ** 31 ? Number(value) : `a Content-Length that is not a number (${JSON.stringify(value)})`;
	}
	return 'no Content-Length header';
}

/** Whether the bytes at `at` begin a `Content-Length:` that has not fully come yet. */
function mayBeContentLength(bytes: Buffer, at: number): boolean {
	const available = bytes.length - at;
	if (available >= contentLength.length) return false;
	for (let k = 0; k < available; k++) {
		const b = bytes[at + k];
		if ((b >= 0x41 && b <= 0x5a ? b + 0x20 : b) !== contentLength.charCodeAt(k)) return false;
	}
	return true;
}

function startsWithContentLength(bytes: Buffer, at: number): boolean {
	if (at + contentLength.length > bytes.length) return false;
	for (let k = 0; k < contentLength.length; k++) {
		const b = bytes[at + k];
		if ((b >= 0x41 && b <= 0x5a ? b + 0x20 : b) !== contentLength.charCodeAt(k)) return false;
	}
	return true;
}

/** Whether a `Content-Length:` (in its usual spellings: searched natively, for speed) is in `bytes` from `from`. */
function containsHeader(bytes: Buffer, from: number): boolean {
	return (
		bytes.indexOf('Content-Length:', from, 'latin1') >= 0 ||
		bytes.indexOf('content-length:', from, 'latin1') >= 0 ||
		bytes.indexOf('CONTENT-LENGTH:', from, 'latin1') >= 0
	);
}

function indexOfContentLength(bytes: Buffer, from: number): number {
	for (let i = from; i <= bytes.length - contentLength.length; i++) {
		const b = bytes[i];
		if ((b === 0x43 || b === 0x63) && startsWithContentLength(bytes, i)) return i;
	}
	return -1;
}
