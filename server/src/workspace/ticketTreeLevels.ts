/**
 * The Tickets tree, one level at a time, from the index's summaries: grouped (product → subcategory,
 * root cause, or file), filtered (words, problems, kinds of problem) and sorted here, so that the
 * client gets the level it expands and never the whole workspace. Each node carries the errors and
 * warnings of its tickets (problemTable.ts).
 */
import {
	treeGroupId,
	treeTicketId,
	type ProblemCounts,
	type TicketSummary,
	type TicketTreeParams,
	type TreeGroupData,
	type TreeTicketData,
} from '../../../common/protocol';
import { kindBit, type ProblemTable, type TicketProblems } from './problemTable';

/** What the tree calls what a ticket lacks, and how it names a file (translated and resolved by the caller). */
export interface TreeNames {
	readonly product: string;
	readonly subcategory: string;
	readonly rootCause: string;
	readonly file: (uri: string) => string;
	/** For the `labelSuspects` grouping: a suspect ticket's group (given → suggested label), by `suspectKey`. */
	readonly suspects?: ReadonlyMap<string, string>;
}

/** A ticket's key among the label suspects: its file and title line. */
export const suspectKey = (uri: string, titleLine: number) => `${uri}#L${titleLine}`;
const suspectOf = (t: TicketSummary, names: TreeNames) => names.suspects?.get(suspectKey(t.uri, t.titleRange.start.line));

type Level = TreeGroupData['level'];

interface LevelSpec {
	readonly level: Level;
	readonly key: (t: TicketSummary) => string;
	readonly name: (key: string) => string;
}

function levelsOf(grouping: TicketTreeParams['grouping'], names: TreeNames): LevelSpec[] {
	switch (grouping) {
		case 'category':
			return [
				{ level: 'product', key: (t) => t.product ?? '', name: (k) => k || names.product },
				{ level: 'subcategory', key: (t) => t.subcategory ?? '', name: (k) => k || names.subcategory },
			];
		case 'rootCause':
			return [{ level: 'rootCause', key: (t) => t.rootCause ?? '', name: (k) => k || names.rootCause }];
		case 'file':
			return [{ level: 'file', key: (t) => t.uri, name: (k) => names.file(k) }];
		case 'labelSuspects':
			return [{ level: 'suspect', key: (t) => suspectOf(t, names) ?? '', name: (k) => k }];
	}
}

const collator = new Intl.Collator(['zh-CN', 'en'], { numeric: true, sensitivity: 'base' });

export function filterWords(filter: string | undefined): string[] {
	return (filter ?? '').toLocaleLowerCase().split(/\s+/).filter(Boolean);
}

export interface TreeLevel {
	readonly nodes: (TreeGroupData | TreeTicketData)[];
	readonly total: number;
	readonly shown: number;
}

/** `tickets` in file order (files by name). */
export function treeLevel(tickets: readonly TicketSummary[], params: TicketTreeParams, problems: ProblemTable, names: TreeNames): TreeLevel {
	const words = filterWords(params.filter);
	const kinds = (params.kinds ?? []).reduce((bits, k) => bits | kindBit(k), 0);
	const problemsOf = (t: TicketSummary): TicketProblems | undefined => problems.ticket(t.uri, t.ordinal);
	const shown = tickets.filter((t) => {
		if (params.grouping === 'labelSuspects' && suspectOf(t, names) === undefined) return false;
		if (params.problemsOnly || kinds) {
			const p = problemsOf(t);
			if (!p) return false;
			if (params.problemsOnly && !p.errors && !p.warnings) return false;
			if (kinds && !(p.kinds & kinds)) return false;
		}
		if (!words.length) return true;
		const haystack = [t.title, t.product, t.subcategory, t.rootCause, names.file(t.uri)].filter(Boolean).join('\n').toLocaleLowerCase();
		return words.every((w) => haystack.includes(w));
	});
	const levels = levelsOf(params.grouping, names);
	const prefix = `${params.grouping}:`;
	// The parent's path: its keys, one per level, URI-encoded in its id.
	const path = params.parent?.startsWith(prefix) ? params.parent.slice(prefix.length).split('/').map(decodeURIComponent) : [];
	const depth = Math.min(path.length, levels.length);
	const under = shown.filter((t) => path.slice(0, depth).every((key, i) => levels[i].key(t) === key));
	const result = (nodes: (TreeGroupData | TreeTicketData)[]) => ({ nodes, total: tickets.length, shown: shown.length });
	if (depth === levels.length) {
		return result(under.map((t): TreeTicketData => ({ kind: 'ticket', id: treeTicketId(t), ticket: t, ...counts(problemsOf(t)) })));
	}
	const spec = levels[depth];
	const groups = new Map<string, { count: number; errors: number; warnings: number }>();
	for (const t of under) {
		const key = spec.key(t);
		const g = groups.get(key) ?? { count: 0, errors: 0, warnings: 0 };
		const p = problemsOf(t);
		g.count++;
		g.errors += p?.errors ?? 0;
		g.warnings += p?.warnings ?? 0;
		groups.set(key, g);
	}
	const nodes = [...groups].map(([key, g]): TreeGroupData => {
		const header = spec.level === 'file' && !words.length && !params.problemsOnly && !kinds ? problems.header(key) : undefined;
		return {
			kind: 'group',
			id: treeGroupId(params.grouping, [...path.slice(0, depth), key]),
			level: spec.level,
			name: spec.name(key),
			count: g.count,
			errors: g.errors + (header?.errors ?? 0),
			warnings: g.warnings + (header?.warnings ?? 0),
			...(spec.level === 'file' ? { uri: key } : {}),
		};
	});
	nodes.sort((a, b) => (params.sorting === 'name' ? 0 : b.count - a.count) || collator.compare(a.name, b.name));
	return result(nodes);
}

function counts(p: TicketProblems | undefined): ProblemCounts {
	return { errors: p?.errors ?? 0, warnings: p?.warnings ?? 0 };
}
