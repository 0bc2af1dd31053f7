/**
 * Duplicate tickets across the workspace: the workspace index hands over each file's text as it
 * indexes it (open or not), and this keeps one print per ticket (service/duplicates.ts) in an LSH
 * index. An open document is checked from its current text (its tickets' prints cached with their
 * parse), against every other file's indexed tickets and against itself, so its ranges are never
 * those of an older version. When the index changes, the open dumps whose duplicates changed are
 * reported to listeners (the diagnostics feature re-publishes them).
 */
import type { Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DuplicateIndex, duplicateDiagnostics, ticketPrint, type DuplicateOf, type ParsedTicket, type TicketPrint, type TicketRef, type TicketService } from './service/index';
import { readTitle } from './service/parseTicket';
import { shiftRange } from './service/positions';
import { scanFile } from './service/scan';
import type { WorkspaceIndex } from './workspaceIndex';

/** How long index changes are gathered before open dumps are re-checked. */
const settleMs = 300;

interface FileEntry {
	readonly keys: readonly number[];
}

export class WorkspaceDuplicates {
	private readonly index = new DuplicateIndex();
	private readonly files = new Map<string, FileEntry>();
	private readonly refs = new Map<number, TicketRef>();
	private readonly livePrints = new WeakMap<ParsedTicket, TicketPrint>();
	private readonly lastResult = new Map<string, { key: string; version: number; diagnostics: Diagnostic[] }>();
	private readonly listeners = new Set<(uris: string[]) => void>();
	private nextKey = 0;
	/** Bumped by settings changes and by every change of the index. */
	private generation = 0;
	private timer: NodeJS.Timeout | undefined;

	constructor(
		workspace: WorkspaceIndex,
		private readonly service: TicketService,
		/** The open dumps (checked again when the index changes). */
		private readonly openDumps: () => readonly TextDocument[],
	) {
		workspace.onFileIndexed((uri, text) => this.fileIndexed(uri, text));
	}

	get size(): number {
		return this.index.size;
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

	/** The duplicate diagnostics of an open dump's current text. */
	diagnosticsFor(doc: TextDocument): Diagnostic[] {
		const cacheKey = `${doc.version}:${this.generation}`;
		const known = this.lastResult.get(doc.uri);
		if (known?.key === cacheKey) return known.diagnostics;
		const diagnostics = this.compute(doc);
		this.lastResult.set(doc.uri, { key: cacheKey, version: doc.version, diagnostics });
		return diagnostics;
	}

	/** The duplicate diagnostics last computed for this version of a document (for its code actions). */
	lastDiagnostics(uri: string, version: number): Diagnostic[] {
		const known = this.lastResult.get(uri);
		return known?.version === version ? known.diagnostics : [];
	}

	/** A closed document needs nothing kept. */
	forget(uri: string): void {
		this.lastResult.delete(uri);
	}

	private compute(doc: TextDocument): Diagnostic[] {
		const config = this.service.config;
		const threshold = config.duplicates.threshold;
		if (config.rules['duplicate-ticket'] === 'off' && config.rules['near-duplicate'] === 'off') return [];
		const parsed = this.service.parse(doc);
		const own: { ref: TicketRef; print: TicketPrint }[] = [];
		for (let i = 0; i < parsed.chunks.length; i++) {
			const p = parsed.parsed(i);
			let print = this.livePrints.get(p);
			if (!print) this.livePrints.set(p, (print = ticketPrint(p.text)));
			own.push({ ref: { uri: doc.uri, ordinal: i, title: p.title.text, titleRange: shiftRange(p.title.range, parsed.chunks[i].startLine) }, print });
		}
		// The document against itself: its own tickets in a small index of their own.
		const local = new DuplicateIndex();
		local.addMany(own.map((o, i) => [i, o.print] as const));
		const diagnostics: Diagnostic[] = [];
		own.forEach((o, i) => {
			const copies: DuplicateOf[] = [];
			for (const m of local.matches(o.print, threshold, (k) => k === i)) copies.push({ ticket: own[m.key].ref, exact: m.exact, similarity: m.similarity });
			for (const m of this.index.matches(o.print, threshold, (k) => this.refs.get(k)?.uri === doc.uri)) {
				const ref = this.refs.get(m.key);
				if (ref) copies.push({ ticket: ref, exact: m.exact, similarity: m.similarity });
			}
			if (copies.length) diagnostics.push(...duplicateDiagnostics(o.ref, copies, config));
		});
		return diagnostics;
	}

	private fileIndexed(uri: string, text: string | undefined): void {
		const old = this.files.get(uri);
		if (old) {
			for (const key of old.keys) {
				this.index.remove(key);
				this.refs.delete(key);
			}
			this.files.delete(uri);
		}
		if (text !== undefined) {
			const keys: number[] = [];
			for (const [ordinal, chunk] of scanFile(text).chunks.entries()) {
				const key = this.nextKey++;
				const firstLine = chunk.text.slice(0, chunk.text.search(/\r?\n|\r|$/));
				const title = readTitle(firstLine);
				this.refs.set(key, { uri, ordinal, title: title.text, titleRange: shiftRange(title.range, chunk.startLine) });
				this.index.add(key, ticketPrint(chunk.text));
				keys.push(key);
			}
			this.files.set(uri, { keys });
		}
		this.generation++;
		this.changedSoon();
	}

	/** Open dumps are checked again once a burst of index changes settles. */
	private changedSoon(): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = setTimeout(() => {
			this.timer = undefined;
			const changed: string[] = [];
			for (const doc of this.openDumps()) {
				const before = this.lastResult.get(doc.uri)?.diagnostics;
				const after = this.diagnosticsFor(doc);
				if (JSON.stringify(before ?? []) !== JSON.stringify(after)) changed.push(doc.uri);
			}
			if (changed.length) for (const listener of this.listeners) listener(changed);
		}, settleMs);
	}
}
