/**
 * The ticket separator: inserting the `---` a ticket lacks after its last line, and the blank line
 * a `---` needs when it stands right under text (Markdown then reads the text as a heading).
 */
import * as l10n from '@vscode/l10n';
import type { Diagnostic } from 'vscode-languageserver-types';
import { lineBreak, type Fix, type FixContext } from './fix';

const rule = /^ {0,3}-{3,}[ \t]*$/;

export function separatorFix(diagnostic: Diagnostic, { doc }: FixContext): Fix[] {
	const nl = lineBreak(doc);
	if (typeof (diagnostic.data as { insertAfterLine?: unknown } | undefined)?.insertAfterLine === 'number') {
		const end = diagnostic.range.end;
		return [{ title: l10n.t('Insert `---` after the ticket'), edits: [{ range: { start: end, end }, newText: `${nl}${nl}---` }], safe: true }];
	}
	const line = diagnostic.range.start.line;
	const above = line > 0 ? doc.index.lineText(line - 1) : '';
	if (rule.test(doc.index.lineText(line)) && above.trim() && !rule.test(above)) {
		const start = { line, character: 0 };
		return [{ title: l10n.t('Insert a blank line before `---`'), edits: [{ range: { start, end: start }, newText: nl }], safe: true }];
	}
	return [];
}
