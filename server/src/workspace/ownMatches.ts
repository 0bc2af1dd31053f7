/**
 * An open dump against itself: its distinct ticket prints, numbered in a small index of their own,
 * and the matches of each among the others, kept across versions (workspaceDuplicates.ts).
 */
import { DuplicateIndex, type Steps, type TicketPrint } from '../service/index';
import { ticketsPerStep } from './workspacePrints';

/** Changed prints up to which an open dump's own matches are updated rather than rebuilt (each costs one query). */
const incrementalChanges = 64;

/** A match between two distinct prints of one open dump. */
interface OwnMatch {
	readonly print: TicketPrint;
	readonly exact: boolean;
	readonly similarity: number;
}

/** An open dump's distinct ticket prints (under numbers in a small index of their own) and the matches of each among the others. */
export interface OwnMatches {
	readonly threshold: number;
	readonly index: DuplicateIndex;
	readonly ids: Map<TicketPrint, number>;
	readonly matches: Map<TicketPrint, OwnMatch[]>;
	nextId: number;
}

/**
 * A version's distinct prints and their matches among each other. A version that changed few
 * tickets updates the last one's `old` in place (matches are symmetric: a new print's matches are
 * added to theirs too), any other is built anew in steps (an abandoned run leaves `old` as it was).
 */
export function* ownMatchesOf(old: OwnMatches | undefined, distinct: ReadonlySet<TicketPrint>, threshold: number): Steps<OwnMatches> {
	const reusable = old?.threshold === threshold ? old : undefined;
	const added = [...distinct].filter((p) => !reusable?.ids.has(p));
	const removed = reusable ? [...reusable.ids.keys()].filter((p) => !distinct.has(p)) : [];
	const state: OwnMatches =
		reusable && added.length + removed.length <= incrementalChanges
			? reusable
			: { threshold, index: new DuplicateIndex(), ids: new Map(), matches: new Map(), nextId: 0 };
	const prints = new Map<number, TicketPrint>();
	for (const [p, id] of state.ids) prints.set(id, p);
	const matchesOf = (p: TicketPrint): OwnMatch[] =>
		state.index.matches(p, threshold, (k) => k === state.ids.get(p)).map((m) => ({ print: prints.get(m.key)!, exact: m.exact, similarity: m.similarity }));
	if (state === reusable) {
		// Synchronous: the kept state is never seen half updated.
		const gone = new Set(removed);
		for (const p of removed) {
			state.index.remove(state.ids.get(p)!);
			state.ids.delete(p);
			state.matches.delete(p);
		}
		if (gone.size)
			for (const [p, list] of state.matches)
				if (list.some((m) => gone.has(m.print)))
					state.matches.set(
						p,
						list.filter((m) => !gone.has(m.print)),
					);
		for (const p of added) {
			const id = state.nextId++;
			state.ids.set(p, id);
			prints.set(id, p);
			state.index.add(id, p);
		}
		const fresh = new Set(added);
		for (const p of added) {
			const found = matchesOf(p);
			state.matches.set(p, found);
			for (const m of found) if (!fresh.has(m.print)) state.matches.get(m.print)!.push({ print: p, exact: m.exact, similarity: m.similarity });
		}
		return state;
	}
	for (const p of distinct) {
		const id = state.nextId++;
		state.ids.set(p, id);
		prints.set(id, p);
	}
	state.index.addMany([...state.ids].map(([p, id]) => [id, p] as const));
	let n = 0;
	for (const p of distinct) {
		if (++n % ticketsPerStep === 0) yield;
		state.matches.set(p, matchesOf(p));
	}
	return state;
}
