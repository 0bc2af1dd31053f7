/**
 * The custom requests and notifications between the client and the server, declared once.
 * The client imports this file; it never copies it. Standard LSP needs none of these: any
 * LSP client gets diagnostics, symbols and folding without them. Each request's params are declared
 * twice over, as a type for the compiler and as a shape (params.ts) the server checks them against
 * (`customRequests`, at the end).
 */
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { Position, Range, WorkspaceEdit } from 'vscode-languageserver-types';
import { arrayOf, boolean, integer, objectOf, oneOf, positionShape, string, type ObjectShape } from './params';

/** One ticket as the tree view and the quick picks show it. */
export interface TicketSummary {
	readonly uri: string;
	/** Position of the ticket in its file, from 0. */
	readonly ordinal: number;
	readonly title: string;
	readonly product?: string;
	readonly subcategory?: string;
	/** `product｜subcategory` with the configured separator, as the server formats it; absent without a product. */
	readonly category?: string;
	readonly rootCause?: string;
	/** The title's range, which opening the ticket selects. */
	readonly titleRange: Range;
	/** From the title line to the ticket's last line. */
	readonly range: Range;
	/** The first lines of 问题描述, for tooltips. */
	readonly description: string;
}

// ---- Workspace index: every ticket of every dump in the workspace folders, open or not.

/**
 * `tickets/list` (client → server): the tickets of the workspace index, in file order.
 * Without `uri`, every indexed dump; with `uri`, only that file's tickets (empty when it is not a dump).
 * While the first indexing runs, the answer holds what is indexed so far and `indexing` is true;
 * a `tickets/didChange` follows when it completes.
 */
export interface TicketListParams {
	readonly uri?: string;
}

export const ticketListParams = objectOf<TicketListParams>({ uri: string(true) });

export interface TicketListResult {
	readonly tickets: TicketSummary[];
	/** True while the start-up (or settings-triggered) indexing is still reading files. */
	readonly indexing: boolean;
}

export const TicketListRequest = new RequestType<TicketListParams, TicketListResult, void>('tickets/list');

/**
 * `tickets/didChange` (server → client): the index changed. `uris` are the files whose tickets were
 * added, changed or removed (a file that stopped being a dump is listed too). Sent once per edit
 * burst of an open dump (debounced like diagnostics), per file event from the watcher, and in
 * batches while indexing; the last one of an indexing run has `indexing: false`.
 */
export interface TicketsDidChangeParams {
	readonly uris: string[];
	readonly indexing: boolean;
}

export const TicketsDidChangeNotification = new NotificationType<TicketsDidChangeParams>('tickets/didChange');

// ---- Recognition: which open documents are ticket dumps.

/**
 * `tickets/dumpRecognized` (server → client): an open document is a ticket dump (sent when it opens
 * as one or becomes one, once per opening). The VS Code client switches such a `.md`/`.txt` document
 * to its `tickets` language, so that the Outline and breadcrumbs show the tickets alone, not Markdown's
 * heading list as well, and the dump gets its own grammar. Other clients may ignore it.
 */
export interface DumpRecognizedParams {
	readonly uri: string;
}

export const DumpRecognizedNotification = new NotificationType<DumpRecognizedParams>('tickets/dumpRecognized');

// ---- Similar tickets.

/**
 * `tickets/similar` (client → server): tickets ranked by similarity (BM25F over title, description,
 * answers and dialog; server/src/service/search/searchIndex.ts) among every indexed dump of the workspace.
 * - `{ uri, position }`: query by the ticket under that position (the whole ticket; the document's
 *   current text when it is open). Its own entry and exact copies of it are not returned.
 * - `{ text }`: a free-text query (the words typed).
 * Both may be given; `uri`/`position` wins when the position is inside a ticket. A position outside
 * any ticket (or a file that is no dump) answers an empty list.
 */
export interface SimilarTicketsParams {
	readonly text?: string;
	readonly uri?: string;
	readonly position?: Position;
	/** Most results (default 20, at most 200). */
	readonly limit?: number;
	/** Only tickets of the query ticket's product (queries by ticket only). */
	readonly sameProduct?: boolean;
	/** Leave out the tickets of the query's own file (queries by ticket only). */
	readonly excludeOwnFile?: boolean;
}

/** A `limit` above 200 is read as 200. */
export const similarTicketsParams = objectOf<SimilarTicketsParams>({
	text: string(),
	uri: string(true),
	position: positionShape,
	limit: integer(1),
	sameProduct: boolean,
	excludeOwnFile: boolean,
});

export interface SimilarTicket {
	readonly uri: string;
	/** The whole ticket, from its title line. */
	readonly range: Range;
	/** Its title text, which opening it selects. */
	readonly titleRange: Range;
	readonly title: string;
	/** `product｜subcategory` as written; empty when the ticket has no category. */
	readonly category: string;
	/** BM25F score: higher is more similar; comparable within one answer only. */
	readonly score: number;
	/** The query terms that weighed most in this match, strongest first (why it matched). */
	readonly matchedTerms: string[];
	/** The first lines of 问题描述. */
	readonly description: string;
}

export const SimilarTicketsRequest = new RequestType<SimilarTicketsParams, SimilarTicket[], void>('tickets/similar');

// Workspace symbols (standard `workspace/symbol`) are answered from the same index: one symbol per
// ticket, named by its title, matched CJK-aware (every word and character of the query, in any
// order), with its category as containerName.

// ---- Mask all leaks: the edit that masks every leak of the workspace's dumps, with counts for the confirmation.

/** `tickets/maskLeaks` (client → server). Without `uris`: every dump of the workspace index and every open dump. */
export interface MaskLeaksParams {
	readonly uris?: string[];
}

export const maskLeaksParams = objectOf<MaskLeaksParams>({ uris: arrayOf(string(true)) });

export interface MaskLeaksFile {
	readonly uri: string;
	/** Leaks per rule code (`pii-phone`, `secret-credential`…). */
	readonly counts: Record<string, number>;
}

export interface MaskLeaksResult {
	/** Files with leaks, in the order given (workspace order when none given). */
	readonly files: MaskLeaksFile[];
	readonly total: number;
	/** One edit over every file; an open document's edit carries its version, so a changed document refuses it. */
	readonly edit: WorkspaceEdit;
}

export const MaskLeaksRequest = new RequestType<MaskLeaksParams, MaskLeaksResult, void>('tickets/maskLeaks');

// ---- Snippets: the ticket, dump and turn templates, written with the configured labels.

/**
 * `tickets/snippet` (client → server): a snippet by name, as completions offer it (LSP snippet
 * syntax). The New Ticket commands insert these, so the palette, the menus and typing `ticket`
 * all write the same text.
 */
export interface SnippetParams {
	readonly name: 'ticket' | 'dump' | 'turn';
}

export const snippetParams = objectOf<SnippetParams>({ name: oneOf('ticket', 'dump', 'turn') }, ['name']);

export interface SnippetResult {
	readonly body: string;
	readonly description: string;
}

export const SnippetRequest = new RequestType<SnippetParams, SnippetResult, void>('tickets/snippet');

// ---- Robustness: what the server process is doing, for tests, benchmarks and bug reports.

/** Counts of the diagnostics scheduler since the server started. */
export interface DiagnosticsRunStats {
	/** Validations asked for (an open, an edit burst, a settings change). */
	readonly scheduled: number;
	/** Dropped before they started: a newer edit came within the debounce, or the document changed or closed. */
	readonly superseded: number;
	/** Started, then abandoned part-way because the document changed (stale work cancelled). */
	readonly cancelled: number;
	/** Finished and published (always for the version current when sent). */
	readonly published: number;
	/** A dump's own findings published ahead of its duplicates, on its first check when those take long. */
	readonly early: number;
	/** Threw outside the rules' own guard: logged, nothing published, the server still up. */
	readonly failed: number;
}

/** The workspace index now, and its work since the server started (an edit re-indexes only its file). */
export interface IndexStats {
	readonly files: number;
	readonly tickets: number;
	/** Files the index read from disk (start-up, watcher events, a closed document falling back to disk). */
	readonly filesRead: number;
	/** Files (re-)indexed because their text differed from what the index held. */
	readonly filesIndexed: number;
}

/** `tickets/serverStats` (client → server): the process and its work; no parameters. */
export interface ServerStats {
	readonly pid: number;
	/** process.memoryUsage(), in bytes; after a full garbage collection when the process runs with `--expose-gc` (tests). */
	readonly memory: { readonly rss: number; readonly heapUsed: number; readonly heapTotal: number; readonly external: number };
	readonly openDocuments: number;
	readonly diagnostics: DiagnosticsRunStats;
	readonly index: IndexStats;
}

export const ServerStatsRequest = new RequestType0<ServerStats, void>('tickets/serverStats');

// ---- Label review.

/**
 * `tickets/labelReview` (client → server): the label suspects of every dump of the workspace, most
 * certain first (server/src/workspace/labelReview.ts), for *Tickets: Review Labels*. With `uri`,
 * the suspects of that dump only (confident learning still reads every dump).
 */
export interface LabelReviewParams {
	readonly uri?: string;
}

export const labelReviewParams = objectOf<LabelReviewParams>({ uri: string(true) });

export interface LabelReviewSuggestion {
	readonly label: string;
	readonly confidence: number;
	/** Its evidence terms the ticket mentions. */
	readonly terms: readonly string[];
}

export interface LabelReviewNeighbour {
	readonly uri: string;
	/** The neighbour's title line, from 0. */
	readonly line: number;
	readonly title: string;
	readonly label: string;
	readonly similarity: number;
}

export interface LabelReviewRow {
	readonly uri: string;
	/** The ticket's title line and the label's line, from 0. */
	readonly line: number;
	readonly labelLine: number;
	readonly title: string;
	readonly kind: 'rootCause' | 'product';
	readonly label: string;
	/** Which method suspects the label: the evidence, confident learning ("statistics"), or both. */
	readonly source: 'both' | 'evidence' | 'statistics';
	/** The given label's evidence, looked for and not found. */
	readonly lookedFor: readonly string[];
	readonly suggestions: readonly LabelReviewSuggestion[];
	readonly learned?: { readonly label: string; readonly probability: number };
	/** The given label's probability from the other tickets, and its threshold. */
	readonly probability?: number;
	readonly threshold?: number;
	/** The most similar tickets, whose labels voted. */
	readonly neighbours: readonly LabelReviewNeighbour[];
}

export interface LabelReviewLearning {
	readonly kind: 'rootCause' | 'product';
	readonly labelled: number;
	/** Confident learning ranks the evidence findings, and its suspects stand alone. */
	readonly ranks: boolean;
	readonly flags: boolean;
	readonly minimumToRank: number;
	readonly minimumTickets: number;
}

export interface LabelReviewResult {
	readonly rows: readonly LabelReviewRow[];
	readonly learning: readonly LabelReviewLearning[];
}

export const LabelReviewRequest = new RequestType<LabelReviewParams, LabelReviewResult, void>('tickets/labelReview');

// ---- Every request the client may send, with the shape of its params (null: it takes none).

export interface CustomRequest {
	readonly method: string;
	readonly params: ObjectShape | null;
}

export const customRequests: readonly CustomRequest[] = [
	{ method: TicketListRequest.method, params: ticketListParams },
	{ method: SimilarTicketsRequest.method, params: similarTicketsParams },
	{ method: MaskLeaksRequest.method, params: maskLeaksParams },
	{ method: SnippetRequest.method, params: snippetParams },
	{ method: ServerStatsRequest.method, params: null },
	{ method: LabelReviewRequest.method, params: labelReviewParams },
];
