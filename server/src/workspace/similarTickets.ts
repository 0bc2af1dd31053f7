/**
 * Answers similar-ticket queries from the workspace index: finds the query ticket (the document's
 * live text when open, else the file), asks the service's ranking, and turns hits into
 * SimilarTicket rows. Used by `tickets/similar` and the title hover. Files are read through the
 * host, asynchronously: a request never blocks the server on the disk.
 */
import type { Position } from 'vscode-languageserver-types';
import type { SimilarTicket, SimilarTicketsParams, TicketSummary } from '../../../common/protocol';
import {
	isCopy,
	similarByText,
	similarByTicket,
	digestTicketAt,
	type SearchHit,
	type SimilarQueryOptions,
	type TicketDigest,
	type TicketFields,
	type TicketService,
} from '../service/index';
import type { WorkspaceIndex } from './workspaceIndex';

export const defaultLimit = 20;
export const maxLimit = 200;

/** What similar-ticket queries need from around them. */
export interface SimilarTicketsHost {
	readonly index: WorkspaceIndex;
	readonly service: TicketService;
	/** An open document's text, `null` when it is open but no dump, undefined when it is not open. */
	openDumpText(uri: string): string | null | undefined;
	/** A file's text from disk; undefined when it cannot be read. */
	readText(uri: string): Promise<string | undefined>;
}

export class SimilarTickets {
	constructor(private readonly host: SimilarTicketsHost) {}

	async answer(params: SimilarTicketsParams): Promise<SimilarTicket[]> {
		const limit = Math.min(maxLimit, Math.max(1, Math.floor(params.limit ?? defaultLimit)));
		if (params.uri && params.position) {
			const ticket = await this.ticketAt(params.uri, params.position);
			if (ticket) return this.similarToTicket(params.uri, ticket, { limit, sameProduct: params.sameProduct, excludeOwnFile: params.excludeOwnFile });
			if (!params.text) return [];
		}
		return this.toRows(similarByText(this.host.index.search, params.text ?? '', limit));
	}

	/**
	 * Tickets similar to one ticket of `uri` (the whole ticket is the query). A hit that may be a
	 * masked copy of the query needs its own text to be sure (rare): those texts are read after a
	 * first ranking, which runs again only when one of them is a copy.
	 */
	async similarToTicket(uri: string, ticket: TicketDigest, options: SimilarQueryOptions): Promise<SimilarTicket[]> {
		const known = new Map<number, boolean>();
		for (;;) {
			const unknown: number[] = [];
			const hits = this.rank(uri, ticket, options, (key) => {
				const answer = known.get(key);
				if (answer === undefined) unknown.push(key);
				return answer ?? false;
			});
			let anyCopy = false;
			for (const key of unknown) {
				const copy = await this.confirmCopy(key, ticket.fields);
				known.set(key, copy);
				anyCopy ||= copy;
			}
			// Ranked again only when a copy was confirmed: had none been, this ranking already answered as the next would.
			if (!anyCopy) return this.toRows(hits);
		}
	}

	private rank(uri: string, ticket: TicketDigest, options: SimilarQueryOptions, confirm: (key: number) => boolean): SearchHit[] {
		const { index } = this.host;
		return similarByTicket(index.search, ticket, { key: index.keyOf(uri, ticket.ordinal), group: index.groupOfIndexed(uri) }, options, confirm);
	}

	/**
	 * The ticket whose lines hold `position` in the document or file `uri`, if it is a dump. Only that
	 * ticket is read (a line scan finds it), so a query costs the same in a 20 MB dump as in a small one.
	 */
	async ticketAt(uri: string, position: Position): Promise<TicketDigest | undefined> {
		const open = this.host.openDumpText(uri);
		if (open === null) return undefined;
		const text = open ?? (await this.host.readText(uri));
		if (text === undefined || (open === undefined && !this.host.service.isTicketDump(text))) return undefined;
		return digestTicketAt(text, position.line, this.host.service.config.labels);
	}

	/**
	 * A hit whose skeleton equals the query's (same text but for Latin/digit runs) is a copy only if
	 * the texts match with redaction wildcards; that needs its text.
	 */
	private async confirmCopy(key: number, fields: TicketFields): Promise<boolean> {
		const summary = this.host.index.ticketByKey(key);
		if (!summary) return false;
		const text = this.host.openDumpText(summary.uri) ?? (await this.host.readText(summary.uri));
		// Only the hit's own ticket is read, found by its line (a whole file would cost ms per confirmation).
		const other = text === undefined ? undefined : digestTicketAt(text, summary.range.start.line, this.host.service.config.labels);
		return !!other && isCopy(fields, other.fields);
	}

	private toRows(hits: readonly SearchHit[]): SimilarTicket[] {
		const rows: SimilarTicket[] = [];
		for (const hit of hits) {
			const t = this.host.index.ticketByKey(hit.key);
			if (t) rows.push(toRow(t, hit));
		}
		return rows;
	}
}

function toRow(t: TicketSummary, hit: SearchHit): SimilarTicket {
	return {
		uri: t.uri,
		range: t.range,
		titleRange: t.titleRange,
		title: t.title,
		category: t.category ?? '',
		score: Math.round(hit.score * 1000) / 1000,
		matchedTerms: hit.matchedTerms,
		description: t.description,
	};
}
