/**
 * The Tickets tree as plain data: the server's ticket summaries grouped (product → subcategory,
 * root cause, or file), filtered and sorted. Nothing here knows VS Code, so it is tested on its own;
 * the provider only renders these nodes.
 */
import type { TicketSummary } from '../../../common/protocol';

export type Grouping = 'category' | 'rootCause' | 'file' | 'labelSuspects';
export type Sorting = 'count' | 'name';

export const groupings: readonly Grouping[] = ['category', 'rootCause', 'file', 'labelSuspects'];

type GroupLevel = 'product' | 'subcategory' | 'rootCause' | 'file' | 'suspect';

export interface GroupNode {
	readonly kind: 'group';
	/** Unique in the tree and stable across refreshes (VS Code keeps expansion state by it). */
	readonly id: string;
	readonly level: GroupLevel;
	readonly name: string;
	/** Tickets under this group (after filtering). */
	readonly count: number;
	readonly children: readonly TreeNode[];
	readonly parent?: GroupNode;
	/** The file of a `file` group. */
	readonly uri?: string;
}

export interface TicketNode {
	readonly kind: 'ticket';
	readonly id: string;
	readonly ticket: TicketSummary;
	readonly parent?: GroupNode;
}

export type TreeNode = GroupNode | TicketNode;

/** Names shown for what a ticket lacks (translated by the caller). */
interface MissingNames {
	readonly product: string;
	readonly subcategory: string;
	readonly rootCause: string;
}

export interface TreeOptions {
	readonly grouping: Grouping;
	readonly sorting: Sorting;
	/** Words that must all occur (case-insensitive) in a ticket's title, category, root cause or file. */
	readonly filter: string;
	readonly missing: MissingNames;
	/** How a file is named in the tree (a workspace-relative path). */
	readonly fileLabel: (uri: string) => string;
	/**
	 * For the `labelSuspects` grouping: the group of each suspect ticket (its given and suggested
	 * label), by `suspectKey`; tickets without one are left out of that grouping.
	 */
	readonly suspects?: ReadonlyMap<string, string>;
}

/** A ticket's key among the label suspects: its file and title line. */
export const suspectKey = (uri: string, titleLine: number) => `${uri}#L${titleLine}`;

export const ticketId = (t: Pick<TicketSummary, 'uri' | 'ordinal'>) => `${t.uri}#${t.ordinal}`;

export function filterWords(filter: string): string[] {
	return filter.toLocaleLowerCase().split(/\s+/).filter(Boolean);
}

function matchesFilter(ticket: TicketSummary, words: readonly string[], fileLabel: (uri: string) => string): boolean {
	if (!words.length) return true;
	const haystack = [ticket.title, ticket.product, ticket.subcategory, ticket.rootCause, fileLabel(ticket.uri)].filter(Boolean).join('\n').toLocaleLowerCase();
	return words.every((w) => haystack.includes(w));
}

/** Builds the root nodes. Tickets keep their file order inside a group; groups follow `sorting`. */
export function buildTree(tickets: readonly TicketSummary[], options: TreeOptions): GroupNode[] {
	const words = filterWords(options.filter);
	const shown = tickets.filter((t) => matchesFilter(t, words, options.fileLabel));
	const { missing, grouping } = options;
	const by = (level: GroupLevel, keyOf: (t: TicketSummary) => string, nameOf?: (key: string) => string): GroupBy => ({ level, keyOf, nameOf });
	switch (grouping) {
		case 'category':
			return group(shown, `${grouping}:`, options.sorting, [
				by('product', (t) => t.product || missing.product),
				by('subcategory', (t) => t.subcategory || missing.subcategory),
			]);
		case 'rootCause':
			return group(shown, `${grouping}:`, options.sorting, [by('rootCause', (t) => t.rootCause || missing.rootCause)]);
		case 'file':
			return group(shown, `${grouping}:`, options.sorting, [by('file', (t) => t.uri, options.fileLabel)]);
		case 'labelSuspects': {
			const suspects = options.suspects ?? new Map<string, string>();
			const key = (t: TicketSummary) => suspectKey(t.uri, t.titleRange.start.line);
			const suspected = shown.filter((t) => suspects.has(key(t)));
			return group(suspected, `${grouping}:`, options.sorting, [by('suspect', (t) => suspects.get(key(t))!)]);
		}
	}
}

interface GroupBy {
	readonly level: GroupLevel;
	readonly keyOf: (t: TicketSummary) => string;
	readonly nameOf?: (key: string) => string;
}

type MutableGroup = { -readonly [K in keyof GroupNode]: GroupNode[K] };

/** Groups by `levels[0]`, then each group's tickets by the next level; tickets are the leaves. */
function group(tickets: readonly TicketSummary[], idPrefix: string, sorting: Sorting, levels: readonly GroupBy[], parent?: GroupNode): GroupNode[] {
	const [{ level, keyOf, nameOf }, ...deeper] = levels;
	const byKey = new Map<string, TicketSummary[]>();
	for (const t of tickets) {
		const key = keyOf(t);
		const list = byKey.get(key);
		if (list) list.push(t);
		else byKey.set(key, [t]);
	}
	const nodes = [...byKey].map(([key, members]) => {
		const node: MutableGroup = { kind: 'group', id: idPrefix + key, level, name: nameOf ? nameOf(key) : key, count: members.length, children: [], parent };
		if (level === 'file') node.uri = key;
		node.children = deeper.length
			? group(members, `${node.id}/`, sorting, deeper, node)
			: members.map((ticket): TicketNode => ({ kind: 'ticket', id: ticketId(ticket), ticket, parent: node }));
		return node as GroupNode;
	});
	return sortGroups(nodes, sorting);
}

const collator = new Intl.Collator(['zh-CN', 'en'], { numeric: true, sensitivity: 'base' });

function sortGroups(nodes: GroupNode[], sorting: Sorting): GroupNode[] {
	return nodes.sort((a, b) => (sorting === 'count' ? b.count - a.count : 0) || collator.compare(a.name, b.name));
}

/** Every ticket node under `nodes`, in tree order. */
export function* ticketNodes(nodes: readonly TreeNode[]): Generator<TicketNode> {
	for (const node of nodes) {
		if (node.kind === 'ticket') yield node;
		else yield* ticketNodes(node.children);
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
