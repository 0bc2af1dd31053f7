/**
 * Train/validation/test splits without leakage: tickets whose near-duplicate similarity reaches the
 * duplicates threshold (the prints and the estimate of duplicates/duplicateIndex.ts) are one group,
 * and groups, not tickets, are assigned. Within each product the groups are shuffled with a seeded
 * generator and laid out over the split ratios from a random start (systematic sampling), so every
 * product is spread over the splits as far as its group sizes allow. The same items, ratios and
 * seed give the same assignment.
 */
import { DuplicateIndex, type TicketPrint } from '../duplicates/duplicateIndex';
import { hash53 } from '../document/textHash';

export interface SplitItem {
	readonly product: string;
	readonly print: TicketPrint;
}

export interface SplitPlan {
	/** Per item, the index of its split in the ratios. */
	readonly splitOf: Uint8Array;
	readonly groups: number;
	/** The largest estimated similarity of two items in different splits among the candidate pairs (0 when none). */
	readonly largestCrossSimilarity: number;
}

/** mulberry32: small, fast and the same on every platform. */
function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function find(parent: Int32Array, i: number): number {
	while (parent[i] !== i) {
		parent[i] = parent[parent[i]];
		i = parent[i];
	}
	return i;
}

function shuffle<T>(list: T[], random: () => number): void {
	for (let i = list.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[list[i], list[j]] = [list[j], list[i]];
	}
}

/** The split whose share of [0, 1) holds `position`. */
function splitAt(position: number, bounds: readonly number[]): number {
	for (let s = 0; s < bounds.length - 1; s++) if (position < bounds[s]) return s;
	return bounds.length - 1;
}

/** Every candidate pair of items (the LSH's, each pair once) with its estimated similarity. */
interface CandidatePairs {
	readonly count: number;
	readonly first: Int32Array;
	readonly second: Int32Array;
	readonly similarity: Float32Array;
}

/**
 * One pass over the candidates: a pair is found from its later item. The pairs are few next to the
 * items (264k for 100k generated tickets) and kept, so the largest cross-split similarity needs no
 * second pass over the index.
 */
function candidatePairs(items: readonly SplitItem[]): CandidatePairs {
	const index = new DuplicateIndex();
	index.addMany(items.map((item, i) => [i, item.print] as const));
	let first = new Int32Array(1024);
	let second = new Int32Array(1024);
	let similarity = new Float32Array(1024);
	let count = 0;
	items.forEach((item, i) => {
		for (const m of index.matches(item.print, 0, (k) => k >= i)) {
			if (count === first.length) {
				first = grown(first, new Int32Array(count * 2));
				second = grown(second, new Int32Array(count * 2));
				similarity = grown(similarity, new Float32Array(count * 2));
			}
			first[count] = m.key;
			second[count] = i;
			similarity[count++] = m.similarity;
		}
	});
	return { count, first, second, similarity };
}

function grown<T extends Int32Array | Float32Array>(from: T, to: T): T {
	to.set(from);
	return to;
}

/** Groups of items at `threshold` or more, linked transitively; each group's members in item order. */
function nearCopyGroups(pairs: CandidatePairs, items: number, threshold: number): number[][] {
	const parent = new Int32Array(items).map((_, i) => i);
	for (let p = 0; p < pairs.count; p++) {
		if (pairs.similarity[p] < threshold) continue;
		const a = find(parent, pairs.first[p]);
		const b = find(parent, pairs.second[p]);
		// The smaller index is the root: groups come out in the order of their first item.
		if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
	}
	const groups = new Map<number, number[]>();
	for (let i = 0; i < items; i++) {
		const root = find(parent, i);
		const group = groups.get(root);
		if (group) group.push(i);
		else groups.set(root, [i]);
	}
	return [...groups.values()];
}

export function assignSplits(items: readonly SplitItem[], ratios: readonly number[], seed: number, threshold: number): SplitPlan {
	const total = ratios.reduce((a, b) => a + b, 0);
	const bounds: number[] = [];
	let sum = 0;
	for (const r of ratios) bounds.push((sum += r) / total);
	const pairs = candidatePairs(items);
	const groups = nearCopyGroups(pairs, items.length, threshold);
	const byProduct = new Map<string, number[][]>();
	for (const group of groups) {
		const product = items[group[0]].product;
		const list = byProduct.get(product);
		if (list) list.push(group);
		else byProduct.set(product, [group]);
	}
	const splitOf = new Uint8Array(items.length);
	for (const product of [...byProduct.keys()].sort()) {
		const list = byProduct.get(product)!;
		// One generator per product: adding tickets of one product does not reshuffle the others.
		const random = seededRandom(hash53(product, seed));
		shuffle(list, random);
		const size = list.reduce((n, g) => n + g.length, 0);
		const start = random();
		let before = 0;
		for (const group of list) {
			const split = splitAt((start + (before + group.length / 2) / size) % 1, bounds);
			for (const i of group) splitOf[i] = split;
			before += group.length;
		}
	}
	let largest = 0;
	for (let p = 0; p < pairs.count; p++) if (splitOf[pairs.first[p]] !== splitOf[pairs.second[p]]) largest = Math.max(largest, pairs.similarity[p]);
	return { splitOf, groups: groups.length, largestCrossSimilarity: largest };
}
