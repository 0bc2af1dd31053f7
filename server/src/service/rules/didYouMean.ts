/** "Did you mean …": the closest known spelling of a mistyped name. */

/** Levenshtein distance, counting UTF-16 code units (enough for CJK names). */
export function editDistance(a: string, b: string): number {
	if (a === b) return 0;
	if (!a.length) return b.length;
	if (!b.length) return a.length;
	let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		const cur = [i];
		for (let j = 1; j <= b.length; j++) {
			cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
		}
		prev = cur;
	}
	return prev[b.length];
}

/** How far a spelling may stray and still be a typo: one edit for short names, up to a third of the name. */
export function typoBudget(name: string): number {
	return Math.max(1, Math.min(3, Math.floor(name.length / 3)));
}

/** The closest candidate within the typo budget, preferring the earlier candidate on ties. */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
	let best: string | undefined;
	let bestDistance = Infinity;
	for (const candidate of candidates) {
		if (candidate === value) return undefined;
		const distance = editDistance(value, candidate);
		if (distance <= typoBudget(candidate) && distance < bestDistance) {
			best = candidate;
			bestDistance = distance;
		}
	}
	return best;
}
