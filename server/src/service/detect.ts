/**
 * Which files are ticket dumps: decided by content, so a README next to the dumps gets nothing
 * from us. A dump has at least one category line, or the H1 title and the declared-count line
 * near its top. Lines inside fenced code blocks do not count: a README that shows an example
 * ticket in a fence is still a README.
 */
import { escapeRegExp, type TicketLabels } from './labels';
import { LineIndex } from './positions';

/** The header is looked for in this many leading lines. */
const headerLines = 40;

const h1 = /^\uFEFF? {0,3}#(?:[ \t]|$)/;
const fenceOpen = /^ {0,3}(`{3,}|~{3,})/;

export function isTicketDump(text: string, labels: TicketLabels): boolean {
	const index = new LineIndex(text);
	const count = new RegExp(labels.declaredCount);
	const category = new RegExp(`^[ \\t]*\\*\\*${escapeRegExp(labels.categoryKey)}\\*\\*`);
	/** The closing line of the fenced block we are in. */
	let fenceClose: RegExp | undefined;
	let title = false;
	let declared = false;
	for (let line = 0; line < index.lineCount; line++) {
		const lineText = index.lineText(line);
		if (fenceClose) {
			if (fenceClose.test(lineText)) fenceClose = undefined;
			continue;
		}
		const open = fenceOpen.exec(lineText);
		if (open) {
			fenceClose = new RegExp(`^ {0,3}${open[1][0]}{${open[1].length},}[ \\t]*$`);
			continue;
		}
		if (category.test(lineText)) return true;
		if (line < headerLines && h1.test(lineText)) title = true;
		else if (line < headerLines && count.test(lineText)) declared = true;
		if (title && declared) return true;
	}
	return false;
}
