/**
 * Masking every leak of a dump at once (the "mask all leaks" command), from the text alone: the
 * line scan splits it into tickets and the leak detectors run on each, without the Markdown parse
 * a full validation needs, so a whole workspace is masked in seconds. The masks are the ones the
 * leak findings carry, and the same configuration (codes switched off, the allow-list) applies.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { TicketConfig } from '../config/ticketConfig';
import { allowListFor } from './allowList';
import { findLeaks } from './findLeaks';
import type { LeakCode } from './leak';
import { LineIndex, shiftRange } from '../document/positions';
import { scanFile } from '../document/scan';

export interface MaskedLeaks {
	/** One edit per leak, in text order. */
	readonly edits: TextEdit[];
	/** How many leaks of each code. */
	readonly counts: Partial<Record<LeakCode, number>>;
}

function scanOptions(config: TicketConfig) {
	return { enabled: (code: LeakCode) => config.rules[code] !== 'off', allow: allowListFor(config.allowList) };
}

export function maskLeaks(text: string, config: TicketConfig): MaskedLeaks {
	const edits: TextEdit[] = [];
	const counts: Partial<Record<LeakCode, number>> = {};
	const options = scanOptions(config);
	for (const chunk of scanFile(text).chunks) {
		const leaks = findLeaks(chunk.text, options);
		if (!leaks.length) continue;
		const index = new LineIndex(chunk.text);
		for (const leak of leaks) {
			edits.push({ range: shiftRange(index.rangeAt(leak.start, leak.end), chunk.startLine), newText: leak.mask });
			counts[leak.code] = (counts[leak.code] ?? 0) + 1;
		}
	}
	return { edits, counts };
}

/** The text with every leak replaced by its mask (an export's copy: the dump itself is not touched). */
export function maskedText(text: string, config: TicketConfig): string {
	const options = scanOptions(config);
	const parts: string[] = [];
	let done = 0;
	for (const chunk of scanFile(text).chunks) {
		for (const leak of findLeaks(chunk.text, options)) {
			parts.push(text.slice(done, chunk.startOffset + leak.start), leak.mask);
			done = chunk.startOffset + leak.end;
		}
	}
	if (!parts.length) return text;
	parts.push(text.slice(done));
	return parts.join('');
}
