/**
 * Keeps the workspace index current: reads every candidate file of the workspace folders at
 * start-up (with `window/workDoneProgress`), then one file at a time as the file watcher reports
 * changes and as open dumps are edited (an open document's text wins over the disk). Answers
 * `tickets/list` and sends `tickets/didChange` (protocol.ts).
 */
import * as l10n from '@vscode/l10n';
import { DidChangeWatchedFilesNotification, FileChangeType, WatchKind, type Disposable, type InitializeParams } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerContext, ServerFeature } from '../serverContext';
import { onCustomRequest } from '../checkedHandlers';
import { TicketListRequest, TicketsDidChangeNotification } from '../../../../common/protocol';
import { collectGarbage, garbageWatch } from '../../host/collectGarbage';
import { candidateFilter, type CandidateFilter } from '../../host/pathFilter';
import { listCandidateFiles, maxIndexedFileBytes, readCandidate, relativeTo, uriToPath } from '../../host/workspaceFiles';

/** While indexing, changed files are announced in batches at most this often. */
const batchMs = 1000;
/** An indexing run of this many tickets is followed by a full garbage collection (about 0.2 s at 100k). */
const bigRunTickets = 20_000;
/** During a run of many files, garbage is collected each time the server has grown by this much (see garbageWatch). */
const runGarbageBytes = 192 * 1024 * 1024;
/**
 * Garbage piles up across many files; a few big ones are better left to V8: a full collection
 * with a 20 MB dump open and checked stops the server for a second.
 */
const runGarbageMinFiles = 100;
/** Progress reports at most this often. */
const progressMs = 100;

export const workspaceIndexFeature: ServerFeature = {
	capabilities: { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } },
	register(ctx) {
		new IndexKeeper(ctx);
	},
};

class IndexKeeper {
	/** Workspace folders as file-system paths. */
	private folders: string[] = [];
	private filter: CandidateFilter;
	private filterKey: string;
	private started = false;
	private generation = 0;
	private watcher: Promise<Disposable> | undefined;
	private canWatch = false;
	private queue: Promise<void> = Promise.resolve();
	private readonly editTimers = new Map<string, NodeJS.Timeout>();
	private readonly pending = new Set<string>();
	private flushTimer: NodeJS.Timeout | undefined;
	private readonly reportedSkips = new Set<string>();
	private readonly editorWrites = new Map<string, Promise<void>>();

	constructor(private readonly ctx: ServerContext) {
		this.filter = this.makeFilter();
		this.filterKey = this.settingsKey();
		const { connection, documents, index } = ctx;
		onCustomRequest(connection, TicketListRequest, (params) => ({ tickets: index.tickets(params?.uri ?? undefined), indexing: index.indexing }));
		ctx.onInitialized((params) => this.start(params));
		ctx.onSettingsChanged(() => this.settingsChanged());
		documents.onDidChangeContent((e) => this.editSoon(e.document));
		documents.onDidClose((e) => this.closed(e.document.uri));
		connection.onDidChangeWatchedFiles((params) => {
			for (const change of params.changes) this.enqueue(() => this.fileEvent(change.uri, change.type));
		});
	}

	private start(params: InitializeParams): void {
		const folderUris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
		this.folders = folderUris.flatMap((uri) => this.toPath(uri) ?? []);
		this.canWatch = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
		if (params.capabilities.workspace?.workspaceFolders) {
			this.ctx.connection.workspace.onDidChangeWorkspaceFolders((e) => {
				const removed = e.removed.flatMap((f) => this.ctx.index.removeFolder(f.uri));
				const added = e.added.flatMap((f) => this.toPath(f.uri) ?? []);
				const gone = new Set(e.removed.flatMap((f) => this.toPath(f.uri) ?? []));
				this.folders = [...this.folders.filter((f) => !gone.has(f)), ...added];
				this.notify(removed);
				if (added.length) void this.build(added);
			});
		}
		this.started = true;
		this.watch();
		void this.build(this.folders);
	}

	private settingsChanged(): void {
		const key = this.settingsKey();
		if (key === this.filterKey) return;
		this.filterKey = key;
		this.filter = this.makeFilter();
		if (!this.started) return;
		this.watch();
		void this.build(this.folders);
	}

	/** What decides which files are dumps and how they read: a change re-indexes everything. */
	private settingsKey(): string {
		const s = this.ctx.settings();
		return JSON.stringify([s.include, s.exclude, s.config.labels]);
	}

	private makeFilter(): CandidateFilter {
		const s = this.ctx.settings();
		return candidateFilter(s.include, s.exclude);
	}

	/** Watches the include glob (changes) and everything (deletions, so a deleted folder drops its dumps). */
	private watch(): void {
		if (!this.canWatch) return;
		const previous = this.watcher;
		this.watcher = this.ctx.connection.client.register(DidChangeWatchedFilesNotification.type, {
			watchers: [{ globPattern: this.ctx.settings().include }, { globPattern: '**/*', kind: WatchKind.Delete }],
		});
		void previous?.then((d) => d.dispose());
	}

	/** Reads every candidate file under `roots`; a run started later supersedes this one. */
	private async build(roots: readonly string[]): Promise<void> {
		const generation = ++this.generation;
		const { index, connection } = this.ctx;
		const current = () => generation === this.generation;
		index.beginBuild();
		const progress = await connection.window.createWorkDoneProgress();
		progress.begin(l10n.t('Indexing tickets'), 0, l10n.t('Looking for ticket dumps…'));
		try {
			const lists = await Promise.all(roots.map((root) => listCandidateFiles(root, this.filter, () => !current())));
			const files = lists.flat();
			const stale = new Set(index.uris().filter((uri) => roots.some((root) => this.under(root, uri))));
			let reported = 0;
			const collectWhenGrown = garbageWatch(runGarbageBytes);
			for (let i = 0; i < files.length && current(); i++) {
				const uri = files[i];
				stale.delete(uri);
				await this.fromDisk(uri);
				if (files.length >= runGarbageMinFiles) collectWhenGrown();
				const now = Date.now();
				if (now - reported >= progressMs || i === files.length - 1) {
					reported = now;
					progress.report(Math.floor(((i + 1) * 100) / files.length), l10n.t('{0}/{1} files', i + 1, files.length));
				}
			}
			// Files indexed before that are no longer candidates (the settings changed, or they vanished unseen).
			if (current()) for (const uri of stale) if (!this.ctx.documents.get(uri) && index.removeFile(uri)) this.notify([uri]);
		} catch (error) {
			this.ctx.log(`Indexing failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
		} finally {
			const settling = index.endBuild();
			this.flush();
			// The search index settles before the progress ends: queries then run at their settled speed.
			if (settling)
				await this.ctx.slices
					.runInSlices(settling)
					.catch((error) => this.ctx.log(`Settling the search index failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
			// A big run's garbage goes before the tree's first answer comes (see collectGarbage).
			if (settling && index.size.tickets >= bigRunTickets) collectGarbage();
			progress.done();
		}
	}

	/** Indexes a file from disk, unless it is open (the editor's text wins). */
	private async fromDisk(uri: string): Promise<void> {
		const opened = this.ctx.documents.get(uri);
		if (opened) return this.fromEditor(opened);
		const path = this.toPath(uri);
		if (path) this.ctx.counters.filesRead++;
		const read = path ? await readCandidate(path) : { skipped: 'missing' as const };
		// Opened while it was read.
		const open = this.ctx.documents.get(uri);
		if (open) return this.fromEditor(open);
		if ('text' in read) {
			if (await this.ctx.slices.runInSlices(this.ctx.index.setFileSteps(uri, read.text))) this.notify([uri]);
			return;
		}
		if (read.skipped === 'tooLarge' && !this.reportedSkips.has(uri)) {
			this.reportedSkips.add(uri);
			this.ctx.log(
				l10n.t(
					'Not indexing {0}: {1} MB is more than the {2} MB the index reads per file.',
					uri,
					Math.round((read.bytes ?? 0) / 2 ** 20),
					maxIndexedFileBytes / 2 ** 20,
				),
			);
		}
		if (this.ctx.index.removeFile(uri)) this.notify([uri]);
	}

	/**
	 * Indexes an open document's current text. Calls for one document run one after the other (the
	 * start-up run and the editor both ask for a dump open as the server starts): the first does the
	 * work, and a later one finds the text indexed, so that neither ends before the text is in.
	 */
	private fromEditor(doc: TextDocument): Promise<void> {
		const uri = doc.uri;
		const previous = this.editorWrites.get(uri) ?? Promise.resolve();
		const write = async () => {
			const current = this.ctx.documents.get(uri);
			if (!current) return;
			const { index } = this.ctx;
			const changed = this.indexesOpen(current) ? await this.ctx.slices.runInSlices(index.setFileSteps(uri, current.getText(), true)) : index.removeFile(uri);
			if (changed) this.notify([uri]);
		};
		// After the previous write, whether it succeeded or not (its caller logs a failure).
		const next = previous.then(write, write);
		this.editorWrites.set(uri, next);
		const forget = () => {
			if (this.editorWrites.get(uri) === next) this.editorWrites.delete(uri);
		};
		next.then(forget, forget);
		return next;
	}

	/** Open dumps in the workspace are indexed; with no folder open (a single file), every open dump is. */
	private indexesOpen(doc: TextDocument): boolean {
		return this.folders.length ? this.isCandidate(doc.uri) : this.ctx.isDump(doc);
	}

	private editSoon(doc: TextDocument): void {
		clearTimeout(this.editTimers.get(doc.uri));
		this.editTimers.set(
			doc.uri,
			setTimeout(() => {
				this.editTimers.delete(doc.uri);
				const current = this.ctx.documents.get(doc.uri);
				if (current) this.enqueue(() => this.fromEditor(current));
			}, this.ctx.settings().debounceMs),
		);
	}

	/** A closed document falls back to the disk's text (unsaved edits are gone). */
	private closed(uri: string): void {
		clearTimeout(this.editTimers.get(uri));
		this.editTimers.delete(uri);
		this.ctx.index.forgetLive(uri);
		this.enqueue(async () => {
			if (this.isCandidate(uri)) await this.fromDisk(uri);
			else if (this.ctx.index.removeFile(uri)) this.notify([uri]);
		});
	}

	private async fileEvent(uri: string, type: FileChangeType): Promise<void> {
		if (this.ctx.documents.get(uri)) return; // The editor's text wins until the document closes.
		if (type === FileChangeType.Deleted) {
			const removed = this.ctx.index.removeFile(uri) ? [uri] : this.ctx.index.removeFolder(uri);
			this.notify(removed);
		} else if (this.isCandidate(uri)) {
			await this.fromDisk(uri);
		}
	}

	/** One file at a time: events, edits and closes are applied in the order they came. */
	private enqueue(job: () => Promise<void>): void {
		this.queue = this.queue
			.then(job)
			.catch((error) => this.ctx.log(`Index update failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
	}

	private notify(uris: readonly string[]): void {
		if (!uris.length) return;
		for (const uri of uris) this.pending.add(uri);
		if (!this.ctx.index.indexing) this.flush();
		else this.flushTimer ??= setTimeout(() => this.flush(), batchMs);
	}

	private flush(): void {
		clearTimeout(this.flushTimer);
		this.flushTimer = undefined;
		const uris = [...this.pending];
		this.pending.clear();
		const indexing = this.ctx.index.indexing;
		// The end of an indexing run is announced even when nothing changed: the tree stops saying "indexing".
		if (!uris.length && indexing) return;
		this.ctx.index.fire(uris);
		void this.ctx.connection.sendNotification(TicketsDidChangeNotification, { uris, indexing });
	}

	private isCandidate(uri: string): boolean {
		const path = this.toPath(uri);
		if (!path) return false;
		return this.folders.some((root) => {
			const rel = relativeTo(root, path);
			return (
				rel !== undefined &&
				this.filter.file(rel) &&
				!rel
					.split('/')
					.slice(0, -1)
					.some((_, i, parts) => this.filter.folderExcluded(parts.slice(0, i + 1).join('/')))
			);
		});
	}

	private under(root: string, uri: string): boolean {
		const path = this.toPath(uri);
		return path !== undefined && relativeTo(root, path) !== undefined;
	}

	private toPath(uri: string): string | undefined {
		return uriToPath(uri);
	}
}
