/**
 * Duplicate tickets across the workspace: the workspace index hands over each file's text as it
 * indexes it (open or not), and this keeps one print per ticket (service/duplicates.ts) in an LSH
 * index. An open document is checked from its current text (its tickets' prints cached with their
 * parse), against every other file's indexed tickets and against itself, so its ranges are never
 * those of an older version. Both run in steps (prints of a 20 MB dump take seconds): the check of
 * an open document inside the diagnostics feature's time slices, the indexing of files from a
 * backlog worked off between requests. When the index changes, the open dumps whose duplicates
 * changed are reported to listeners (the diagnostics feature re-publishes them).
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { detached, DuplicateIndex, hash53, readTitle, scanFile, shiftRange, duplicateDiagnostics, ticketPrint, type DuplicateMatch, type DuplicateOf, type ParsedTicket, type TicketPrint, type TicketRef, type TicketChunk, type TicketService } from '../service/index';
import type { WorkspaceIndex } from './workspaceIndex';

/** How long index changes are gathered before open dumps are re-checked. */
const settleMs = 300;
/** Tickets printed or matched between two yields (a print takes about 0.1 ms). */
const ticketsPerStep = 16;
/** Changed prints up to which an open dump's own matches are updated rather than rebuilt (each costs one query). */
const incrementalChanges = 64;
/** Indexing work done before other requests get their turn, and the pause after it (start-up indexing takes half the CPU, not all). */
const backlogSliceMs = 10;
const backlogPauseMs = 10;

interface FileEntry {
	readonly keys: readonly number[];
	/** Hash of each ticket's text, to find the print of an unchanged ticket again. */
	readonly hashes: readonly number[];
	byHash?: Map<number, number>;
}

/** How background work gets its turns: the server's queue, where requests come first. */
export interface SliceScheduler {
	/** Runs `run` at the next free turn (`first`: before work already waiting). */
	nextSlice(run: () => void, first?: boolean): void;
	/** How long a slice may work now, in ms. */
	sliceMs(): number;
}

/** Without a server around (tests): a slice every turn of the event loop. */
const everyTurn: SliceScheduler = { nextSlice: (run) => void setImmediate(run), sliceMs: () => 5 };

/** What the duplicate backlog tells of its work. */
export interface BacklogProgress {
	begin(): void;
	report(filesDone: number, filesTotal: number): void;
	end(): void;
}

/** A match between two distinct prints of one open dump. */
interface OwnMatch {
	readonly print: TicketPrint;
	readonly exact: boolean;
	readonly similarity: number;
}

/** An open dump's distinct ticket prints (under numbers in a small index of their own) and the matches of each among the others. */
interface OwnMatches {
	readonly threshold: number;
	readonly index: DuplicateIndex;
	readonly ids: Map<TicketPrint, number>;
	readonly matches: Map<TicketPrint, OwnMatch[]>;
	nextId: number;
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

export class WorkspaceDuplicates {
	private readonly index = new DuplicateIndex();
	private readonly files = new Map<string, FileEntry>();
	private readonly refs = new Map<number, TicketRef>();
	private readonly livePrints = new WeakMap<ParsedTicket, TicketPrint>();
	private readonly liveHashes = new WeakMap<ParsedTicket, number>();
	/**
	 * Per open dump, the prints its last check made, by ticket text hash: its check runs before the
	 * index takes the text in (checks go first), and the backlog then takes these instead of printing
	 * the same tickets again (13,000 tickets of a 20 MB dump: a second of work).
	 */
	private readonly openPrints = new Map<string, Map<number, TicketPrint>>();

	private readonly lastResult = new Map<string, { key: string; version: number; diagnostics: Diagnostic[] }>();
	private readonly listeners = new Set<(uris: string[]) => void>();
	private readonly backlog = new Map<string, Pending>();
	private working = false;
	/** The backlog emptied and its progress waits for the open dumps' re-check to be asked for (see recheckOpenDumps). */
	private progressOpen = false;
	/** Files printed since the backlog last started. */
	private filesDone = 0;
	/** Files whose prints changed since open dumps were last re-checked. */
	private readonly changedFiles = new Set<string>();
	private nextKey = 0;
	/** Bumped by settings changes and by every change of the index. */
	private generation = 0;
	private timer: NodeJS.Timeout | undefined;
	/** Changes of the index, counted, and the file of the latest: whether files besides one changed since a count. */
	private changes = 0;
	private lastChange = { uri: '', at: 0 };
	/** The latest change by a file other than lastChange's. */
	private lastOtherChange = 0;
	/** Per open dump, each print's matches among the other files' tickets: an edit re-matches only its changed tickets. */
	private readonly ownMatches = new Map<string, OwnMatches>();
	private readonly othersMatches = new Map<string, WeakMap<TicketPrint, { at: number; threshold: number; matches: DuplicateMatch[] }>>();
	/** Background steps (backlog slices, re-check timer) that threw: logged and counted, the server keeps running. */
	failures = 0;

	constructor(
		workspace: WorkspaceIndex,
		private readonly service: TicketService,
		/** The open dumps (checked again when the index changes). */
		private readonly openDumps: () => readonly TextDocument[],
		private readonly log: (message: string) => void = () => {},
		/** Told when the backlog starts, how far it got, and when it is empty (the server shows it as progress). */
		private readonly progress?: BacklogProgress,
		private readonly slices: SliceScheduler = everyTurn,
	) {
		workspace.onFileIndexed((uri, text) => this.fileIndexed(uri, text));
	}

	/** Tickets indexed, and files still waiting to be. */
	get size(): { tickets: number; pendingFiles: number } {
		return { tickets: this.index.size, pendingFiles: this.backlog.size };
	}

	/** Called with the open dumps whose duplicates changed after the index changed. */
	onDidChange(listener: (uris: string[]) => void): { dispose(): void } {
		this.listeners.add(listener);
		return { dispose: () => this.listeners.delete(listener) };
	}

	/** The settings changed (threshold, severities): every result is stale. */
	reset(): void {
		this.generation++;
	}

	/** The duplicate diagnostics of an open dump's current text, computed in steps. */
	*diagnosticsSteps(doc: TextDocument): Generator<void, Diagnostic[]> {
		const cacheKey = `${doc.version}:${this.generation}`;
		const known = this.lastResult.get(doc.uri);
		if (known?.key === cacheKey) return known.diagnostics;
		const diagnostics = yield* this.compute(doc);
		this.lastResult.set(doc.uri, { key: cacheKey, version: doc.version, diagnostics });
		return diagnostics;
	}

	/** The same, all at once. */
	diagnosticsFor(doc: TextDocument): Diagnostic[] {
		const steps = this.diagnosticsSteps(doc);
		for (;;) {
			const step = steps.next();
			if (step.done) return step.value;
		}
	}

	/** The duplicate diagnostics last computed for this version of a document (for its code actions). */
	lastDiagnostics(uri: string, version: number): Diagnostic[] {
		const known = this.lastResult.get(uri);
		return known?.version === version ? known.diagnostics : [];
	}

	/** A closed document needs nothing kept. */
	forget(uri: string): void {
		this.lastResult.delete(uri);
		this.othersMatches.delete(uri);
		this.ownMatches.delete(uri);
		this.openPrints.delete(uri);
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
	private othersMatching(uri: string, print: TicketPrint, threshold: number): DuplicateMatch[] {
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
	private indexedPrint(uri: string, hash: number): TicketPrint | undefined {
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

	private *compute(doc: TextDocument): Generator<void, Diagnostic[]> {
		const config = this.service.config;
		const threshold = config.duplicates.threshold;
		if (config.rules['duplicate-ticket'] === 'off' && config.rules['near-duplicate'] === 'off') return [];
		const parsed = this.service.parse(doc);
		yield* this.finishBacklogOf(doc.uri);
		const own: { ref: TicketRef; print: TicketPrint }[] = [];
		const byHash = new Map<number, TicketPrint>();
		for (let i = 0; i < parsed.chunks.length; i++) {
			if (i % ticketsPerStep === ticketsPerStep - 1) yield;
			const p = parsed.parsed(i);
			let hash = this.liveHashes.get(p);
			if (hash === undefined) this.liveHashes.set(p, (hash = hash53(p.text)));
			let print = this.livePrints.get(p);
			if (!print) this.livePrints.set(p, (print = this.indexedPrint(doc.uri, hash) ?? ticketPrint(p.text)));
			byHash.set(hash, print);
			own.push({ ref: { uri: doc.uri, ordinal: i, title: p.title.text, titleRange: shiftRange(p.title.range, parsed.chunks[i].startLine) }, print });
		}
		this.openPrints.set(doc.uri, byHash);
		// The document against itself: its distinct prints matched among themselves, kept across versions.
		const state = yield* this.ownMatchesOf(doc.uri, new Set(own.map((o) => o.print)), threshold);
		const ordinals = new Map<TicketPrint, number[]>();
		own.forEach((o, i) => {
			const list = ordinals.get(o.print);
			if (list) list.push(i);
			else ordinals.set(o.print, [i]);
		});
		yield;
		const diagnostics: Diagnostic[] = [];
		for (let i = 0; i < own.length; i++) {
			// A step per ticket: matching one among 100k indexed tickets can take milliseconds.
			yield;
			const o = own[i];
			// As an index of the ordinals would answer: other tickets of the same text are exact copies; best first, then in file order.
			const local: { ordinal: number; exact: boolean; similarity: number }[] = [];
			for (const j of ordinals.get(o.print)!) if (j !== i) local.push({ ordinal: j, exact: true, similarity: 1 });
			for (const m of state.matches.get(o.print)!) for (const j of ordinals.get(m.print)!) local.push({ ordinal: j, exact: m.exact, similarity: m.similarity });
			local.sort((a, b) => b.similarity - a.similarity || a.ordinal - b.ordinal);
			const copies: DuplicateOf[] = local.map((m) => ({ ticket: own[m.ordinal].ref, exact: m.exact, similarity: m.similarity }));
			for (const m of this.othersMatching(doc.uri, o.print, threshold)) {
				const ref = this.refs.get(m.key);
				if (ref) copies.push({ ticket: ref, exact: m.exact, similarity: m.similarity });
			}
			if (copies.length) diagnostics.push(...duplicateDiagnostics(o.ref, copies, config));
		}
		return diagnostics;
	}

	/**
	 * An open dump's distinct prints and their matches among each other. A version that changed few
	 * tickets updates the last one's (matches are symmetric: a new print's matches are added to theirs
	 * too), any other is built anew in steps and only then kept (an abandoned run leaves nothing half done).
	 */
	private *ownMatchesOf(uri: string, distinct: ReadonlySet<TicketPrint>, threshold: number): Generator<void, OwnMatches> {
		const old = this.ownMatches.get(uri);
		const reusable = old?.threshold === threshold ? old : undefined;
		const added = [...distinct].filter((p) => !reusable?.ids.has(p));
		const removed = reusable ? [...reusable.ids.keys()].filter((p) => !distinct.has(p)) : [];
		const state: OwnMatches = reusable && added.length + removed.length <= incrementalChanges ? reusable : { threshold, index: new DuplicateIndex(), ids: new Map(), matches: new Map(), nextId: 0 };
		const prints = new Map<number, TicketPrint>();
		for (const [p, id] of state.ids) prints.set(id, p);
		const matchesOf = (p: TicketPrint): OwnMatch[] => state.index.matches(p, threshold, (k) => k === state.ids.get(p)).map((m) => ({ print: prints.get(m.key)!, exact: m.exact, similarity: m.similarity }));
		if (state === reusable) {
			// Synchronous: the kept state is never seen half updated.
			const gone = new Set(removed);
			for (const p of removed) {
				state.index.remove(state.ids.get(p)!);
				state.ids.delete(p);
				state.matches.delete(p);
			}
			if (gone.size) for (const [p, list] of state.matches) if (list.some((m) => gone.has(m.print))) state.matches.set(p, list.filter((m) => !gone.has(m.print)));
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
		this.ownMatches.set(uri, state);
		return state;
	}

	/** A file (re)indexed or removed: its old prints go now, its new ones are made from the backlog. */
	private fileIndexed(uri: string, text: string | undefined): void {
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
		this.generation++;
		this.changedFiles.add(uri);
		this.changedSoon();
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
	private *finishBacklogOf(uri: string): Generator<void> {
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
		if (!this.progressOpen) this.progress?.begin();
		this.progressOpen = false;
		const slice = () => {
			let current: Pending | undefined;
			try {
				const end = performance.now() + Math.min(backlogSliceMs, this.slices.sliceMs());
				for (const pending of this.backlog.values()) {
					current = pending;
					this.touched(pending.uri);
					while (pending.next < pending.chunks.length && performance.now() < end) this.printNext(pending);
					if (pending.next < pending.chunks.length) break;
					this.finished(pending);
				}
			} catch (error) {
				// A file that cannot be printed is left out (its prints so far stay); the rest of the backlog goes on.
				this.failed(`Indexing duplicates of ${current?.uri}`, error);
				if (current) this.backlog.delete(current.uri);
			}
			if (this.backlog.size) {
				this.progress?.report(this.filesDone, this.filesDone + this.backlog.size);
				setTimeout(() => this.slices.nextSlice(slice), backlogPauseMs);
				return;
			}
			this.working = false;
			this.progressOpen = true;
			this.generation++;
			this.changedSoon();
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

	private failed(what: string, error: unknown): void {
		this.failures++;
		this.log(`${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
	}

	/** Open dumps are checked again once a burst of index changes settles (and the backlog is done). */
	private changedSoon(): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = setTimeout(() => {
			this.timer = undefined;
			try {
				this.recheckOpenDumps();
			} catch (error) {
				this.failed('Re-checking open dumps for duplicates', error);
			}
			// The work of the backlog ends here: the open dumps it changed are being checked again.
			if (this.progressOpen && !this.backlog.size) {
				this.progressOpen = false;
				this.progress?.end();
			}
		}, settleMs);
	}

	/** Tells listeners which open dumps' duplicates may have changed with the index. */
	private recheckOpenDumps(): void {
		if (this.backlog.size) return; // the end of the backlog calls again
		const files = [...this.changedFiles];
		this.changedFiles.clear();
		const changed: string[] = [];
		for (const doc of this.openDumps()) {
			// A document is checked against its own current text: only other files' changes matter to it.
			if (!files.some((uri) => uri !== doc.uri)) continue;
			const before = this.lastResult.get(doc.uri);
			// Still current (no change since it was computed): nothing to re-check.
			if (before?.key === `${doc.version}:${this.generation}`) continue;
			changed.push(doc.uri);
		}
		// The diagnostics feature re-validates these in its slices; unchanged results publish the same.
		if (changed.length) for (const listener of this.listeners) listener(changed);
	}
}
