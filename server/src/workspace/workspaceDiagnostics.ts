/**
 * The findings of every dump of the workspace that is not open, for clients that pull diagnostics
 * (`workspace/diagnostic`): each file read again from disk, checked by the service and against the
 * workspace's duplicates, the result kept with a result id. A file the index reads again (changed on
 * disk) is checked again alone and gets a new id; the others keep theirs and are reported unchanged.
 * Open dumps are not here: their checks run on the editor's text (lsp/features/diagnosticsFeature.ts).
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Steps, TicketService, TicketTextDocument } from '../service/index';
import type { WorkspaceDuplicates } from './workspaceDuplicates';
import type { WorkspaceIndex } from './workspaceIndex';

/** The codes of the one diagnostic a file that is not checked gets (service/rules/readability.ts): no duplicates are looked for. */
export const skippedFileCodes: readonly unknown[] = ['file-too-large', 'file-encoding'];
/**
 * Reports go out in batches (partial results), so the first files show before the last is checked:
 * at most this many files, this many findings (encoding 10,000 findings at once held requests up for
 * most of a second), or what this many milliseconds of checking found.
 */
const filesPerBatch = 25;
const findingsPerBatch = 2000;
const batchMs = 200;
/** The result id of a file that was reported and is no dump of the workspace any more: it has no findings. */
export const goneResultId = 'gone';

export type FileReport =
	| { readonly kind: 'full'; readonly uri: string; readonly resultId: string; readonly diagnostics: readonly Diagnostic[] }
	| { readonly kind: 'unchanged'; readonly uri: string; readonly resultId: string };

/** What the workspace's diagnostics need from the process around them. */
export interface WorkspaceDiagnosticsHost {
	/** A file's text from disk; undefined when it cannot be read as a dump (missing, binary, too large). */
	readText(uri: string): Promise<string | undefined>;
	/** Runs steps in the server's background slices, requests answered in between. */
	run<T>(steps: Steps<T>): Promise<T>;
	/** Whether a document is open in the editor (its findings are its check's, not the disk's). */
	isOpen(uri: string): boolean;
	/** Called after each closed file's check, its parse dropped: a pass over 1,000 files leaves garbage V8 would let pile up (host/collectGarbage.ts). */
	afterCheck?(): void;
	log(message: string): void;
}

/** A request's cancellation, as LSP's token has it. */
export interface Cancel {
	readonly isCancellationRequested: boolean;
	onCancellationRequested(listener: () => void): { dispose(): void };
}

/** Told how far a pass that checks files got. */
export interface PassProgress {
	report(done: number, total: number): void;
	end(): void;
}

/**
 * A file's last check. Its findings are dropped once reported (a client keeps them; 1,000 dumps have
 * some 400,000): reporting the same file `full` again checks it again.
 */
interface Entry {
	readonly resultId: string;
	readonly diagnostics?: readonly Diagnostic[];
}

export class WorkspaceDiagnostics {
	/** The last check of each file, while it is current. */
	private readonly entries = new Map<string, Entry>();
	/** Per file, how often it changed: a check that read an older text is not kept. */
	private readonly changes = new Map<string, number>();
	private readonly checking = new Map<string, Promise<Entry | undefined>>();
	private readonly checkedListeners = new Set<(uri: string, diagnostics: readonly Diagnostic[]) => void>();
	/** Result ids of an earlier server never match this one's. */
	private readonly epoch = Date.now().toString(36);
	private nextId = 0;
	/** Files read and checked since the server started (tests and the bench read it). */
	checked = 0;

	constructor(
		private readonly index: WorkspaceIndex,
		private readonly duplicates: WorkspaceDuplicates,
		private readonly service: TicketService,
		private readonly host: WorkspaceDiagnosticsHost,
	) {
		index.onFileIndexed((uri) => this.changed(uri));
	}

	/** Settings changed (severities, labels, limits): every file is checked again when next asked. */
	invalidateAll(): void {
		for (const uri of this.entries.keys()) this.changed(uri);
	}

	/**
	 * Reports every dump of the workspace that is not open, in batches: `full` with its findings, or
	 * `unchanged` when `previous` (result ids by URI) already has its current result; a file reported
	 * before and no longer a dump of the workspace, `full` and empty. Waits for the index's first run
	 * and the duplicate prints, so that duplicates are matched against every file.
	 */
	async report(previous: ReadonlyMap<string, string>, emit: (reports: FileReport[]) => void, cancel: Cancel, progress?: () => PassProgress): Promise<void> {
		await this.indexed(cancel);
		if (cancel.isCancellationRequested) return;
		await this.host.run(this.duplicates.printAllSteps());
		const uris = this.index.uris().filter((uri) => !this.host.isOpen(uri));
		const toCheck = new Set(uris.filter((uri) => !this.entries.get(uri)?.diagnostics && this.entries.get(uri)?.resultId !== previous.get(uri)));
		const shown = toCheck.size ? progress?.() : undefined;
		let batch: FileReport[] = [];
		let findings = 0;
		let sent = performance.now();
		const send = () => {
			if (batch.length) emit(batch);
			batch = [];
			findings = 0;
			sent = performance.now();
		};
		let done = 0;
		try {
			for (const uri of uris) {
				if (cancel.isCancellationRequested) return;
				let entry = this.entries.get(uri);
				if (entry && previous.get(uri) === entry.resultId) {
					batch.push({ kind: 'unchanged', uri, resultId: entry.resultId });
					continue;
				}
				if (!entry?.diagnostics) {
					entry = await this.check(uri);
					if (toCheck.has(uri)) shown?.report(++done, toCheck.size);
				}
				if (!entry?.diagnostics) continue;
				batch.push({ kind: 'full', uri, resultId: entry.resultId, diagnostics: entry.diagnostics });
				findings += entry.diagnostics.length;
				this.reported(uri, entry);
				if (batch.length >= filesPerBatch || findings >= findingsPerBatch || performance.now() - sent >= batchMs) send();
			}
			for (const [uri, resultId] of previous) {
				if (this.index.has(uri) || this.host.isOpen(uri)) continue;
				batch.push(resultId === goneResultId ? { kind: 'unchanged', uri, resultId } : { kind: 'full', uri, resultId: goneResultId, diagnostics: [] });
			}
			send();
		} finally {
			shown?.end();
		}
	}

	/** One file's report (a client asking for a document that is not open); undefined when it is no dump of the workspace. */
	async fileReport(uri: string, previousResultId: string | undefined, cancel: Cancel): Promise<FileReport | undefined> {
		await this.indexed(cancel);
		if (cancel.isCancellationRequested || !this.index.has(uri)) return undefined;
		await this.host.run(this.duplicates.printAllSteps());
		let entry = this.entries.get(uri);
		if (entry && previousResultId === entry.resultId) return { kind: 'unchanged', uri, resultId: entry.resultId };
		if (!entry?.diagnostics) entry = await this.check(uri);
		if (!entry?.diagnostics) return undefined;
		this.reported(uri, entry);
		return { kind: 'full', uri, resultId: entry.resultId, diagnostics: entry.diagnostics };
	}

	/** Told of every closed dump's findings as they are checked (the Tickets view counts them). */
	onChecked(listener: (uri: string, diagnostics: readonly Diagnostic[]) => void): { dispose(): void } {
		this.checkedListeners.add(listener);
		return { dispose: () => this.checkedListeners.delete(listener) };
	}

	/**
	 * Makes sure a closed dump's current findings have been checked (and told to `onChecked`), checking
	 * it now if not: one check serves the pulled reports and the Tickets view. False when the file is
	 * open, unreadable or no dump.
	 */
	async ensureChecked(uri: string): Promise<boolean> {
		if (this.entries.has(uri)) return true;
		await this.host.run(this.duplicates.printAllSteps());
		return (await this.check(uri)) !== undefined;
	}

	/** A file's findings went to the client: only its result id is kept. */
	private reported(uri: string, entry: Entry): void {
		if (this.entries.get(uri) === entry) this.entries.set(uri, { resultId: entry.resultId });
	}

	private changed(uri: string): void {
		this.entries.delete(uri);
		this.changes.set(uri, (this.changes.get(uri) ?? 0) + 1);
	}

	/**
	 * Until the index has read the workspace once and is not reading it again (category counts and
	 * duplicates need every file). The index starts once the editor settings are in: they are in force then.
	 */
	indexed(cancel: Cancel): Promise<void> {
		const ready = () => this.index.categoryCounts() !== undefined && !this.index.indexing;
		if (ready()) return Promise.resolve();
		return new Promise((resolve) => {
			const done = () => {
				changes.dispose();
				cancelled.dispose();
				resolve();
			};
			const changes = this.index.onDidChange(() => ready() && done());
			const cancelled = cancel.onCancellationRequested(done);
		});
	}

	/** Reads and checks a file; two passes asking for the same file share the one check. */
	private check(uri: string): Promise<Entry | undefined> {
		let running = this.checking.get(uri);
		if (!running) {
			running = this.readAndCheck(uri).finally(() => this.checking.delete(uri));
			this.checking.set(uri, running);
		}
		return running;
	}

	private async readAndCheck(uri: string): Promise<Entry | undefined> {
		const stamp = this.changes.get(uri) ?? 0;
		const text = await this.host.readText(uri);
		if (text === undefined || this.host.isOpen(uri)) return undefined;
		const doc: TicketTextDocument = { uri, version: 0, getText: () => text };
		let diagnostics: Diagnostic[];
		try {
			diagnostics = await this.host.run(this.steps(doc));
		} catch (error) {
			this.host.log(`Checking ${uri} for the workspace's problems failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
			return undefined;
		} finally {
			// What a check keeps for an open document is not kept for one that is closed.
			if (!this.host.isOpen(uri)) {
				this.duplicates.forget(uri);
				this.service.forget(uri);
			}
			this.host.afterCheck?.();
		}
		this.checked++;
		const entry = { resultId: `${this.epoch}.${++this.nextId}`, diagnostics };
		// Changed while it was checked: reported as read, checked again next time.
		if ((this.changes.get(uri) ?? 0) === stamp && this.index.has(uri)) {
			this.entries.set(uri, entry);
			for (const listener of this.checkedListeners) listener(uri, diagnostics);
		}
		return entry;
	}

	private *steps(doc: TicketTextDocument): Steps<Diagnostic[]> {
		const own = yield* this.service.validateSteps(doc);
		if (own.some((d) => skippedFileCodes.includes(d.code))) return own;
		const duplicates = yield* this.duplicates.diagnosticsSteps(doc);
		return [...own, ...duplicates];
	}
}
