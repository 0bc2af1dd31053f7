/**
 * Applying LSP TextEdits to a text, and the three checks every quick fix test makes: the exact
 * text after the edit, nothing changed outside the edited ranges, and the same fix asked for again
 * on the result changes nothing.
 */
import { strict as assert } from 'node:assert';
import type { CodeAction, Range, TextEdit } from 'vscode-languageserver-types';
import { createTicketService, type TicketService } from '../../server/src/service/index';
import { LineIndex } from '../../server/src/service/document/positions';
import { textDocument } from './fixtures';

const uri = 'file:///work/dump.md';

/** Applies non-overlapping edits whose ranges all refer to the original text (LSP semantics). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
	const index = new LineIndex(text);
	const spans = edits
		.map((e) => ({ start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end), text: e.newText }))
		.sort((a, b) => b.start - a.start || b.end - a.end);
	let out = text;
	let limit = Infinity;
	for (const s of spans) {
		assert.ok(s.end <= limit, 'edits overlap');
		out = out.slice(0, s.start) + s.text + out.slice(s.end);
		limit = s.start;
	}
	return out;
}

/** The edits of an action on the test document. */
export function editsOf(action: CodeAction): TextEdit[] {
	const changes = action.edit?.changes ?? {};
	assert.deepEqual(Object.keys(changes), [uri], 'an action edits only its own file');
	return changes[uri];
}

/** The quick fixes offered at a range of a text. */
export function quickFixes(text: string, range: Range, service: TicketService = createTicketService()): CodeAction[] {
	return service.codeActions(textDocument(text, uri), { range, only: ['quickfix'] });
}

/** The one action whose title matches, among those offered on the first diagnostic with `code` (on `line`, 1-based, when given). */
export function fixFor(text: string, code: string, title: RegExp, service: TicketService = createTicketService(), line?: number): CodeAction {
	const diagnostic = service.validate(textDocument(text, uri))!.find((d) => d.code === code && (line === undefined || d.range.start.line === line - 1));
	assert.ok(diagnostic, `a ${code} diagnostic`);
	const matching = quickFixes(text, diagnostic.range, service).filter((a) => title.test(a.title) && a.diagnostics?.[0]?.code === code);
	assert.equal(
		matching.length,
		1,
		`one fix matching ${title}: ${quickFixes(text, diagnostic.range, service)
			.map((a) => a.title)
			.join(' | ')}`,
	);
	return matching[0];
}

/**
 * Applies the action and checks: the result is `expected`, the text between the edits is the
 * original text, and the same fix asked for again at the edits' places changes nothing.
 */
export function checkFix(before: string, action: CodeAction, expected: string, service: TicketService = createTicketService()): string {
	const edits = editsOf(action);
	const after = applyEdits(before, edits);
	assert.equal(after, expected);
	assertOutsideUnchanged(before, after, edits);
	for (const edit of edits) {
		const again = quickFixes(after, { start: edit.range.start, end: edit.range.start }, service).filter((a) => a.title === action.title);
		for (const a of again) assert.equal(applyEdits(after, editsOf(a)), after, `"${action.title}" again changes the text`);
	}
	return after;
}

/** Walks the edits forward: every stretch of the original between two edits is found unchanged in the result. */
export function assertOutsideUnchanged(before: string, after: string, edits: readonly TextEdit[]): void {
	const index = new LineIndex(before);
	const spans = edits
		.map((e) => ({ start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end), text: e.newText }))
		.sort((a, b) => a.start - b.start);
	let from = 0;
	let shift = 0;
	for (const s of spans) {
		assert.equal(after.slice(from + shift, s.start + shift), before.slice(from, s.start), 'text before an edit is unchanged');
		shift += s.text.length - (s.end - s.start);
		from = s.end;
	}
	assert.equal(after.slice(from + shift), before.slice(from), 'text after the last edit is unchanged');
}

/** The text with `find` (which must occur exactly once) replaced. */
export function replaceOnce(text: string, find: string, replacement: string): string {
	const at = text.indexOf(find);
	assert.ok(at >= 0 && text.indexOf(find, at + 1) < 0, `"${find}" occurs exactly once`);
	return text.slice(0, at) + replacement + text.slice(at + find.length);
}
