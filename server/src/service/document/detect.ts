/**
 * Which files are ticket dumps: decided by content, so a README next to the dumps gets nothing
 * from us. A dump has at least one category line, or the H1 title and the declared-count line
 * near its top. Lines inside fenced code blocks do not count: a README that shows an example
 * ticket in a fence is still a README.
 */
import { fenceCloserOf } from './fences';
import { escapeRegExp, type TicketLabels } from '../config/labels';

/** The header is looked for in this many leading lines. */
const headerLines = 40;

const h1 = /^\uFEFF? {0,3}#(?:[ \t]|$)/;

export function isTicketDump(text: string, labels: TicketLabels): boolean {
	const count = new RegExp(labels.declaredCount);
	const category = new RegExp(`^[ \\t]*\\*\\*${escapeRegExp(labels.categoryKey)}\\*\\*`);
	/** The closing line of the fenced block we are in. */
	let fenceClose: RegExp | undefined;
	let title = false;
	let declared = false;
	// Lines are read one by one: a dump answers at its first ticket, long before the end of a 20 MB text.
	let line = -1;
	for (const lineText of linesOf(text)) {
		line++;
		if (fenceClose) {
			if (fenceClose.test(lineText)) fenceClose = undefined;
			continue;
		}
		fenceClose = fenceCloserOf(lineText);
		if (fenceClose) continue;
		if (category.test(lineText)) return true;
		if (line < headerLines && h1.test(lineText)) title = true;
		else if (line < headerLines && count.test(lineText)) declared = true;
		if (title && declared) return true;
	}
	return false;
}

/** The text's lines (ended by LF, CRLF or a lone CR), read as they are asked for. */
function* linesOf(text: string): Generator<string> {
	const lineBreak = /\r\n|\r|\n/g;
	let start = 0;
	for (let m = lineBreak.exec(text); m; m = lineBreak.exec(text)) {
		yield text.slice(start, m.index);
		start = lineBreak.lastIndex;
	}
	yield text.slice(start);
}
