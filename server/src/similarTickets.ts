/**
 * Answers similar-ticket queries from the workspace index: finds the query ticket (the document's
 * live text when open, else the file on disk), asks the service's ranking, and turns hits into
 * SimilarTicket rows. Used by `tickets/similar` and the title hover.
 */
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Position } from 'vscode-languageserver-types';
import type { ServerContext } from './context';
import type { SimilarTicket, SimilarTicketsParams, TicketSummary } from './protocol';
import { copyPrint, isCopy, summarizeTicketAt, type SearchHit, type TicketDigest, type TicketFields } from './service/index';

export const defaultLimit = 20;
export const maxLimit = 200;

/** The last few files summarised to confirm a masked copy. */
const recent = new Map<string, { text: string; digests: TicketDigest[] }>();
const recentSize = 4;

export async function similarTickets(ctx: ServerContext, params: SimilarTicketsParams): Promise<SimilarTicket[]> {
	const limit = Math.min(maxLimit, Math.max(1, Math.floor(params.limit ?? defaultLimit)));
	if (params.uri && params.position) {
		const ticket = await ticketAt(ctx, params.uri, params.position);
		if (ticket) return similarToTicket(ctx, params.uri, ticket, { limit, sameProduct: params.sameProduct, excludeOwnFile: params.excludeOwnFile });
		if (!params.text) return [];
	}
	if (!params.text?.trim()) return [];
	const search = ctx.index.search;
	return toRows(ctx, search.search(search.textQuery(params.text), { limit }));
}

export interface TicketQueryOptions {
	readonly limit: number;
	readonly sameProduct?: boolean;
	readonly excludeOwnFile?: boolean;
}

/** Tickets similar to one ticket of `uri` (the whole ticket is the query). */
export function similarToTicket(ctx: ServerContext, uri: string, ticket: TicketDigest, options: TicketQueryOptions): SimilarTicket[] {
	const { index } = ctx;
	const ownKey = index.keyOf(uri, ticket.ordinal);
	const query = index.search.ticketQuery(ticket.fields, ownKey !== undefined);
	const hits = index.search.search(query, {
		limit: options.limit,
		feedback: true,
		excludeKeys: ownKey === undefined ? undefined : new Set([ownKey]),
		excludeGroup: options.excludeOwnFile ? index.groupOfIndexed(uri) : undefined,
		product: options.sameProduct ? (ticket.product ?? '') : undefined,
		excludeCopiesOf: { print: copyPrint(ticket.fields), confirm: (key) => confirmCopy(ctx, key, ticket.fields) },
	});
	return toRows(ctx, hits);
}

/**
 * The ticket whose lines hold `position` in the document or file `uri`, if it is a dump. Only that
 * ticket is read (a line scan finds it), so a query costs the same in a 20 MB dump as in a small one.
 */
export async function ticketAt(ctx: ServerContext, uri: string, position: Position): Promise<TicketDigest | undefined> {
	const open = ctx.documents.get(uri);
	if (open && !ctx.isDump(open)) return undefined;
	const text = open ? open.getText() : await readText(uri);
	if (text === undefined || (!open && !ctx.service.isTicketDump(text))) return undefined;
	return summarizeTicketAt(text, position.line, ctx.service.config.labels);
}

function summarized(ctx: ServerContext, uri: string, text: string): TicketDigest[] {
	const known = recent.get(uri);
	if (known?.text === text) return known.digests;
	const digests = ctx.service.isTicketDump(text) ? ctx.service.summarize(text) : [];
	recent.delete(uri);
	recent.set(uri, { text, digests });
	if (recent.size > recentSize) recent.delete(recent.keys().next().value!);
	return digests;
}

async function readText(uri: string): Promise<string | undefined> {
	if (!uri.startsWith('file:')) return undefined;
	try {
		return await readFile(fileURLToPath(uri), 'utf8');
	} catch {
		return undefined;
	}
}

/**
 * A hit whose skeleton equals the query's (same text but for Latin/digit runs) is a copy only if
 * the texts match with redaction wildcards; that needs its text, read here (rare).
 */
function confirmCopy(ctx: ServerContext, key: number, fields: TicketFields): boolean {
	const summary = ctx.index.ticketByKey(key);
	if (!summary) return false;
	const open = ctx.documents.get(summary.uri);
	let text: string | undefined = open?.getText();
	if (text === undefined && summary.uri.startsWith('file:')) {
		try {
			text = readFileSync(fileURLToPath(summary.uri), 'utf8');
		} catch {
			return false;
		}
	}
	const other = text === undefined ? undefined : summarized(ctx, summary.uri, text)[summary.ordinal];
	return !!other && isCopy(fields, other.fields);
}

function toRows(ctx: ServerContext, hits: readonly SearchHit[]): SimilarTicket[] {
	const separator = ctx.service.config.labels.categorySeparator;
	const rows: SimilarTicket[] = [];
	for (const hit of hits) {
		const t = ctx.index.ticketByKey(hit.key);
		if (t) rows.push(toRow(t, hit, separator));
	}
	return rows;
}

function toRow(t: TicketSummary, hit: SearchHit, separator: string): SimilarTicket {
	return {
		uri: t.uri,
		range: t.range,
		titleRange: t.titleRange,
		title: t.title,
		category: t.product ? (t.subcategory ? `${t.product}${separator}${t.subcategory}` : t.product) : '',
		score: Math.round(hit.score * 1000) / 1000,
		matchedTerms: hit.matchedTerms,
		description: t.description,
	};
}
