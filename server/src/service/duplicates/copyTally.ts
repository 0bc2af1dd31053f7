/**
 * A ticket's copies of one kind (exact or near), counted as they come rather than listed: how many,
 * the best similarity, the most similar few and the first in workspace order, which is all their
 * findings show (duplicateFindings.ts). A template-like ticket can have thousands of copies; a list
 * of them for each made the check of 3,000 copies of one ticket quadratic in time and memory.
 */
import { maxRelated } from '../rules/boundedRelated';
import type { DuplicateOf, TicketRef } from './duplicateFindings';

/** What a ticket's findings of one kind need of its copies. */
export interface CopiesSummary {
	readonly count: number;
	/** The highest similarity (0 without copies). */
	readonly best: number;
	/** The most similar copies, at most `maxRelated`: similarity first, then the order they came in (their rank). */
	readonly mostSimilar: readonly DuplicateOf[];
	/** The copy first in workspace order (file URI, then position). */
	readonly first: DuplicateOf | undefined;
}

/** Whether `a` comes before `b` in workspace order. */
export function before(a: TicketRef, b: TicketRef): boolean {
	return a.uri < b.uri || (a.uri === b.uri && a.ordinal < b.ordinal);
}

interface Ranked {
	readonly copy: DuplicateOf;
	readonly rank: number;
}

export class CopyTally {
	count = 0;
	best = 0;
	/** One more than shown, so that a summary can leave one ticket out. */
	private readonly top: Ranked[] = [];
	/** The first two in workspace order, for the same reason. */
	private readonly firsts: DuplicateOf[] = [];

	/** A copy; `rank` orders copies of equal similarity (lower first), as a stable sort of a list would. */
	add(ticket: TicketRef, exact: boolean, similarity: number, rank: number): void {
		this.count++;
		if (similarity > this.best) this.best = similarity;
		let copy: DuplicateOf | undefined;
		const top = this.top;
		const keep = maxRelated + 1;
		const below = (r: Ranked) => r.copy.similarity < similarity || (r.copy.similarity === similarity && r.rank > rank);
		if (top.length < keep || below(top[top.length - 1])) {
			let at = top.length;
			while (at > 0 && below(top[at - 1])) at--;
			top.splice(at, 0, { copy: (copy ??= { ticket, exact, similarity }), rank });
			if (top.length > keep) top.pop();
		}
		const firsts = this.firsts;
		if (firsts.length < 2 || before(ticket, firsts[1].ticket)) {
			const item = (copy ??= { ticket, exact, similarity });
			if (!firsts.length || before(ticket, firsts[0].ticket)) firsts.unshift(item);
			else firsts.splice(1, 0, item);
			if (firsts.length > 2) firsts.pop();
		}
	}

	/**
	 * The summary; `self`, when given, is a ticket that was added (the tally of a group of exact copies,
	 * shared by each of them) and is left out of it.
	 */
	summary(self?: TicketRef): CopiesSummary {
		const mostSimilar = this.top
			.map((r) => r.copy)
			.filter((c) => c.ticket !== self)
			.slice(0, maxRelated);
		const first = this.firsts.find((c) => c.ticket !== self);
		return { count: self ? this.count - 1 : this.count, best: this.best, mostSimilar, first };
	}
}
