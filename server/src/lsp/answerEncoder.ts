/**
 * How answers are written as JSON: as vscode-jsonrpc does, except that a big result sent again
 * (the same object: the Outline of a version is kept, see the service) is not serialised again.
 * The Outline of a 20 MB dump is 14 MB of JSON, 0.1 s of the server's time each time it is asked
 * for, and an editor asks for it again and again while the dump is being checked.
 */
import type { ContentTypeEncoder, ContentTypeEncoderOptions, Message } from 'vscode-languageserver/node';

/** Results with fewer items are serialised every time (caching them would save nothing). */
const bigResult = 1000;
const encoded = new WeakMap<object, Buffer>();

export const answerEncoder: ContentTypeEncoder = {
	name: 'application/json',
	encode(msg: Message, options: ContentTypeEncoderOptions): Promise<Uint8Array> {
		try {
			const result = 'result' in msg ? (msg as { result?: unknown }).result : undefined;
			if (!Array.isArray(result) || !isBig(result)) return Promise.resolve(Buffer.from(JSON.stringify(msg), options.charset));
			let body = encoded.get(result);
			if (!body) encoded.set(result, (body = Buffer.from(JSON.stringify(result), options.charset)));
			const id = (msg as { id?: unknown }).id;
			return Promise.resolve(
				Buffer.concat([Buffer.from(`{"jsonrpc":"2.0","id":${JSON.stringify(id ?? null)},"result":`, options.charset), body, Buffer.from('}', options.charset)]),
			);
		} catch (error) {
			return Promise.reject(error);
		}
	},
};

/** An Outline counts its tickets (the file symbol's children) as items. */
function isBig(result: readonly unknown[]): boolean {
	if (result.length >= bigResult) return true;
	const children = (result[0] as { children?: unknown[] } | undefined)?.children;
	return Array.isArray(children) && children.length >= bigResult;
}
