/** The true Jaccard similarity of two tickets' 5-shingle sets after normalisation: what MinHash estimates. */
import { normalizeTicket } from '../../server/src/service/duplicates/duplicateIndex';

export function jaccard(a: string, b: string): number {
	const set = (t: string) => {
		const n = normalizeTicket(t);
		const s = new Set<string>();
		for (let i = 0; i + 5 <= n.length; i++) s.add(n.slice(i, i + 5));
		return s;
	};
	const x = set(a);
	const y = set(b);
	let both = 0;
	for (const v of x) if (y.has(v)) both++;
	return both / (x.size + y.size - both || 1);
}
