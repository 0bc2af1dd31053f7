/**
 * The prints of every indexed ticket of the workspace (service/duplicates/duplicateIndex.ts), in one
 * LSH index: the workspace index hands over each file's text as it indexes it (open or not), and a
 * backlog prints its tickets between requests (prints of a 20 MB dump take seconds). An unchanged
 * ticket keeps its print. Tracks which file changed the index last, so that an open dump's matches
 * among the other files are kept while those files do not change.
 */
import {
	detached,
	DuplicateIndex,
	hash53,
	readTitle,
	scanFile,
	shiftRange,
	ticketPrint,
	type DuplicateMatch,
	type TicketPrint,
	type TicketRef,
	type TicketChunk,
	type Steps,
} from '../service/index';

/** Tickets printed or matched between two yields (a print takes about 0.1 ms). */
export const ticketsPerStep = 16;
/** Indexing work done before other requests get their turn, and the pause after it (start-up indexing takes half the CPU, not all). */
const backlogSliceMs = 10;
const backlogPauseMs = 10;

/** How background work gets its turns: the server's queue, where requests come first. */
export interface SliceScheduler {
	/** Runs `run` at the next free turn (`first`: before work already waiting). */
	nextSlice(run: () => void, first?: boolean): void;
	/** How long a slice may work now, in ms. */
	sliceMs(): number;
}

/** Without a server around (tests): a slice every turn of the event loop. */
export const everyTurn: SliceScheduler = { nextSlice: (run) => void setImmediate(run), sliceMs: () => 5 };

/** What the duplicate backlog tells of its work. */
export interface BacklogProgress {
	begin(): void;
	report(filesDone: number, filesTotal: number): void;
	end(): void;
}

interface FileEntry {
	readonly keys: readonly number[];
	/** Hash of each ticket's text, to find the print of an unchanged ticket again. */
	readonly hashes: readonly number[];
	byHash?: Map<number, number>;
}

/** A file waiting to be printed: its chunks, and how far it got. */
interface Pending {
	readonly uri: string;
	readonly chunks: readonly TicketChunk[];
	readonly keys: number[];
	readonly hashes: number[];
	next: number;
	/** The file's previous prints by ticket-text hash: an unchanged ticket keeps its print (an edit re-prints only what it touched). */
	readonly reusable: Map<number, number[]>;
}

/** What the prints tell the duplicates that own them. */
interface PrintsHost {
	/** The backlog is empty: every indexed file is printed. */
	backlogDone(): void;
	/** A background step threw: logged and counted, the server keeps running. */
	failed(what: string, error: unknown): void;
	/** Told when the backlog starts, how far it got, and when it is empty (the server shows it as progress). */
	readonly progress?: BacklogProgress;
	readonly slices: SliceScheduler;
}

export class WorkspacePrints {
	private readonly index = new DuplicateIndex();
	private readonly files = new Map<string, FileEntry>();
	private readonly refs = new Map<number, TicketRef>();
	/**
	 * Per open dump, the prints its last check made, by ticket text hash: its check runs before the
	 * index takes the text in (checks go first), and the backlog then takes these instead of printing
	 * the same tickets again (13,000 tickets of a 20 MB dump: a second of work).
	 */
	private readonly openPrints = new Map<string, Map<number, TicketPrint>>();
	private readonly backlog = new Map<string, Pending>();
	private working = false;
	/** The backlog emptied and its progress waits for the open dumps' re-check to be asked for (see settled). */
	private progressOpen = false;
	/** Files printed since the backlog last started. */
	private filesDone = 0;
	private nextKey = 0;
	/** Changes of the index, counted, and the file of the latest: whether files besides one changed since a count. */
	private changes = 0;
	private lastChange = { uri: '', at: 0 };
	/** The latest change by a file other than lastChange's. */
	private lastOtherChange = 0;
	/** Per open dump, each print's matches among the other files' tickets: an edit re-matches only its changed tickets. */
	private readonly othersMatches = new Map<string, WeakMap<TicketPrint, { at: number; threshold: number; matches: DuplicateMatch[] }>>();

	constructor(private readonly host: PrintsHost) {}

	/** Tickets indexed, and files still waiting to be. */
	get size(): { tickets: number; pendingFiles: number } {
		return { tickets: this.index.size, pendingFiles: this.backlog.size };
	}

	/** The indexed ticket a match names. */
	ref(key: number): TicketRef | undefined {
		return this.refs.get(key);
	}

	/** The prints an open dump's check made, for the backlog to take (see openPrints). */
	setOpenPrints(uri: string, byHash: Map<number, TicketPrint>): void {
		this.openPrints.set(uri, byHash);
	}

	/** A closed document needs nothing kept. */
	forget(uri: string): void {
		this.othersMatches.delete(uri);
		this.openPrints.delete(uri);
	}

	/** The backlog's progress ends once the open dumps it changed are being checked again. */
	settled(): void {
		if (this.progressOpen && !this.backlog.size) {
			this.progressOpen = false;
			this.host.progress?.end();
		}
	}

	/** The index changed in a file's tickets. */
	private touched(uri: string): void {
		this.changes++;
		if (uri !== this.lastChange.uri) {
			// The previous latest change was by another file than this one: the latest besides it.
			this.lastOtherChange = this.lastChange.at;
			this.lastChange = { uri, at: this.changes };
		} else this.lastChange.at = this.changes;
	}

	/** A print's matches among the indexed tickets of files other than `uri`, kept while those files do not change. */
	othersMatching(uri: string, print: TicketPrint, threshold: number): DuplicateMatch[] {
		// Only this file's tickets are indexed (a dump alone in its folder): there is nothing else to look through.
		if (this.index.size === (this.files.get(uri)?.keys.length ?? 0)) return [];
		let cache = this.othersMatches.get(uri);
		if (!cache) this.othersMatches.set(uri, (cache = new WeakMap()));
		const known = cache.get(print);
		const lastOther = uri === this.lastChange.uri ? this.lastOtherChange : this.lastChange.at;
		if (known && known.threshold === threshold && known.at >= lastOther) return known.matches;
		const matches = this.index.matches(print, threshold, (k) => this.refs.get(k)?.uri === uri);
		cache.set(print, { at: this.changes, threshold, matches });
		return matches;
	}

	/** The print the index already made of this ticket text in this file, if any (opening a workspace file costs no new prints). */
	indexedPrint(uri: string, hash: number): TicketPrint | undefined {
		const file = this.files.get(uri);
		if (!file || this.backlog.has(uri)) return undefined;
		let byHash = file.byHash;
		if (!byHash) {
			byHash = new Map();
			file.keys.forEach((key, i) => byHash!.set(file.hashes[i], key));
			file.byHash = byHash;
		}
		const key = byHash.get(hash);
		return key === undefined ? undefined : this.index.printOf(key);
	}

	/** A file (re)indexed or removed: its old prints go now, its new ones are made from the backlog. */
	fileIndexed(uri: string, text: string | undefined): void {
		// The file's prints so far: those indexed, and those an unfinished earlier backlog entry had yet to reuse.
		const reusable = this.backlog.get(uri)?.reusable ?? new Map<number, number[]>();
		this.touched(uri);
		this.backlog.delete(uri);
		const old = this.files.get(uri);
		old?.keys.forEach((key, i) => {
			const keys = reusable.get(old.hashes[i]);
			if (keys) keys.push(key);
			else reusable.set(old.hashes[i], [key]);
		});
		this.files.delete(uri);
		if (text === undefined) this.removeKeys(reusable);
		else {
			const pending: Pending = { uri, chunks: scanFile(text).chunks, keys: [], hashes: [], next: 0, reusable };
			this.files.set(uri, { keys: pending.keys, hashes: pending.hashes });
			this.backlog.set(uri, pending);
			this.work();
		}
	}

	/** Takes prints out of the index (a file removed, or tickets of its previous text that are gone). */
	private removeKeys(byHash: ReadonlyMap<number, readonly number[]>): void {
		for (const keys of byHash.values()) {
			for (const key of keys) {
				this.index.remove(key);
				this.refs.delete(key);
			}
		}
	}

	/**
	 * Prints what the backlog still holds of a file, in steps: an open dump that the index has just
	 * read (at start-up, or opened) is printed once, here, and its check takes the prints from the
	 * index, instead of printing its tickets a second time while the backlog gets to them.
	 */
	*finishBacklogOf(uri: string): Steps<void> {
		const pending = this.backlog.get(uri);
		if (!pending) return;
		this.touched(uri);
		while (pending.next < pending.chunks.length) {
			if (pending.next % ticketsPerStep === 0) yield;
			if (this.backlog.get(uri) !== pending) return; // The file was indexed again meanwhile.
			if (pending.next < pending.chunks.length) this.printNext(pending);
		}
		if (this.backlog.get(uri) === pending) this.finished(pending);
	}

	/** Files whose tickets still wait to be printed. */
	pendingUris(): string[] {
		return [...this.backlog.keys()];
	}

	/** A file's tickets are all printed: it leaves the backlog, with the prints of its previous text that were not reused. */
	private finished(pending: Pending): void {
		this.backlog.delete(pending.uri);
		this.removeKeys(pending.reusable);
		this.filesDone++;
	}

	/** Prints the backlog's tickets in slices, letting requests in between. */
	private work(): void {
		if (this.working) return;
		this.working = true;
		this.filesDone = 0;
		if (!this.progressOpen) this.host.progress?.begin();
		this.progressOpen = false;
		const slice = () => {
			let current: Pending | undefined;
			try {
				const end = performance.now() + Math.min(backlogSliceMs, this.host.slices.sliceMs());
				for (const pending of this.backlog.values()) {
					current = pending;
					this.touched(pending.uri);
					while (pending.next < pending.chunks.length && performance.now() < end) this.printNext(pending);
					if (pending.next < pending.chunks.length) break;
					this.finished(pending);
				}
			} catch (error) {
				// A file that cannot be printed is left out (its prints so far stay); the rest of the backlog goes on.
				this.host.failed(`Indexing duplicates of ${current?.uri}`, error);
				if (current) this.backlog.delete(current.uri);
			}
			if (this.backlog.size) {
				this.host.progress?.report(this.filesDone, this.filesDone + this.backlog.size);
				setTimeout(() => this.host.slices.nextSlice(slice), backlogPauseMs);
				return;
			}
			this.working = false;
			this.progressOpen = true;
			this.host.backlogDone();
		};
		setImmediate(slice);
	}

	/** Prints the next ticket of a pending file, or takes its print from the file's previous text when unchanged. */
	private printNext(pending: Pending): void {
		const chunk = pending.chunks[pending.next];
		const hash = hash53(chunk.text);
		const firstLine = chunk.text.slice(0, chunk.text.search(/\r?\n|\r|$/));
		const title = readTitle(firstLine);
		let key = pending.reusable.get(hash)?.shift();
		if (key === undefined) {
			key = this.nextKey++;
			this.index.add(key, this.openPrints.get(pending.uri)?.get(hash) ?? ticketPrint(chunk.text));
		}
		this.refs.set(key, { uri: pending.uri, ordinal: pending.next, title: detached(title.text), titleRange: shiftRange(title.range, chunk.startLine) });
		pending.keys.push(key);
		pending.hashes.push(hash);
		pending.next++;
	}
}
