/** The parts of a SearchIndex (server/src/service/search/searchIndex.ts) put together as its add() does, for the tests of each part. */
import type { TicketFields } from '../../../server/src/service/document/ticketDigest';
import { copyPrint } from '../../../server/src/service/duplicates/exactCopies';
import { TermWeights, ticketImpacts } from '../../../server/src/service/search/bm25f';
import { ForwardLists } from '../../../server/src/service/search/forwardLists';
import { IndexedTickets } from '../../../server/src/service/search/indexedTickets';
import { PostingLists } from '../../../server/src/service/search/postingLists';
import { defaultRankingParams } from '../../../server/src/service/search/rankingParams';

export const fields = (title: string, description = '', answers = '', dialog = ''): TicketFields => ({ title, description, answers, dialog });

export function searchParts(list: readonly TicketFields[] = []) {
	const lists = new PostingLists();
	const tickets = new IndexedTickets();
	const weights = new TermWeights(defaultRankingParams, lists, tickets);
	const forward = new ForwardLists();
	const add = (f: TicketFields) => {
		const doc = tickets.add(tickets.count, 0, undefined, copyPrint(f));
		const entries = ticketImpacts(f, defaultRankingParams, (term) => lists.termId(term));
		for (const [id, impact] of entries) lists.post(id, doc, impact);
		forward.added(doc, entries, weights);
		return doc;
	};
	list.forEach(add);
	return { lists, tickets, weights, forward, add };
}
