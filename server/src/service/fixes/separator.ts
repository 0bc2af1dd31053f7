/**
 * The ticket separator: inserting the `---` a ticket lacks after its last line, and the blank line
 * a `---` needs when it stands right under text (Markdown then reads the text as a heading).
 */
import * as l10n from '@vscode/l10n';
import type { Diagnostic, Position } from 'vscode-languageserver-types';
import type { TicketConfig } from '../config/ticketConfig';
import type { TicketDocument } from '../document/ticketDocument';
import { parseTicket } from '../document/parseTicket';
import { lineBreak, type Fix, type FixContext } from './fixContext';

const rule = /^ {0,3}-{3,}[ \t]*$/;

export function separatorFix(diagnostic: Diagnostic, { doc, config }: FixContext): Fix[] {
	const nl = lineBreak(doc);
	if (typeof (diagnostic.data as { insertAfterLine?: unknown } | undefined)?.insertAfterLine === 'number') {
		const end = diagnostic.range.end;
		if (!endsTicket(doc, end, `${nl}${nl}---`, config)) return [];
		return [{ title: l10n.t('Insert `---` after the ticket'), edits: [{ range: { start: end, end }, newText: `${nl}${nl}---` }], safe: true }];
	}
	const line = diagnostic.range.start.line;
	const above = line > 0 ? doc.index.lineText(line - 1) : '';
	if (rule.test(doc.index.lineText(line)) && above.trim() && !rule.test(above)) {
		// At the end of the line above, before its line break: after a lone CR, an LF inserted at the
		// start of the `---` line would only turn that CR into a CRLF (found by the quick-fix property).
		const at = { line: line - 1, character: above.length };
		return [{ title: l10n.t('Insert a blank line before `---`'), edits: [{ range: { start: at, end: at }, newText: nl }], safe: true }];
	}
	return [];
}

/**
 * Whether inserting `text` at `at` gives the ticket its separator: not when an unclosed code fence or
 * HTML comment swallows the rest of the ticket (the `---` would land inside it, and "fix all" would
 * insert another on every run). Found by the fix-all property (test/service/properties.test.ts).
 */
function endsTicket(doc: TicketDocument, at: Position, text: string, config: TicketConfig): boolean {
	const i = doc.ticketAtLine(at.line);
	if (i === undefined) return false;
	const chunk = doc.chunks[i];
	const offset = doc.index.offsetAt(at) - chunk.startOffset;
	return parseTicket(chunk.text.slice(0, offset) + text + chunk.text.slice(offset), config.labels).separator !== undefined;
}
