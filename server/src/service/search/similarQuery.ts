/**
 * The similar-ticket queries, as the editor (server/src/workspace/similarTickets.ts) and the CLI
 * (`tickets similar`) both ask them: by one ticket, the whole ticket is the query, with feedback,
 * leaving out the ticket itself and its copies; by typed text, its terms as they are.
 */
import type { TicketDigest } from '../document/ticketDigest';
import { copyPrint } from '../duplicates/exactCopies';
import type { SearchHit, SearchIndex } from './searchIndex';

export interface SimilarQueryOptions {
	/** Most results returned. */
	readonly limit: number;
	/** Only tickets of the query ticket's product (none when it has no product). */
	readonly sameProduct?: boolean;
	/** Leave out the tickets of the query ticket's file. */
	readonly excludeOwnFile?: boolean;
}

/** Where the query ticket stands in the index: its key when it is indexed, and its file's group when that file is. */
export interface OwnPlace {
	readonly key?: number;
	readonly group?: number;
}

/**
 * The tickets most similar to `ticket`. A hit whose skeleton equals the query's may be a masked
 * copy (redaction): `isCopy` says, from the texts, which only the caller has.
 */
export function similarByTicket(
	search: SearchIndex,
	ticket: Pick<TicketDigest, 'fields' | 'product'>,
	own: OwnPlace,
	options: SimilarQueryOptions,
	isCopy: (key: number) => boolean,
): SearchHit[] {
	return search.search(search.ticketQuery(ticket.fields, own.key !== undefined), {
		limit: options.limit,
		feedback: true,
		excludeKeys: own.key === undefined ? undefined : new Set([own.key]),
		excludeGroup: options.excludeOwnFile ? own.group : undefined,
		product: options.sameProduct ? (ticket.product ?? '') : undefined,
		excludeCopiesOf: { print: copyPrint(ticket.fields), confirm: isCopy },
	});
}

/** The tickets that use the words of `text` most; none for blank text. */
export function similarByText(search: SearchIndex, text: string, limit: number): SearchHit[] {
	return text.trim() ? search.search(search.textQuery(text), { limit }) : [];
}
