/**
 * The Tickets tree's nodes as the client holds them: what the server answered for each level
 * (`tickets/tree`: grouped, filtered, sorted and counted there), linked to their parents, and a
 * group's children once it was expanded. Nothing here knows VS Code.
 */
import type { ProblemKind, TicketSummary, TreeGroupData, TreeTicketData } from '../../../common/protocol';

export type Grouping = 'category' | 'rootCause' | 'file' | 'labelSuspects';
export type Sorting = 'count' | 'name';

export const groupings: readonly Grouping[] = ['category', 'rootCause', 'file', 'labelSuspects'];

export interface GroupNode extends TreeGroupData {
	readonly parent?: GroupNode;
	/** Its subgroups or tickets, once asked for. */
	children?: TreeNode[];
}

export interface TicketNode extends TreeTicketData {
	readonly parent?: GroupNode;
}

export type TreeNode = GroupNode | TicketNode;

export interface TreeViewOptions {
	grouping: Grouping;
	sorting: Sorting;
	/** Words that must all occur (case-insensitive) in a ticket's title, category, root cause or file. */
	filter: string;
	/** Only tickets with errors or warnings. */
	problemsOnly: boolean;
	/** Only tickets with findings of these kinds (none: any). */
	kinds: ProblemKind[];
}

export function filterWords(filter: string): string[] {
	return filter.toLocaleLowerCase().split(/\s+/).filter(Boolean);
}

/** Whether the options hide any ticket. */
export function isFiltered(options: TreeViewOptions): boolean {
	return options.filter.trim() !== '' || options.problemsOnly || options.kinds.length > 0;
}

/**
 * The keys of the groups a ticket is under, top first (protocol.ts treeGroupId); undefined for the
 * label suspects, whose groups only the server knows.
 */
export function groupKeys(ticket: TicketSummary, grouping: Grouping): string[] | undefined {
	switch (grouping) {
		case 'category':
			return [ticket.product ?? '', ticket.subcategory ?? ''];
		case 'rootCause':
			return [ticket.rootCause ?? ''];
		case 'file':
			return [ticket.uri];
		case 'labelSuspects':
			return undefined;
	}
}

/**
 * The ticket that `line` belongs to, among one file's tickets in file order: the last one whose title
 * is at or above it (the `---` and blank lines after a ticket still belong to it); none in the header.
 */
export function ticketAtLine(tickets: readonly TicketSummary[], line: number): TicketSummary | undefined {
	let lo = 0;
	let hi = tickets.length - 1;
	let found: TicketSummary | undefined;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (tickets[mid].range.start.line <= line) {
			found = tickets[mid];
			lo = mid + 1;
		} else hi = mid - 1;
	}
	return found;
}
