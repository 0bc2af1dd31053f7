/**
 * The workspace index: every ticket of every dump in the workspace, open or not, one entry per
 * file. A file is (re-)indexed from its text alone, so a change costs only that file. Per ticket
 * it keeps the summary the tree and the quick picks show and the search postings (the text itself
 * is dropped). It is the source of `tickets/list`, workspace symbols, similar tickets and the
 * workspace's category counts.
 */
import type { Range } from 'vscode-languageserver-types';
import type { TicketSummary } from '../../../common/protocol';
import {
	categoryLabel,
	detached,
	hash53,
	LiveDigests,
	runSteps,
	SearchIndex,
	type Steps,
	type TicketDigest,
	type TicketFields,
	type TicketService,
} from '../service/index';

/** Tickets added to the search index between two steps (about 3 ms). */
const ticketsPerStep = 16;

type IndexListener = (uris: string[]) => void;
/** A file's text as it is indexed, or undefined when it leaves the index (for features keeping their own per-ticket data). */
type FileListener = (uri: string, text: string | undefined) => void;

interface IndexedFile {
	/** Number of the file in the search index (its tickets' group). */
	readonly group: number;
	readonly tickets: readonly TicketSummary[];
	/** The search index's key of each ticket, by ordinal. */
	readonly keys: readonly number[];
	/** Hash of each ticket's text (and product), by ordinal: an unchanged ticket keeps its key and postings. */
	readonly ticketHashes: readonly number[];
	readonly categories: readonly string[];
	/** Hash of the text indexed, so that reading the same text again (a dump opened unchanged) costs nothing. */
	readonly textHash: number;
}

export class WorkspaceIndex {
	private readonly files = new Map<string, IndexedFile>();
	private readonly categories = new Map<string, number>();
	private readonly listeners = new Set<IndexListener>();
	private readonly fileListeners = new Set<FileListener>();
	private readonly byKey = new Map<number, TicketSummary>();
	private readonly groups = new Map<string, number>();
	/** The ranking's postings of every indexed ticket (service/search/searchIndex.ts). */
	readonly search = new SearchIndex();
	private nextKey = 0;
	private hashedLabels: unknown;
	/** Open documents' digests, kept between edits (see LiveDigests). */
	private readonly live = new Map<string, LiveDigests>();
	private readonly fieldHashes = new WeakMap<TicketFields, number>();
	/** Per file, the write in progress (see setFileSteps). */
	private readonly writes = new Map<string, { readonly textHash: number }>();
	private hashSalt = 0;
	private ticketCount = 0;
	private builds = 0;
	private completedOnce = false;

	constructor(private readonly service: TicketService) {}

	/** True while a full indexing run reads files. */
	get indexing(): boolean {
		return this.builds > 0;
	}

	get size(): { files: number; tickets: number } {
		return { files: this.files.size, tickets: this.ticketCount };
	}

	/**
	 * Indexes a file from its text: a dump replaces the file's entry, anything else removes it.
	 * Returns whether the file's tickets as listed (summaries) changed.
	 */
	setFile(uri: string, text: string, live = false): boolean {
		return runSteps(this.setFileSteps(uri, text, live));
	}

	/**
	 * The same in steps, for a host that answers requests in between (a 20 MB dump is seconds of
	 * work). Nothing is seen until the last step. A later write of the same file (an edit) wins: this
	 * one then ends without effect, taking back the search entries it added.
	 */
	*setFileSteps(uri: string, text: string, live = false): Steps<boolean> {
		// New labels read the same text differently: the hash is salted with the labels in use.
		if (this.service.config.labels !== this.hashedLabels) {
			this.hashedLabels = this.service.config.labels;
			this.hashSalt++;
			this.live.clear();
		}
		const textHash = hash53(text, this.hashSalt);
		// The same text being written already (the editor's text of a dump the start-up run reads): that write does it.
		if (this.writes.get(uri)?.textHash === textHash) return false;
		if (this.files.get(uri)?.textHash === textHash) {
			this.writes.delete(uri); // A write of another text in progress is stale now.
			return false;
		}
		if (!this.service.isTicketDump(text)) return this.removeFile(uri);
		const write = { textHash };
		this.writes.set(uri, write);
		yield; // Hashing a 20 MB dump is one slice already.
		const digests = yield* this.digest(uri, text, live);
		const before = this.files.get(uri);
		const overtaken = () => this.writes.get(uri) !== write || this.files.get(uri) !== before;
		if (overtaken()) return false;
		// Tickets whose text did not change keep their postings: an edit re-indexes only what it touched.
		const reusable = new Map<number, number[]>();
		before?.ticketHashes.forEach((hash, i) => {
			const keys = reusable.get(hash);
			if (keys) keys.push(before.keys[i]);
			else reusable.set(hash, [before.keys[i]]);
		});
		const group = this.groupOf(uri);
		const ticketHashes: number[] = [];
		const added: number[] = [];
		const keys: number[] = [];
		for (const [i, d] of digests.entries()) {
			// Steps count tickets, reused or not: hashing the tickets of a 20 MB dump alone takes tens of milliseconds.
			if (i % ticketsPerStep === ticketsPerStep - 1) {
				yield;
				if (overtaken()) break;
			}
			ticketHashes.push(this.ticketHash(d));
			let key = reusable.get(ticketHashes[i])?.shift();
			if (key === undefined) {
				key = this.nextKey++;
				this.search.add(key, group, d.fields, d.product);
				added.push(key);
			}
			keys.push(key);
		}
		if (overtaken()) {
			for (const key of added) this.search.remove(key);
			return false;
		}
		this.writes.delete(uri);
		for (const listener of this.fileListeners) listener(uri, text);
		this.drop(uri, new Set(keys));
		const separator = this.service.config.labels.categorySeparator;
		// A ticket listed as before keeps its summary object (nothing to rebuild, nothing to report).
		const tickets = digests.map((d) => {
			const old = before?.tickets[d.ordinal];
			const category = categoryLabel(d, separator);
			return old && sameSummary(old, d, category) ? old : toSummary(uri, d, category);
		});
		const categories = tickets.flatMap((t) => (t.category ? [t.category] : []));
		for (const name of categories) this.categories.set(name, (this.categories.get(name) ?? 0) + 1);
		keys.forEach((key, i) => this.byKey.set(key, tickets[i]));
		for (const stale of [...reusable.values()].flat()) {
			this.search.remove(stale);
			this.byKey.delete(stale);
		}
		this.files.set(uri, { group, tickets, keys, ticketHashes, categories, textHash });
		this.ticketCount += tickets.length;
		return !before || before.tickets.length !== tickets.length || tickets.some((t, i) => t !== before.tickets[i]);
	}

	/** An open document's editing session ended: its per-ticket digests are dropped. */
	forgetLive(uri: string): void {
		this.live.delete(uri);
	}

	private digest(uri: string, text: string, live: boolean): Steps<TicketDigest[]> {
		if (!live) return this.service.digestSteps(text);
		let digests = this.live.get(uri);
		if (!digests) this.live.set(uri, (digests = new LiveDigests(this.service.config.labels)));
		return digests.digestSteps(text);
	}

	/** Hash of a ticket's text and product, remembered per digest (an edit's unchanged tickets share theirs). */
	private ticketHash(d: TicketDigest): number {
		let hash = this.fieldHashes.get(d.fields);
		if (hash === undefined) {
			hash = hash53(`${d.product ?? ''}\u0000${Object.values(d.fields).join('\u0000')}`);
			this.fieldHashes.set(d.fields, hash);
		}
		return hash;
	}

	/** Returns whether the file was indexed. */
	removeFile(uri: string): boolean {
		this.writes.delete(uri);
		for (const listener of this.fileListeners) listener(uri, undefined);
		return this.drop(uri);
	}

	/** Removes every file under a folder URI (a deleted or removed folder); returns the URIs removed. */
	removeFolder(folderUri: string): string[] {
		const prefix = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
		const removed = [...this.files.keys()].filter((uri) => uri.startsWith(prefix));
		for (const uri of removed) this.removeFile(uri);
		return removed;
	}

	has(uri: string): boolean {
		return this.files.has(uri);
	}

	/** Every indexed ticket, without copying them into one array. */
	*allTickets(): IterableIterator<TicketSummary> {
		for (const file of this.files.values()) yield* file.tickets;
	}

	/** The indexed ticket a search hit names. */
	ticketByKey(key: number): TicketSummary | undefined {
		return this.byKey.get(key);
	}

	/** The search key of a file's ticket, by ordinal. */
	keyOf(uri: string, ordinal: number): number | undefined {
		return this.files.get(uri)?.keys[ordinal];
	}

	/** The search index's group (file number) of a file, when indexed. */
	groupOfIndexed(uri: string): number | undefined {
		return this.files.get(uri)?.group;
	}

	uris(): string[] {
		return [...this.files.keys()];
	}

	/** All tickets in file order, or one file's. */
	tickets(uri?: string): TicketSummary[] {
		if (uri !== undefined) return [...(this.files.get(uri)?.tickets ?? [])];
		const all: TicketSummary[] = [];
		for (const file of this.files.values()) for (const t of file.tickets) all.push(t);
		return all;
	}

	/** How often each category occurs across the workspace; undefined before the first indexing completes. */
	categoryCounts(): ReadonlyMap<string, number> | undefined {
		return this.completedOnce ? this.categories : undefined;
	}

	/** Brackets a full indexing run (start-up, settings change). */
	beginBuild(): void {
		this.builds++;
	}

	/** Returns the steps that follow the last run's end (see SearchIndex.settleSteps), or none while another run goes on. */
	endBuild(): Steps<void> | undefined {
		this.builds = Math.max(0, this.builds - 1);
		if (this.builds > 0) return undefined;
		this.completedOnce = true;
		// Keep per ticket only what feedback reads, now that the whole workspace's idf is known.
		return this.search.settleSteps();
	}

	/** Called synchronously as each file is indexed or removed, before `onDidChange` reports the batch. */
	onFileIndexed(listener: FileListener): { dispose(): void } {
		this.fileListeners.add(listener);
		return { dispose: () => this.fileListeners.delete(listener) };
	}

	onDidChange(listener: IndexListener): { dispose(): void } {
		this.listeners.add(listener);
		return { dispose: () => this.listeners.delete(listener) };
	}

	/** Tells listeners which files changed (the caller batches). */
	fire(uris: string[]): void {
		for (const listener of this.listeners) listener(uris);
	}

	/** Forgets a file; `keep` are search keys left in the search index (setFile reuses them). */
	private drop(uri: string, keep?: ReadonlySet<number>): boolean {
		const old = this.files.get(uri);
		if (!old) return false;
		for (const name of old.categories) {
			const n = (this.categories.get(name) ?? 0) - 1;
			if (n > 0) this.categories.set(name, n);
			else this.categories.delete(name);
		}
		for (const key of old.keys) {
			if (keep?.has(key)) continue;
			this.search.remove(key);
			this.byKey.delete(key);
		}
		this.ticketCount -= old.tickets.length;
		this.files.delete(uri);
		return true;
	}

	private groupOf(uri: string): number {
		let group = this.groups.get(uri);
		if (group === undefined) this.groups.set(uri, (group = this.groups.size));
		return group;
	}
}

/** Products, subcategories and root causes repeat across 100k tickets: one string each. */
const labels = new Map<string, string>();
function intern(text: string | undefined): string | undefined {
	if (text === undefined) return undefined;
	let known = labels.get(text);
	if (known === undefined) {
		known = detached(text);
		if (labels.size < 10_000) labels.set(known, known);
	}
	return known;
}

function sameSummary(t: TicketSummary, d: TicketDigest, category: string): boolean {
	return (
		t.title === d.title &&
		t.product === d.product &&
		t.subcategory === d.subcategory &&
		(t.category ?? '') === category &&
		t.rootCause === d.rootCause &&
		t.description === d.preview &&
		sameRange(t.titleRange, d.titleRange) &&
		sameRange(t.range, d.range)
	);
}

function sameRange(a: Range, b: Range): boolean {
	return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function toSummary(uri: string, d: TicketDigest, category: string): TicketSummary {
	return {
		uri,
		ordinal: d.ordinal,
		title: detached(d.title),
		product: intern(d.product),
		subcategory: intern(d.subcategory),
		category: intern(category || undefined),
		rootCause: intern(d.rootCause),
		titleRange: d.titleRange,
		range: d.range,
		description: detached(d.preview),
	};
}
