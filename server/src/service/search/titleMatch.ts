/**
 * Matching typed text against ticket titles, for workspace symbols (Ctrl+T). Chinese has no word
 * boundaries, so "证书过期" must find "SSL证书已经过期": a title matches when it holds every word and
 * every CJK character of the query, in any order. Titles that hold the query as one piece rank
 * first (at the start best), then by how many of the query's CJK pairs they keep together.
 */
import { forEachTerm, TermKind } from './tokenize';

export interface TitleQuery {
	/** Lower-cased, without spaces. */
	readonly compact: string;
	/** Words and CJK characters that must all occur. */
	readonly required: readonly string[];
	readonly bigrams: readonly string[];
}

const spaces = /[\s\u00a0\u3000]+/g;

export function titleQuery(text: string): TitleQuery {
	const required = new Set<string>();
	const bigrams = new Set<string>();
	forEachTerm(text, (term, kind) => {
		if (kind === TermKind.Bigram) bigrams.add(term);
		else required.add(term);
	});
	return { compact: text.toLowerCase().replace(spaces, ''), required: [...required], bigrams: [...bigrams] };
}

/** 0 when the title does not match; otherwise higher is better. */
export function titleScore(query: TitleQuery, title: string): number {
	if (!query.compact) return 1;
	const compact = title.toLowerCase().replace(spaces, '');
	const at = compact.indexOf(query.compact);
	if (at >= 0) return 1000 + (at === 0 ? 500 : 0) - Math.min(compact.length, 400);
	if (!query.required.length) return 0;
	for (const term of query.required) if (!compact.includes(term)) return 0;
	let together = 0;
	for (const pair of query.bigrams) if (compact.includes(pair)) together++;
	return 1 + 10 * together;
}

/** The best matches among `items`, best first; ties keep the shorter title, then the original order. */
export function matchTitles<T>(query: string, items: Iterable<T>, titleOf: (item: T) => string, limit: number): T[] {
	const q = titleQuery(query);
	const found: { item: T; score: number; length: number; order: number }[] = [];
	let order = 0;
	for (const item of items) {
		const title = titleOf(item);
		const score = titleScore(q, title);
		if (score > 0) found.push({ item, score, length: title.length, order });
		order++;
	}
	found.sort((a, b) => b.score - a.score || a.length - b.length || a.order - b.order);
	return found.slice(0, limit).map((f) => f.item);
}
