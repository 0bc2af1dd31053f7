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

/**
 * Items are added one at a time, as an export collects them: each is matched against those before
 * it at once (a pair is found from its later item), so the grouping overlaps the collecting; `plan`
 * then lays the groups out over the splits.
 */
export class SplitPlanner {
	private readonly index = new DuplicateIndex();
	private readonly products: string[] = [];
	private readonly prints: TicketPrint[] = [];
	private parent = new Int32Array(1024);

	constructor(private readonly threshold: number) {}

	add(item: SplitItem): void {
		const i = this.products.length;
		if (i === this.parent.length) {
			const grown = new Int32Array(i * 2);
			grown.set(this.parent);
			this.parent = grown;
		}
		this.parent[i] = i;
		for (const m of this.index.matches(item.print, this.threshold)) {
			const a = find(this.parent, i);
			const b = find(this.parent, m.key);
			// The smaller index is the root: groups come out in the order of their first item.
			if (a !== b) this.parent[Math.max(a, b)] = Math.min(a, b);
		}
		this.index.add(i, item.print);
		this.products.push(item.product);
		this.prints.push(item.print);
	}

	/** Groups of items at the threshold or more, linked transitively; each group's members in item order. */
	private groups(): number[][] {
		const groups = new Map<number, number[]>();
		for (let i = 0; i < this.products.length; i++) {
			const root = find(this.parent, i);
			const group = groups.get(root);
			if (group) group.push(i);
			else groups.set(root, [i]);
		}
		return [...groups.values()];
	}

	plan(ratios: readonly number[], seed: number): SplitPlan {
		const total = ratios.reduce((a, b) => a + b, 0);
		const bounds: number[] = [];
		let sum = 0;
		for (const r of ratios) bounds.push((sum += r) / total);
		const groups = this.groups();
		const byProduct = new Map<string, number[][]>();
		for (const group of groups) {
			const product = this.products[group[0]];
			const list = byProduct.get(product);
			if (list) list.push(group);
			else byProduct.set(product, [group]);
		}
		const splitOf = new Uint8Array(this.products.length);
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
		this.prints.forEach((print, i) => {
			for (const m of this.index.matches(print, 0, (k) => k <= i || splitOf[k] === splitOf[i])) largest = Math.max(largest, m.similarity);
		});
		return { splitOf, groups: groups.length, largestCrossSimilarity: largest };
	}
}

export function assignSplits(items: readonly SplitItem[], ratios: readonly number[], seed: number, threshold: number): SplitPlan {
	const planner = new SplitPlanner(threshold);
	for (const item of items) planner.add(item);
	return planner.plan(ratios, seed);
}
