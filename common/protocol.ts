/**
 * The custom requests and notifications between the client and the server, declared once.
 * The client imports this file; it never copies it. Standard LSP needs none of these: any
 * LSP client gets diagnostics, symbols and folding without them. Each request's params are declared
 * twice over, as a type for the compiler and as a shape (params.ts) the server checks them against
 * (`customRequests`, at the end).
 */
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { Position, Range, WorkspaceEdit } from 'vscode-languageserver-types';
import type { OverviewData, OverviewStrings } from './overview';
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

// ---- The Tickets tree, a level at a time, with each node's problems.

/** Kinds of findings the tree filters by: the rule catalog's categories. */
export const problemKinds = ['structure', 'leaks', 'files', 'duplicates', 'labels'] as const;
export type ProblemKind = (typeof problemKinds)[number];

/**
 * `tickets/tree` (client → server): one level of the Tickets tree. Without `parent`, the top groups
 * with their counts (no ticket: at 114k tickets the answer is a few KB); with a group's `id`, that
 * group's subgroups or tickets. The server groups, filters and sorts; the client renders.
 */
export interface TicketTreeParams {
	/** `labelSuspects`: only the tickets whose label review suspects a label, grouped by given → suggested label. */
	readonly grouping: 'category' | 'rootCause' | 'file' | 'labelSuspects';
	readonly sorting?: 'count' | 'name';
	/** Words that must all occur (case-insensitive) in a ticket's title, category, root cause or file name. */
	readonly filter?: string;
	/** Only tickets with an error or a warning. */
	readonly problemsOnly?: boolean;
	/** Only tickets with a finding of one of these kinds. */
	readonly kinds?: ProblemKind[];
	readonly parent?: string;
}

export const ticketTreeParams = objectOf<TicketTreeParams>(
	{
		grouping: oneOf('category', 'rootCause', 'file', 'labelSuspects'),
		sorting: oneOf('count', 'name'),
		filter: string(),
		problemsOnly: boolean,
		kinds: arrayOf(oneOf(...problemKinds)),
		parent: string(),
	},
	['grouping'],
);

/** Findings counted under a node (its tickets'), or of one ticket. */
export interface ProblemCounts {
	readonly errors: number;
	readonly warnings: number;
}

export interface TreeGroupData extends ProblemCounts {
	readonly kind: 'group';
	/** Stable across answers (VS Code keeps expansion by it); pass it as `parent` for the children. */
	readonly id: string;
	readonly level: 'product' | 'subcategory' | 'rootCause' | 'file' | 'suspect';
	readonly name: string;
	/** Tickets under it (after filtering). */
	readonly count: number;
	/** The file of a `file` group. */
	readonly uri?: string;
}

export interface TreeTicketData extends ProblemCounts {
	readonly kind: 'ticket';
	readonly id: string;
	readonly ticket: TicketSummary;
}

export interface TicketTreeResult {
	readonly nodes: (TreeGroupData | TreeTicketData)[];
	/** Tickets in the workspace, and shown after filtering. */
	readonly total: number;
	readonly shown: number;
	/** The workspace's findings as far as checked: errors, warnings, leaks. */
	readonly totals: ProblemCounts & { readonly leaks: number };
	/** True while the index is being built or tickets still wait for their check. */
	readonly indexing: boolean;
}

export const TicketTreeRequest = new RequestType<TicketTreeParams, TicketTreeResult, void>('tickets/tree');

/**
 * A group's id: the grouping and the group's keys (product then subcategory; root cause; file URI, as
 * the index writes it; the empty key for what a ticket lacks), so that a client can name the group of
 * a ticket it holds (to reveal it) without asking.
 */
export function treeGroupId(grouping: TicketTreeParams['grouping'], keys: readonly string[]): string {
	return `${grouping}:${keys.map(encodeURIComponent).join('/')}`;
}

/** A ticket's id in the tree. */
export const treeTicketId = (t: Pick<TicketSummary, 'uri' | 'ordinal'>) => `${t.uri}#${t.ordinal}`;

// ---- Overview: the workspace's figures for the overview's charts (common/overview.ts).

/**
 * `tickets/overview` (client → server; no parameters): tickets per product, category and root cause,
 * findings per rule and per file, duplicate groups, dialog turns and unanswered tickets over every
 * indexed dump (open ones from the editor's text), the same figures as `tickets stats --json` gives
 * for the same files, with the page's words in the server's language. `indexing` as in `tickets/list`.
 */
export interface OverviewResult {
	readonly data: OverviewData;
	readonly strings: OverviewStrings;
	readonly indexing: boolean;
}

export const OverviewRequest = new RequestType0<OverviewResult, void>('tickets/overview');

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
	/** Closed dumps checked: for the workspace's pulled diagnostics (and the Tickets view's counts with them), and by the Tickets view alone. */
	readonly closedChecks: { readonly workspace: number; readonly tree: number };
}

export const ServerStatsRequest = new RequestType0<ServerStats, void>('tickets/serverStats');

// ---- Export a training set: `tickets export` run by the server over the given folders, with its manifest's counts.

/**
 * `tickets/exportTrainingSet` (client → server): exports the dumps under `inputs` (absolute paths,
 * the first is where the configuration is looked for) to `folder` (absolute, existing, empty or
 * holding an earlier export's manifest.json), as `tickets export` does with the same options, and
 * answers the manifest's counts. Progress comes as `tickets/exportProgress`. Other clients may ignore it.
 */
export interface ExportTrainingSetParams {
	readonly inputs: string[];
	readonly folder: string;
	readonly format: 'chat' | 'sharegpt' | 'alpaca' | 'jsonl' | 'csv';
	/** Train, validation and test shares (`[80, 10, 10]`); one file without. */
	readonly split?: number[];
	readonly seed?: number;
	readonly mask?: boolean;
	readonly allowFindings?: boolean;
}

export const exportTrainingSetParams = objectOf<ExportTrainingSetParams>(
	{
		inputs: arrayOf(string(true)),
		folder: string(true),
		format: oneOf('chat', 'sharegpt', 'alpaca', 'jsonl', 'csv'),
		split: arrayOf(integer(0, 100)),
		seed: integer(0),
		mask: boolean,
		allowFindings: boolean,
	},
	['inputs', 'folder', 'format'],
);

export interface ExportTrainingSetResult {
	/** The manifest written (absolute path). */
	readonly manifest: string;
	readonly tickets: number;
	readonly exported: number;
	readonly withheld: number;
	/** Withheld tickets per reason (`leak`, `error-finding`, `no-staff-answer`, `duplicate`, `placeholder`). */
	readonly byReason: Record<string, number>;
	/** Records per output (`train`, `validation`, `test`, or `all`). */
	readonly bySplit: Record<string, number>;
}

export const ExportTrainingSetRequest = new RequestType<ExportTrainingSetParams, ExportTrainingSetResult, void>('tickets/exportTrainingSet');

/** `tickets/exportProgress` (server → client) while an export runs: tickets read so far. */
export interface ExportProgressParams {
	readonly tickets: number;
	readonly files: number;
}

export const ExportProgressNotification = new NotificationType<ExportProgressParams>('tickets/exportProgress');
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
	{ method: ExportTrainingSetRequest.method, params: exportTrainingSetParams },
	{ method: OverviewRequest.method, params: null },
	{ method: TicketTreeRequest.method, params: ticketTreeParams },
	{ method: LabelReviewRequest.method, params: labelReviewParams },
];
