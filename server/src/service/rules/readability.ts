/**
 * Files the service does not check, and the one finding that says why, at line 1: a file too large
 * to check without weighing on the editor (`limits.maxFileSizeMB`), a binary file, or a file that is
 * not UTF-8 (an editor decodes a GBK export as UTF-8 and hands over U+FFFD for every byte it could
 * not read; checking that mojibake would only bury the one thing to do: convert the file).
 */
import * as l10n from '@vscode/l10n';
import type { Range } from 'vscode-languageserver-types';
import type { TicketConfig } from '../config/ticketConfig';
import type { Finding } from './finding';

type TextProblem = { readonly kind: 'binary' } | { readonly kind: 'notUtf8'; readonly replacements: number };

/** The head of the text that decides: binary files and foreign encodings show from their start. */
const sampleChars = 65_536;
/** U+FFFD this often in the sample, and as at least a tenth of its non-ASCII characters: another encoding. */
const minReplacements = 4;

/** Why a text cannot be a dump as it was decoded, if it cannot. */
export function textProblem(text: string): TextProblem | undefined {
	const sample = text.length > sampleChars ? text.slice(0, sampleChars) : text;
	if (sample.includes('\u0000')) return { kind: 'binary' };
	let replacements = 0;
	let nonAscii = 0;
	for (let i = 0; i < sample.length; i++) {
		const c = sample.charCodeAt(i);
		if (c < 0x80) continue;
		nonAscii++;
		if (c === 0xfffd) replacements++;
	}
	if (replacements < minReplacements || replacements * 10 < nonAscii) return undefined;
	// The message counts them all; this path is taken once per such file.
	let all = 0;
	for (let at = text.indexOf('\ufffd'); at >= 0; at = text.indexOf('\ufffd', at + 1)) all++;
	return { kind: 'notUtf8', replacements: all };
}

/** The text's size in UTF-8 bytes, as on disk (a lone surrogate counts as the 3 bytes of U+FFFD). */
export function utf8Length(text: string): number {
	let bytes = text.length;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x80) continue;
		if (c < 0x800) bytes += 1;
		else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
			bytes += 2; // A pair: 4 bytes for 2 units.
			i++;
		} else bytes += 2;
	}
	return bytes;
}

const megabyte = 1024 * 1024;

/** The text's size in bytes when it is over the limit (its length alone often tells it is not). */
function sizeOver(text: string, limitBytes: number): number | undefined {
	if (text.length * 3 <= limitBytes) return undefined; // Even three bytes a character would fit.
	const bytes = utf8Length(text);
	return bytes > limitBytes ? bytes : undefined;
}

/** Whether a file's tickets go unchecked (too large, binary or not UTF-8): then no duplicate is sought in it either. */
export function isSkippedFile(text: string, config: TicketConfig): boolean {
	return sizeOver(text, config.limits.maxFileSizeMB * megabyte) !== undefined || textProblem(text) !== undefined;
}

/** The finding that replaces a file's checks, when it is not checked; `firstLine` is where it goes. */
export function skippedFile(text: string, config: TicketConfig, firstLine: Range): Finding | undefined {
	const limit = config.limits.maxFileSizeMB;
	const bytes = sizeOver(text, limit * megabyte);
	if (bytes !== undefined) {
		return {
			code: 'file-too-large',
			range: firstLine,
			message: l10n.t(
				'This file is {0} MB, more than the {1} MB of the `ticketCurator.limits.maxFileSizeMB` setting: its tickets are not checked, so that the editor stays responsive. The Outline and the Tickets view still list them. Split the dump into parts, or raise the limit.',
				(bytes / megabyte).toFixed(1),
				limit,
			),
		};
	}
	const problem = textProblem(text);
	if (!problem) return undefined;
	return {
		code: 'file-encoding',
		range: firstLine,
		message:
			problem.kind === 'binary'
				? l10n.t('This file is binary (it contains NUL characters), not a ticket dump: it is not checked.')
				: l10n.t(
						'This file is not UTF-8 text: {0} characters could not be decoded, so it is not checked. Convert it to UTF-8 (for example `iconv -f GBK -t UTF-8`) and open it again.',
						problem.replacements,
					),
	};
}
