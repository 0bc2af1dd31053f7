/**
 * Duplicate tickets across a workspace, without keeping their text. Each ticket gets a print: the
 * hash of its normalised content (equal: an exact duplicate) and a MinHash signature of 128 values
 * over its character 5-shingles (one permutation hashing, see ticketPrint; Jaccard similarity
 * estimated from signatures: a near duplicate above a threshold). Locality-sensitive hashing (32
 * bands of 4 of the 128 values) finds the candidate pairs
 * without comparing every pair; the signature then estimates their similarity.
 *
 * Normalisation drops what every ticket shares or what the dump's processing changes: whitespace,
 * the structure lines (section headings, the category line, speaker labels, answer numbers, the
 * separator) and the spelling of redaction markers (`[REDACTED_PHONE]`, `***`, `1.2.*.*`).
 */
import { hash53 } from '../document/textHash';
import { anySpace, maskedIpv4, maskStars, redactionPlaceholder } from '../document/compare';

const signatureLength = 128;
const bandCount = 32;
const rows = signatureLength / bandCount;
const shingleSize = 5;
/** Shingles come from the first 64 Ki characters of a ticket (the largest real one has 8,185): a 5 MB paste costs no more. */
const maxShingledLength = 64 * 1024;

export interface TicketPrint {
	/** Hash of the normalised content: equal means an exact duplicate (stricter than a copy the similar search leaves out: exactCopies.ts). */
	readonly exact: number;
	/** MinHash values, kept to 16 bits (enough to estimate similarity; 256 bytes a ticket). */
	readonly signature: Uint16Array;
}

const structureLine = /^[ \t]*(?:#{3,6}[ \t].*|-{3,}[ \t]*|\*{3,}[ \t]*)$/gm;
const labelAtLineStart = /^[ \t]*\*\*[^*\n]{1,16}\*\*[ \t\u00a0]*[:：]/gm;
const answerNumber = /^[ \t]*\d{1,3}[.)][ \t]+/gm;
const titleMarker = /^[ \t]*##[ \t]*/;

/** A ticket's text (from its `## ` line) as duplicates are compared. */
export function normalizeTicket(text: string): string {
	return text
		.replace(titleMarker, '')
		.replace(structureLine, '')
		.replace(labelAtLineStart, '')
		.replace(answerNumber, '')
		.replace(redactionPlaceholder, '\u0001')
		.replace(maskedIpv4, '$1\u0001')
		.replace(maskStars, '\u0001')
		.replace(anySpace, '');
}

/** Scratch space: the distinct shingle hashes of one ticket, and an open-addressing set to find them. */
let shingles = new Int32Array(4096);
let seen = new Int32Array(8192);

/** The distinct shingle hashes of a normalised text (chat copies repeat a lot: 客服解答 repeats the staff turns). */
function distinctShingles(normal: string): number {
	const n = normal.length;
	const count = Math.max(1, n - shingleSize + 1);
	let size = 16;
	while (size < count * 2) size *= 2;
	if (seen.length < size) seen = new Int32Array(size);
	if (shingles.length < count) shingles = new Int32Array(count);
	seen.fill(0, 0, size);
	const mask = size - 1;
	let m = 0;
	for (let s = 0; s < count; s++) {
		// FNV-1a over the shingle's UTF-16 units, then a final mix; never 0 (the set's empty mark).
		let h = 0x811c9dc5;
		const end = Math.min(n, s + shingleSize);
		for (let j = s; j < end; j++) h = Math.imul(h ^ normal.charCodeAt(j), 0x01000193);
		h ^= h >>> 15;
		h = Math.imul(h, 0x2c1b3c6d);
		h ^= h >>> 12;
		h |= 1;
		let p = h & mask;
		while (seen[p] !== 0 && seen[p] !== h) p = (p + 1) & mask;
		if (seen[p] === h) continue;
		seen[p] = h;
		shingles[m++] = h;
	}
	return m;
}

/** The exact part of a ticket's print alone (no signature: a sixth of the time). */
export function exactPrint(text: string): number {
	return hash53(normalizeTicket(text));
}

/** Bits of a shingle's hash below the 7 that pick its bin (of 128): its value within the bin. */
const binShift = 32 - Math.log2(signatureLength);
/** Scratch: the minimum value per bin of one ticket (0xffffffff: the bin is empty). */
const binMin = new Uint32Array(signatureLength);

/**
 * The print of a ticket's text. One permutation hashing with optimal densification (Shrivastava,
 * ICML 2017): each shingle is hashed once, its top bits pick one of the 128 bins and the bin keeps
 * the smallest value; an empty bin borrows the value of the first filled bin on its own seeded
 * probe sequence, the same for every ticket, so equal bins still estimate the Jaccard similarity.
 * One hash per shingle instead of 128: an eighth of the time of 128 permutations.
 */
export function ticketPrint(text: string): TicketPrint {
	const normal = normalizeTicket(text);
	const signature = new Uint16Array(signatureLength);
	const m = normal.length ? distinctShingles(normal.length > maxShingledLength ? normal.slice(0, maxShingledLength) : normal) : 0;
	binMin.fill(0xffffffff);
	let filled = 0;
	for (let k = 0; k < m; k++) {
		// A second mix: the set's hash has its lowest bit forced to 1.
		let h = Math.imul(shingles[k] ^ (shingles[k] >>> 16), 0x7feb352d);
		h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
		h = (h ^ (h >>> 16)) >>> 0;
		const bin = h >>> binShift;
		const value = (h << (32 - binShift)) >>> (32 - binShift);
		if (binMin[bin] === 0xffffffff) filled++;
		if (value < binMin[bin]) binMin[bin] = value;
	}
	for (let i = 0; i < signatureLength; i++) {
		let value = binMin[i];
		if (value === 0xffffffff && filled) {
			// Probe bins from a sequence seeded by this bin: the same borrowing in every ticket.
			for (let attempt = 1; value === 0xffffffff; attempt++) {
				let p = Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(attempt, 0x85ebca6b);
				p = Math.imul(p ^ (p >>> 13), 0xc2b2ae35);
				value = binMin[(p ^ (p >>> 16)) >>> binShift];
			}
		}
		// The high bits of the value (an empty ticket: every bin 0xffff).
		signature[i] = value === 0xffffffff ? 0xffff : value >>> (binShift - 16);
	}
	return { exact: hash53(normal), signature };
}

/** The estimated Jaccard similarity of two prints' shingle sets. */
export function similarity(a: Uint16Array, b: Uint16Array): number {
	let same = 0;
	for (let i = 0; i < signatureLength; i++) if (a[i] === b[i]) same++;
	return same / signatureLength;
}

/** The LSH key of band `band` of a signature (4 values, 64 bits, hashed to 32). */
function bandKey(signature: Uint16Array, band: number): number {
	const o = band * rows;
	let h = Math.imul(band + 1, 0x9e3779b1);
	for (let j = 0; j < rows; j++) {
		h = Math.imul(h ^ signature[o + j], 0x85ebca6b);
		h ^= h >>> 13;
	}
	return h >>> 0;
}

export interface DuplicateMatch {
	readonly key: number;
	/** 1 for an exact duplicate, else the estimated similarity. */
	readonly similarity: number;
	readonly exact: boolean;
}

/**
 * Prints of many tickets under the caller's keys, and the duplicates of any print among them.
 * Bands live in sorted typed arrays (binary search), rebuilt lazily when enough tickets changed;
 * tickets added since sit in a small map. About 0.5 KB a ticket.
 */
export class DuplicateIndex {
	private readonly slotOf = new Map<number, number>();
	private keyOfSlot = new Float64Array(1024);
	private exactOfSlot = new Float64Array(1024);
	private alive = new Uint8Array(1024);
	private signatures = new Uint16Array(1024 * signatureLength);
	private slots = 0;
	private dead = 0;
	private readonly byExact = new Map<number, number | number[]>();
	/** Per band, band keys sorted, and the slot of each. */
	private bandKeys: Uint32Array[] = [];
	private bandSlots: Int32Array[] = [];
	/** Slots added since the bands were built: band key → slots. */
	private recent = new Map<number, number[]>();
	private recentCount = 0;
	/** Per slot, the last query that judged it (see matches). */
	private judged = new Uint32Array(0);
	private stamp = 0;

	get size(): number {
		return this.slotOf.size;
	}

	/** Many tickets at once (start-up, a batch scan): the bands are built once at the end. */
	addMany(entries: Iterable<readonly [key: number, print: TicketPrint]>): void {
		for (const [key, print] of entries) this.insert(key, print);
		this.buildBands();
	}

	add(key: number, print: TicketPrint): void {
		const slot = this.insert(key, print);
		for (let b = 0; b < bandCount; b++) {
			const k = bandKey(print.signature, b);
			const list = this.recent.get(k);
			if (list) list.push(slot);
			else this.recent.set(k, [slot]);
		}
		this.recentCount++;
		// Rebuilt when the recent ones are many and a good share of all (the cost of a build is then spread thin).
		if (this.recentCount > 4096 && this.recentCount > this.slotOf.size / 2) this.buildBands();
	}

	private insert(key: number, print: TicketPrint): number {
		this.remove(key);
		if (this.dead > 1024 && this.dead > this.slots / 4) this.compact();
		const slot = this.slots++;
		this.grow(this.slots);
		this.slotOf.set(key, slot);
		this.keyOfSlot[slot] = key;
		this.exactOfSlot[slot] = print.exact;
		this.alive[slot] = 1;
		this.signatures.set(print.signature, slot * signatureLength);
		const same = this.byExact.get(print.exact);
		this.byExact.set(print.exact, same === undefined ? slot : Array.isArray(same) ? [...same, slot] : [same, slot]);
		return slot;
	}

	remove(key: number): boolean {
		const slot = this.slotOf.get(key);
		if (slot === undefined) return false;
		this.slotOf.delete(key);
		this.alive[slot] = 0;
		this.dead++;
		const exact = this.exactOfSlot[slot];
		const same = this.byExact.get(exact);
		if (Array.isArray(same)) {
			const rest = same.filter((s) => s !== slot);
			this.byExact.set(exact, rest.length === 1 ? rest[0] : rest);
		} else this.byExact.delete(exact);
		return true;
	}

	/** The print indexed under a key. */
	printOf(key: number): TicketPrint | undefined {
		const slot = this.slotOf.get(key);
		if (slot === undefined) return undefined;
		return { exact: this.exactOfSlot[slot], signature: this.signatures.slice(slot * signatureLength, (slot + 1) * signatureLength) };
	}

	/** Every indexed ticket that is an exact copy of the print or similar at `threshold` or more, best first; `skip` leaves keys out. */
	matches(print: TicketPrint, threshold: number, skip?: (key: number) => boolean): DuplicateMatch[] {
		const found: DuplicateMatch[] = [];
		// A candidate shares several bands with the print (a near copy, most of them): judged once, marked with this query's stamp.
		if (this.judged.length < this.slots) this.judged = new Uint32Array(this.keyOfSlot.length);
		if (this.stamp === 0xffffffff) this.judged.fill((this.stamp = 0));
		const stamp = ++this.stamp;
		const { judged, alive, signatures } = this;
		const consider = (slot: number, exact: boolean) => {
			if (judged[slot] === stamp || !alive[slot]) return;
			judged[slot] = stamp;
			const key = this.keyOfSlot[slot];
			if (skip?.(key)) return;
			if (exact) {
				found.push({ key, similarity: 1, exact: true });
				return;
			}
			const s = similarity(print.signature, signatures.subarray(slot * signatureLength, (slot + 1) * signatureLength));
			if (s >= threshold) found.push({ key, similarity: s, exact: false });
		};
		const same = this.byExact.get(print.exact);
		if (same !== undefined) for (const slot of Array.isArray(same) ? same : [same]) consider(slot, true);
		for (let b = 0; b < bandCount; b++) {
			const k = bandKey(print.signature, b);
			for (const slot of this.recent.get(k) ?? []) consider(slot, false);
			const keys = this.bandKeys[b];
			if (!keys) continue;
			const slots = this.bandSlots[b];
			for (let i = lowerBound(keys, k); i < keys.length && keys[i] === k; i++) consider(slots[i], false);
		}
		return found.sort((a, b) => b.similarity - a.similarity || a.key - b.key);
	}

	/** Moves every live slot into the sorted band arrays. */
	private buildBands(): void {
		const live: number[] = [];
		for (let s = 0; s < this.slots; s++) if (this.alive[s]) live.push(s);
		// Key and position packed in one float (32 + 21 bits) sort natively, without a comparator.
		const packed = new Float64Array(live.length);
		const spread = 2 ** 21;
		for (let b = 0; b < bandCount; b++) {
			const sortedKeys = new Uint32Array(live.length);
			const sortedSlots = new Int32Array(live.length);
			if (live.length < spread) {
				for (let i = 0; i < live.length; i++)
					packed[i] = bandKey(this.signatures.subarray(live[i] * signatureLength, (live[i] + 1) * signatureLength), b) * spread + i;
				packed.sort();
				for (let i = 0; i < live.length; i++) {
					const at = packed[i] % spread;
					sortedKeys[i] = (packed[i] - at) / spread;
					sortedSlots[i] = live[at];
				}
			} else {
				const keys = live.map((s) => bandKey(this.signatures.subarray(s * signatureLength, (s + 1) * signatureLength), b));
				const order = live.map((_, i) => i).sort((x, y) => keys[x] - keys[y]);
				order.forEach((at, i) => {
					sortedKeys[i] = keys[at];
					sortedSlots[i] = live[at];
				});
			}
			this.bandKeys[b] = sortedKeys;
			this.bandSlots[b] = sortedSlots;
		}
		this.recent = new Map();
		this.recentCount = 0;
	}

	/** Drops dead slots (renumbering the live ones) and rebuilds the bands. */
	private compact(): void {
		const entries = [...this.slotOf.entries()];
		const signatures = new Uint16Array(Math.max(1024, entries.length * 2) * signatureLength);
		const keyOfSlot = new Float64Array(Math.max(1024, entries.length * 2));
		const exactOfSlot = new Float64Array(keyOfSlot.length);
		const alive = new Uint8Array(keyOfSlot.length);
		this.byExact.clear();
		entries.forEach(([key, old], slot) => {
			signatures.set(this.signatures.subarray(old * signatureLength, (old + 1) * signatureLength), slot * signatureLength);
			keyOfSlot[slot] = key;
			exactOfSlot[slot] = this.exactOfSlot[old];
			alive[slot] = 1;
			this.slotOf.set(key, slot);
			const same = this.byExact.get(exactOfSlot[slot]);
			this.byExact.set(exactOfSlot[slot], same === undefined ? slot : Array.isArray(same) ? [...same, slot] : [same, slot]);
		});
		this.signatures = signatures;
		this.keyOfSlot = keyOfSlot;
		this.exactOfSlot = exactOfSlot;
		this.alive = alive;
		this.slots = entries.length;
		this.dead = 0;
		this.buildBands();
	}

	private grow(slots: number): void {
		if (slots <= this.keyOfSlot.length) return;
		const size = Math.max(slots, this.keyOfSlot.length * 2);
		const grown = <T extends Float64Array | Uint8Array | Uint16Array>(old: T, make: (n: number) => T, per = 1) => {
			const next = make(size * per);
			next.set(old);
			return next;
		};
		this.keyOfSlot = grown(this.keyOfSlot, (n) => new Float64Array(n));
		this.exactOfSlot = grown(this.exactOfSlot, (n) => new Float64Array(n));
		this.alive = grown(this.alive, (n) => new Uint8Array(n));
		this.signatures = grown(this.signatures, (n) => new Uint16Array(n), signatureLength);
	}
}

function lowerBound(keys: Uint32Array, k: number): number {
	let lo = 0;
	let hi = keys.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (keys[mid] < k) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

interface DuplicateGroup {
	/** Keys in the order given (the first is kept by "delete duplicate"). */
	readonly keys: readonly number[];
	readonly exact: boolean;
}

/**
 * Every exact and near duplicate among prints (the batch scan: a whole workspace at once). A
 * ticket that has an exact copy is reported only with its exact copies; near duplicates are pairs.
 */
export function findDuplicates(prints: readonly TicketPrint[], threshold: number): { exact: DuplicateGroup[]; near: [number, number, number][] } {
	const index = new DuplicateIndex();
	index.addMany(prints.map((p, i) => [i, p] as const));
	const exactGroups = new Map<number, number[]>();
	prints.forEach((p, i) => {
		const list = exactGroups.get(p.exact);
		if (list) list.push(i);
		else exactGroups.set(p.exact, [i]);
	});
	const exact = [...exactGroups.values()].filter((g) => g.length > 1).map((keys) => ({ keys, exact: true }));
	const near: [number, number, number][] = [];
	prints.forEach((p, i) => {
		for (const m of index.matches(p, threshold, (key) => key <= i)) if (!m.exact && p.exact !== prints[m.key].exact) near.push([i, m.key, m.similarity]);
	});
	return { exact, near };
}
