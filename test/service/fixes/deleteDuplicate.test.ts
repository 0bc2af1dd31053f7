import { strict as assert } from 'node:assert';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createTicketService } from '../../../server/src/service/index';
import { defectText, textDocument } from '../../support/fixtures';
import { applyEdits, assertOutsideUnchanged, editsOf } from '../../support/edits';

/** A duplicate-ticket diagnostic on the title of ticket `ordinal`, as the duplicate check reports it. */
function duplicate(text: string, ordinal: number, first: boolean): Diagnostic {
	const ticket = createTicketService().parse(textDocument(text)).ticket(ordinal);
	return { range: ticket.title.range, code: 'duplicate-ticket', source: 'tickets', message: 'duplicate', data: { first } };
}

function deleteAction(text: string, diagnostic: Diagnostic) {
	const service = createTicketService();
	return service
		.codeActions(textDocument(text), { range: diagnostic.range, only: ['quickfix'], extra: [diagnostic] })
		.filter((a) => /Delete this duplicate ticket/.test(a.title));
}

describe('fixes/duplicate', () => {
	const base = defectText('clean.md');
	const tickets = base.split(/^(?=## )/m);
	// The clean dump with its first ticket repeated at the end: `---` and blank line included.
	const text = `${base}\n${tickets[1]}`;

	it('deletes a later copy with its separator, keeping the first', () => {
		const diagnostic = duplicate(text, tickets.length - 1, false);
		const [action] = deleteAction(text, diagnostic);
		const edits = editsOf(action);
		const after = applyEdits(text, edits);
		assert.equal(after, `${base}\n`);
		assertOutsideUnchanged(text, after, edits);
		// The copy is gone: nothing is left to delete.
		assert.equal(createTicketService().parse(textDocument(after)).chunks.length, tickets.length - 1);
	});

	it('deletes a copy in the middle up to the next title', () => {
		const middle = `${tickets[0]}${tickets[1]}${tickets[1]}${tickets.slice(2).join('')}`;
		const [action] = deleteAction(middle, duplicate(middle, 1, false));
		assert.equal(applyEdits(middle, editsOf(action)), base);
	});

	it('offers nothing on the first copy', () => {
		assert.deepEqual(deleteAction(text, duplicate(text, 0, true)), []);
	});
});
