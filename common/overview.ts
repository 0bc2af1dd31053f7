/**
 * The workspace overview as data: what the overview's charts and tables show, built once by the
 * server (`tickets/overview`) or the CLI (`tickets report`) and rendered by one page script
 * (client/page/overviewPage.ts) in a webview or in a self-contained HTML file. Plain JSON, no functions.
 */

/** A name and how many tickets carry it (the empty name: tickets without that field). */
export interface OverviewCount {
	readonly name: string;
	readonly tickets: number;
}

/** A dump: its name as shown (workspace- or folder-relative) and its URI (to open it). */
export interface OverviewFile {
	readonly name: string;
	readonly uri: string;
}

/** A ticket: its file (index into `files`), 0-based title line and title. */
export interface OverviewTicket {
	readonly file: number;
	readonly line: number;
	readonly title: string;
}

export interface OverviewFileFindings {
	/** Index into `files`. */
	readonly file: number;
	readonly errors: number;
	readonly warnings: number;
	/** Information and hints. */
	readonly others: number;
	/** Findings per rule category (structure, leaks, files, duplicates, labels). */
	readonly byCategory: Readonly<Record<string, number>>;
}

export interface OverviewData {
	readonly dumps: number;
	readonly tickets: number;
	readonly files: readonly OverviewFile[];
	/** As `tickets stats --json`: by count, then name. */
	readonly products: readonly OverviewCount[];
	readonly categories: readonly OverviewCount[];
	/** Each category's product and subcategory, by its label in `categories`. */
	readonly categoryKeys: Readonly<Record<string, readonly [string, string]>>;
	readonly rootCauses: readonly OverviewCount[];
	/** Tickets per (product, root cause) pair that occurs. */
	readonly rootCauseByProduct: readonly { readonly product: string; readonly rootCause: string; readonly tickets: number }[];
	/** Findings per rule code, as `tickets stats --json`, with the rule's category. */
	readonly findings: readonly { readonly code: string; readonly category: string; readonly count: number }[];
	/** Per rule code, the first tickets with its findings (at most `findingTicketsLimit` each), to list them when its bar is clicked. */
	readonly findingTickets: Readonly<Record<string, readonly OverviewTicket[]>>;
	/** Files with findings, most findings first. */
	readonly findingsPerFile: readonly OverviewFileFindings[];
	/** Tickets linked by a duplicate finding (same title, exact copy, near copy), largest groups first. */
	readonly duplicateGroups: readonly { readonly code: string; readonly tickets: readonly OverviewTicket[] }[];
	/** How many tickets have each number of dialog turns, by number of turns. */
	readonly turns: readonly { readonly turns: number; readonly tickets: number }[];
	readonly withoutStaffAnswers: readonly OverviewTicket[];
	/**
	 * The label review's root-cause suspects, given label × first suggested label, with their tickets
	 * (in VS Code: from the server's label review; absent where none was made).
	 */
	readonly givenBySuggested?: readonly GivenBySuggested[];
}

export interface GivenBySuggested {
	readonly given: string;
	readonly suggested: string;
	readonly tickets: readonly { readonly uri: string; readonly line: number; readonly title: string }[];
}

export const findingTicketsLimit = 200;

/** What the page shows in words, translated by its host (server/src/workspace/overviewStrings.ts). */
export type OverviewStrings = Readonly<Record<string, string>>;

/** What a page is given: the data, its words, and whether it may ask its host to open tickets. */
export interface OverviewPageInput {
	readonly data: OverviewData;
	readonly strings: OverviewStrings;
	readonly interactive: boolean;
}

/** What a clicked bar or cell stands for; the host filters or lists the tickets behind it. */
export type OverviewSelection =
	| { readonly kind: 'product'; readonly product: string }
	| { readonly kind: 'category'; readonly category: string }
	| { readonly kind: 'rootCause'; readonly rootCause: string; readonly product?: string }
	| { readonly kind: 'file'; readonly uri: string }
	| { readonly kind: 'rule'; readonly code: string }
	| { readonly kind: 'tickets'; readonly tickets: readonly { readonly uri: string; readonly line: number; readonly title: string }[] };

/** Messages from the page to its host (a VS Code webview). */
export type OverviewPageMessage =
	| { readonly type: 'ready' }
	/** What the page drew: the per-product bars' values, for tests and the host's own checks. */
	| { readonly type: 'rendered'; readonly products: readonly OverviewCount[] }
	| { readonly type: 'select'; readonly selection: OverviewSelection };

/** The id of the script element carrying the page's input as JSON. */
export const overviewInputId = 'overview-input';
