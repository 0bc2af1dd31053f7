/**
 * Rewriting 客服解答 from the dialog: item k becomes staff turn k, numbered 1..n, a turn's
 * continuation lines indented under its item. Offered where the answers disagree with the dialog,
 * and on a leak inside 客服解答: the dialog is the anonymised copy (the anonymiser skipped the
 * answers), so rewriting removes every value the answers leak at once.
 */
import * as l10n from '@vscode/l10n';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Ticket } from '../document/model';
import { lineBreak, type Fix, type FixContext } from './fixContext';

export function rewriteAnswersFix(diagnostic: Diagnostic, { doc, config }: FixContext): Fix[] {
	const i = doc.ticketAtLine(diagnostic.range.start.line);
	if (i === undefined) return [];
	const ticket = doc.ticket(i);
	const section = ticket.sections.find((s) => s.kind === 'answers');
	const newText = answersFromDialog(ticket, lineBreak(doc));
	if (!section || !newText) return [];
	const range = section.contentText ? section.content : { start: section.heading.end, end: section.heading.end };
	const text = section.contentText ? newText : `${lineBreak(doc)}${lineBreak(doc)}${newText}`;
	const current = doc.text.slice(doc.index.offsetAt(range.start), doc.index.offsetAt(range.end));
	if (current === text) return [];
	return [{ title: l10n.t("Rewrite {0} from the dialog's staff turns", config.labels.sections.answers), edits: [{ range, newText: text }] }];
}

/** On a leak, only when it stands in 客服解答. */
export function rewriteLeakingAnswersFix(diagnostic: Diagnostic, context: FixContext): Fix[] {
	const i = context.doc.ticketAtLine(diagnostic.range.start.line);
	const answers = i === undefined ? undefined : context.doc.ticket(i).sections.find((s) => s.kind === 'answers');
	if (!answers || diagnostic.range.start.line < answers.content.start.line || diagnostic.range.end.line > answers.content.end.line) return [];
	return rewriteAnswersFix(diagnostic, context);
}

/** The staff turns as a numbered list, or '' when the dialog has none. */
function answersFromDialog(ticket: Ticket, nl: string): string {
	const staff = ticket.turns.filter((t) => t.speaker === 'staff');
	return staff
		.map((turn, k) => {
			const marker = `${k + 1}. `;
			const [first, ...rest] = turn.text.split('\n');
			return [marker + first, ...rest.map((line) => ' '.repeat(marker.length) + line.trim())].join(nl);
		})
		.join(`${nl}${nl}`);
}
