/**
 * Duplicate tickets across the dumps a command works on (`duplicate-ticket`, `near-duplicate`), as
 * the editor finds them across the workspace: every ticket's print in one index (service
 * duplicates.ts), then each ticket's exact and near copies turned into the service's diagnostics.
 * Only the prints are kept while the files are read, so a big corpus costs about 0.5 KB a ticket.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import {
	CopyTally,
	DuplicateIndex,
	summaryDiagnostics,
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
		// Exact copies share one query and one tally, each leaving itself out (as the server does,
		// workspace/workspaceDuplicates.ts): a list of copies per ticket made N copies of one ticket N².
		const tallies = new Map<TicketPrint['exact'], { exact: CopyTally; near: CopyTally }>();
		this.refs.forEach((ref, key) => {
			const print = this.prints[key];
			let tally = tallies.get(print.exact);
			if (!tally) {
				const made = { exact: new CopyTally(), near: new CopyTally() };
				this.index
					.matches(print, config.duplicates.threshold)
					.forEach((m, rank) => (m.exact ? made.exact : made.near).add(this.refs[m.key], m.exact, m.similarity, rank));
				tallies.set(print.exact, (tally = made));
			}
			const exact = tally.exact.summary(ref);
			const near = tally.near.summary();
			if (!exact.count && !near.count) return;
			const list = out.get(ref.uri) ?? [];
			list.push(...summaryDiagnostics(ref, exact, near, config));
			out.set(ref.uri, list);
		});
		return out;
	}
}
