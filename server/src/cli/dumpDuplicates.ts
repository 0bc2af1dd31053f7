/**
 * Duplicate tickets across the dumps a command works on (`duplicate-ticket`, `near-duplicate`), as
 * the editor finds them across the workspace: every ticket's print in one index (service
 * duplicates.ts), then each ticket's exact and near copies turned into the service's diagnostics.
 * Only the prints are kept while the files are read, so a big corpus costs about 0.5 KB a ticket.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import {
	DuplicateIndex,
	duplicateDiagnostics,
	shiftRange,
	ticketPrint,
	type TicketConfig,
	type TicketDocument,
	type TicketPrint,
	type TicketRef,
} from '../service/index';

export class DumpDuplicates {
	private readonly index = new DuplicateIndex();
	private readonly refs: TicketRef[] = [];
	private readonly prints: TicketPrint[] = [];

	/** Adds the tickets of one parsed dump. */
	add(document: TicketDocument): void {
		document.chunks.forEach((chunk, ordinal) => {
			const parsed = document.parsed(ordinal);
			this.refs.push({ uri: document.uri, ordinal, title: parsed.title.text, titleRange: shiftRange(parsed.title.range, chunk.startLine) });
			this.prints.push(ticketPrint(chunk.text));
		});
	}

	/** The duplicate findings, by file URI. */
	diagnostics(config: TicketConfig): Map<string, Diagnostic[]> {
		const out = new Map<string, Diagnostic[]>();
		if (config.rules['duplicate-ticket'] === 'off' && config.rules['near-duplicate'] === 'off') return out;
		this.index.addMany(this.prints.map((print, key) => [key, print] as const));
		this.refs.forEach((ref, key) => {
			const copies = this.index
				.matches(this.prints[key], config.duplicates.threshold, (k) => k === key)
				.map((m) => ({ ticket: this.refs[m.key], exact: m.exact, similarity: m.similarity }));
			if (!copies.length) return;
			const list = out.get(ref.uri) ?? [];
			list.push(...duplicateDiagnostics(ref, copies, config));
			out.set(ref.uri, list);
		});
		return out;
	}
}
