/**
 * The workspace index: every ticket of every dump in the workspace, open or not, one entry per
 * file. A file is (re-)indexed from its text alone, so a change costs only that file. Per ticket
 * it keeps the summary the tree and the quick picks show and the search postings (the text itself
 * is dropped). It is the source of `tickets/list`, workspace symbols, similar tickets and the
 * workspace's category counts.
 */
import type { TicketSummary } from './protocol';
import type { TicketDigest, TicketService } from './service/index';

export type IndexListener = (uris: string[]) => void;

interface IndexedFile {
	readonly tickets: readonly TicketSummary[];
	readonly categories: readonly string[];
}

export class WorkspaceIndex {
	private readonly files = new Map<string, IndexedFile>();
	private readonly categories = new Map<string, number>();
	private readonly listeners = new Set<IndexListener>();
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
	setFile(uri: string, text: string): boolean {
		const digests = this.service.isTicketDump(text) ? this.service.summarize(text) : undefined;
		if (!digests) return this.removeFile(uri);
		const before = this.files.get(uri);
		this.drop(uri);
		const separator = this.service.config.labels.categorySeparator;
		const tickets = digests.map((d) => toSummary(uri, d));
		const categories = digests.map((d) => (d.product ? (d.subcategory ? `${d.product}${separator}${d.subcategory}` : d.product) : '')).filter(Boolean);
		for (const name of categories) this.categories.set(name, (this.categories.get(name) ?? 0) + 1);
		this.files.set(uri, { tickets, categories });
		this.ticketCount += tickets.length;
		return !before || JSON.stringify(before.tickets) !== JSON.stringify(tickets);
	}

	/** Returns whether the file was indexed. */
	removeFile(uri: string): boolean {
		return this.drop(uri);
	}

	/** Removes every file under a folder URI (a deleted or removed folder); returns the URIs removed. */
	removeFolder(folderUri: string): string[] {
		const prefix = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
		const removed = [...this.files.keys()].filter((uri) => uri.startsWith(prefix));
		for (const uri of removed) this.drop(uri);
		return removed;
	}

	has(uri: string): boolean {
		return this.files.has(uri);
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

	endBuild(): void {
		this.builds = Math.max(0, this.builds - 1);
		if (this.builds === 0) this.completedOnce = true;
	}

	onDidChange(listener: IndexListener): { dispose(): void } {
		this.listeners.add(listener);
		return { dispose: () => this.listeners.delete(listener) };
	}

	/** Tells listeners which files changed (the caller batches). */
	fire(uris: string[]): void {
		for (const listener of this.listeners) listener(uris);
	}

	private drop(uri: string): boolean {
		const old = this.files.get(uri);
		if (!old) return false;
		for (const name of old.categories) {
			const n = (this.categories.get(name) ?? 0) - 1;
			if (n > 0) this.categories.set(name, n);
			else this.categories.delete(name);
		}
		this.ticketCount -= old.tickets.length;
		this.files.delete(uri);
		return true;
	}
}

function toSummary(uri: string, d: TicketDigest): TicketSummary {
	return {
		uri,
		ordinal: d.ordinal,
		title: d.title,
		product: d.product,
		subcategory: d.subcategory,
		rootCause: d.rootCause,
		titleRange: d.titleRange,
		range: d.range,
		description: d.preview,
	};
}
