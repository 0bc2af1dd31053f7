/**
 * What confident learning (confidentLearning.ts) reads of a ticket: the search index's terms
 * (search/tokenize.ts) of its own words (ownWords.ts), which leave out its root cause and category,
 * so that no ticket's label is read as evidence of itself.
 */
import type { ParsedTicket } from '../document/model';
import { forEachTerm } from '../search/tokenize';
import type { LabelledTerms } from './confidentLearning';
import type { LabelKind } from './labelSuspects';
import { ticketOwnWords } from './ownWords';

export function givenLabel(ticket: ParsedTicket, kind: LabelKind): string {
	if (kind === 'product') return ticket.category?.product?.text.trim() ?? '';
	return ticket.sections.find((s) => s.kind === 'rootCause')?.contentText.trim() ?? '';
}

export function labelTerms(ticket: ParsedTicket, kind: LabelKind, words = ticketOwnWords(ticket)): LabelledTerms {
	const terms: string[] = [];
	forEachTerm(words, (term) => terms.push(term));
	return { terms, label: givenLabel(ticket, kind) };
}
