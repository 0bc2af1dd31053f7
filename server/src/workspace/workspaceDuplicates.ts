/**
 * Duplicate tickets across the workspace, as the diagnostics of open dumps. Every indexed ticket's
 * print is kept by workspacePrints.ts. An open document is checked from its current text (its
 * tickets' prints cached with their parse), against every other file's indexed tickets and against
 * itself (ownMatches.ts), so its ranges are never those of an older version. The check runs in steps
 * inside the diagnostics feature's time slices. When the index changes, the open dumps whose
 * duplicates changed are reported to listeners (the diagnostics feature re-publishes them).
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import {
	hash53,
	shiftRange,
	summaryDiagnostics,
	CopyTally,
	ticketPrint,
	type ParsedTicket,
	type Steps,
	type TicketPrint,
	type TicketRef,
	type TicketService,
	type TicketTextDocument,
} from '../service/index';
import type { WorkspaceIndex } from './workspaceIndex';
import { ownMatchesOf, type OwnMatches } from './ownMatches';
import { everyTurn, ticketsPerStep, WorkspacePrints, type BacklogProgress, type SliceScheduler } from './workspacePrints';

/** How long index changes are gathered before open dumps are re-checked. */
const settleMs = 300;

export class WorkspaceDuplicates {
	private readonly prints: WorkspacePrints;
	private readonly livePrints = new WeakMap<ParsedTicket, TicketPrint>();
	private readonly liveHashes = new WeakMap<ParsedTicket, number>();
	private readonly lastResult = new Map<string, { key: string; version: number; diagnostics: Diagnostic[] }>();
	private readonly listeners = new Set<(uris: string[]) => void>();
	/** Files whose prints changed since open dumps were last re-checked. */
	private readonly changedFiles = new Set<string>();
	/** Bumped by settings changes and by every change of the index. */
	private generation = 0;
	private timer: NodeJS.Timeout | undefined;
	/** Per open dump, its prints' matches among each other: an edit re-matches only its changed tickets. */
	private readonly ownMatches = new Map<string, OwnMatches>();
	/** Background steps (backlog slices, re-check timer) that threw: logged and counted, the server keeps running. */
	failures = 0;

	constructor(
		workspace: WorkspaceIndex,
		private readonly service: TicketService,
		/** The open dumps (checked again when the index changes). */
		private readonly openDumps: () => readonly TicketTextDocument[],
		private readonly log: (message: string) => void = () => {},
		/** Told when the backlog starts, how far it got, and when it is empty (the server shows it as progress). */
		progress?: BacklogProgress,
		slices: SliceScheduler = everyTurn,
	) {
		this.prints = new WorkspacePrints({
			progress,
			slices,
			failed: (what, error) => this.failed(what, error),
			backlogDone: () => {
				this.generation++;
				this.changedSoon();
			},
		});
		workspace.onFileIndexed((uri, text) => this.fileIndexed(uri, text));
	}

	/** Tickets indexed, and files still waiting to be. */
	get size(): { tickets: number; pendingFiles: number } {
		return this.prints.size;
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

	/** Prints every file the backlog still holds, in steps: a check of the whole workspace matches against all of them. */
	*printAllSteps(): Steps<void> {
		for (const uri of this.prints.pendingUris()) yield* this.prints.finishBacklogOf(uri);
	}

	/** The duplicate diagnostics of an open dump's current text (or a closed one's, read for a check of the workspace), computed in steps. */
	*diagnosticsSteps(doc: TicketTextDocument): Steps<Diagnostic[]> {
		const cacheKey = `${doc.version}:${this.generation}`;
		const known = this.lastResult.get(doc.uri);
		if (known?.key === cacheKey) return known.diagnostics;
		const diagnostics = yield* this.compute(doc);
		this.lastResult.set(doc.uri, { key: cacheKey, version: doc.version, diagnostics });
		return diagnostics;
	}

	/** The same, all at once. */
	diagnosticsFor(doc: TicketTextDocument): Diagnostic[] {
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
		this.ownMatches.delete(uri);
		this.prints.forget(uri);
	}

	private *compute(doc: TicketTextDocument): Steps<Diagnostic[]> {
		const config = this.service.config;
		const threshold = config.duplicates.threshold;
		if (config.rules['duplicate-ticket'] === 'off' && config.rules['near-duplicate'] === 'off') return [];
		const parsed = this.service.parse(doc);
		yield* this.prints.finishBacklogOf(doc.uri);
		const own: { ref: TicketRef; print: TicketPrint }[] = [];
		const byHash = new Map<number, TicketPrint>();
		for (let i = 0; i < parsed.chunks.length; i++) {
			if (i % ticketsPerStep === ticketsPerStep - 1) yield;
			const p = parsed.parsed(i);
			let hash = this.liveHashes.get(p);
			if (hash === undefined) this.liveHashes.set(p, (hash = hash53(p.text)));
			let print = this.livePrints.get(p);
			if (!print) this.livePrints.set(p, (print = this.prints.indexedPrint(doc.uri, hash) ?? ticketPrint(p.text)));
			byHash.set(hash, print);
			own.push({ ref: { uri: doc.uri, ordinal: i, title: p.title.text, titleRange: shiftRange(p.title.range, parsed.chunks[i].startLine) }, print });
		}
		this.prints.setOpenPrints(doc.uri, byHash);
		// The document against itself: its distinct prints matched among themselves, kept across versions.
		const state = yield* ownMatchesOf(this.ownMatches.get(doc.uri), new Set(own.map((o) => o.print)), threshold);
		this.ownMatches.set(doc.uri, state);
		const ordinals = new Map<TicketPrint, number[]>();
		own.forEach((o, i) => {
			const list = ordinals.get(o.print);
			if (list) list.push(i);
			else ordinals.set(o.print, [i]);
		});
		// Per print, its copies tallied once (service copyTally.ts): the tickets of one print share them, each
		// leaving itself out. A list of copies for each ticket made 3,000 copies of one ticket quadratic.
		const tallies = new Map<TicketPrint, { exact: CopyTally; near: CopyTally }>();
		const talliesOf = (print: TicketPrint) => {
			let tally = tallies.get(print);
			if (tally) return tally;
			tally = { exact: new CopyTally(), near: new CopyTally() };
			// Equally similar copies are listed as an index of the ordinals would answer: in file order, then the other files' in match order.
			for (const j of ordinals.get(print)!) tally.exact.add(own[j].ref, true, 1, j);
			for (const m of state.matches.get(print)!)
				for (const j of ordinals.get(m.print)!) (m.exact ? tally.exact : tally.near).add(own[j].ref, m.exact, m.similarity, j);
			let rank = own.length;
			for (const m of this.prints.othersMatching(doc.uri, print, threshold)) {
				const ref = this.prints.ref(m.key);
				if (ref) (m.exact ? tally.exact : tally.near).add(ref, m.exact, m.similarity, rank++);
			}
			tallies.set(print, tally);
			return tally;
		};
		yield;
		const diagnostics: Diagnostic[] = [];
		for (let i = 0; i < own.length; i++) {
			// A step per ticket: matching one among 100k indexed tickets can take milliseconds.
			yield;
			const o = own[i];
			const tally = talliesOf(o.print);
			const exact = tally.exact.summary(o.ref);
			const near = tally.near.summary();
			if (exact.count || near.count) diagnostics.push(...summaryDiagnostics(o.ref, exact, near, config));
		}
		return diagnostics;
	}

	/** A file (re)indexed or removed: its prints change, and open dumps are checked again soon. */
	private fileIndexed(uri: string, text: string | undefined): void {
		this.prints.fileIndexed(uri, text);
		this.generation++;
		this.changedFiles.add(uri);
		this.changedSoon();
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
			this.prints.settled();
		}, settleMs);
	}

	/** Tells listeners which open dumps' duplicates may have changed with the index. */
	private recheckOpenDumps(): void {
		if (this.prints.size.pendingFiles) return; // the end of the backlog calls again
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
