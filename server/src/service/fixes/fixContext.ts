/**
 * A quick fix: the edits that repair one diagnostic, in the file's coordinates. A fixer is pure:
 * it reads the parsed document and the diagnostic (its range and `data`), and proposes edits that
 * change only the text the fix names.
 */
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { TicketConfig } from '../config/ticketConfig';
import type { TicketDocument } from '../document/ticketDocument';

export interface Fix {
	readonly title: string;
	readonly edits: readonly TextEdit[];
	/** The fix VS Code applies with "auto fix" (one per diagnostic). */
	readonly preferred?: boolean;
	/**
	 * Safe fixes repair form, never content, and `source.fixAll.tickets` applies them all at once.
	 * Masking, guessed spellings of content (category, root cause), inserted sections, rewritten
	 * answers and deleted tickets always wait for the user to ask.
	 */
	readonly safe?: boolean;
}

export interface FixContext {
	readonly doc: TicketDocument;
	readonly config: TicketConfig;
	/** Every diagnostic of the file (for fixes that act on all of one kind). */
	readonly diagnostics: readonly Diagnostic[];
}

export type Fixer = (diagnostic: Diagnostic, context: FixContext) => Fix[];

/** The line break the file uses, so inserted lines match it. */
export function lineBreak(doc: TicketDocument): string {
	const lf = doc.text.indexOf('\n');
	return lf > 0 && doc.text[lf - 1] === '\r' ? '\r\n' : '\n';
}
