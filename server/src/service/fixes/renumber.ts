/** Renumbering a ticket's 客服解答 items 1..n: wrong numbers rewritten, bullets and bare paragraphs given their number. */
import * as l10n from '@vscode/l10n';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { Ticket } from '../document/model';
import type { Fix, FixContext } from './fixContext';

export function renumberFix(diagnostic: Diagnostic, { doc }: FixContext): Fix[] {
	const i = doc.ticketAtLine(diagnostic.range.start.line);
	if (i === undefined) return [];
	const edits = renumberEdits(doc.ticket(i), doc.index.lineText.bind(doc.index));
	return edits.length ? [{ title: l10n.t('Renumber the answers 1..{0}', doc.ticket(i).answers.length), edits, safe: true }] : [];
}

function renumberEdits(ticket: Ticket, lineText: (line: number) => string): TextEdit[] {
	const edits: TextEdit[] = [];
	ticket.answers.forEach((answer, k) => {
		const number = String(k + 1);
		if (answer.numberRange) {
			if (answer.number !== k + 1) edits.push({ range: answer.numberRange, newText: number });
			return;
		}
		const { line, character } = answer.range.start;
		const bullet = /^[-*+][ \t]*/.exec(lineText(line).slice(character));
		const end = { line, character: character + (bullet ? bullet[0].length : 0) };
		edits.push({ range: { start: answer.range.start, end }, newText: `${number}. ` });
	});
	return edits;
}
