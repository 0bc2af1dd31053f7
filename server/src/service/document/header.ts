/** Reads the file header (the lines before the first ticket): H1 titles, the declared count, separators. */
import type { TicketLabels } from '../config/labels';
import type { FileHeader, DeclaredCount } from './model';
import type { LineIndex } from './positions';
import type { Located } from './types';

export const thematicBreakLine = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const h1Line = /^( {0,3}#)(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;

export function readHeader(index: LineIndex, endLine: number, labels: TicketLabels): FileHeader {
	const titles: Located[] = [];
	const separators = [];
	let declaredCount: DeclaredCount | undefined;
	const countPattern = new RegExp(labels.declaredCount);
	for (let line = 0; line < endLine; line++) {
		const raw = index.lineText(line);
		const bom = line === 0 && raw.startsWith('\uFEFF') ? 1 : 0;
		const text = raw.slice(bom);
		const h1 = h1Line.exec(text);
		if (h1) {
			const title = (h1[2] ?? '').trim();
			const start = bom + (title ? text.indexOf(title, h1[1].length) : 0);
			titles.push({ text: title, range: { start: { line, character: start }, end: { line, character: title ? start + title.length : raw.length } } });
			continue;
		}
		if (thematicBreakLine.test(text)) {
			separators.push(index.lineRange(line));
			continue;
		}
		const count = declaredCount ? null : countPattern.exec(text);
		// Group 1 is the number; a configured pattern whose group did not take part found none.
		if (count?.[1] !== undefined) {
			const numberStart = bom + count.index + count[0].indexOf(count[1]);
			declaredCount = {
				value: Number(count[1]),
				number: { text: count[1], range: { start: { line, character: numberStart }, end: { line, character: numberStart + count[1].length } } },
				line: index.lineRange(line),
			};
		}
	}
	return { titles, declaredCount, separators, endLine };
}
