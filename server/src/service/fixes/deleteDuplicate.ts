/**
 * Deleting a duplicate ticket: the copy goes with its separator and the blank lines up to the next
 * ticket, so the file stays well formed. Offered on every copy but the first (in file order across
 * the workspace), which is kept.
 */
import * as l10n from '@vscode/l10n';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Fix, FixContext } from './fixContext';

/** What a duplicate-ticket finding carries for its fix. */
export interface DuplicateData {
	/** Whether this copy is the first of its group: it is kept, the others can be deleted. */
	readonly first: boolean;
}

export function deleteDuplicateFix(diagnostic: Diagnostic, { doc }: FixContext): Fix[] {
	const data = diagnostic.data as Partial<DuplicateData> | undefined;
	if (data?.first !== false) return [];
	const i = doc.ticketAtLine(diagnostic.range.start.line);
	if (i === undefined) return [];
	const chunk = doc.chunks[i];
	const start = { line: chunk.startLine, character: 0 };
	// To the next title; the last ticket of a file goes to the end of the text.
	const end = chunk.endLine < doc.index.lineCount ? { line: chunk.endLine, character: 0 } : doc.index.positionAt(doc.text.length);
	return [{ title: l10n.t('Delete this duplicate ticket (the first copy is kept)'), edits: [{ range: { start, end }, newText: '' }] }];
}
