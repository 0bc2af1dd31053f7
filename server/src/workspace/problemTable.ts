/**
 * Each indexed ticket's findings, counted: errors, warnings, leaks and the kinds of rule that found
 * something (a bit per rule category), so that the Tickets tree shows and filters problems of dumps
 * that are not open. Filled by whoever checks the files (features/ticketTreeFeature.ts); findings
 * outside any ticket (the file's header) count for the file.
 */
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { problemKinds } from '../../../common/protocol';
import { ruleInfo } from '../service/index';

export interface TicketProblems {
	errors: number;
	warnings: number;
	leaks: number;
	/** Bit `i` set: a finding of kind `problemKinds[i]`. */
	kinds: number;
}

interface FileProblems {
	readonly tickets: readonly TicketProblems[];
	/** Findings before the first ticket. */
	readonly header: TicketProblems;
	readonly sum: TicketProblems;
}

const empty = (): TicketProblems => ({ errors: 0, warnings: 0, leaks: 0, kinds: 0 });

export function kindBit(kind: string): number {
	const i = (problemKinds as readonly string[]).indexOf(kind);
	return i < 0 ? 0 : 1 << i;
}

function add(into: TicketProblems, d: Diagnostic): void {
	if (d.severity === DiagnosticSeverity.Error) into.errors++;
	else if (d.severity === DiagnosticSeverity.Warning) into.warnings++;
	const category = ruleInfo(String(d.code ?? ''))?.category ?? '';
	if (category === 'leaks') into.leaks++;
	into.kinds |= kindBit(category);
	// A title shared in a file is filed under structure, but the curator looking for duplicates wants it too.
	if (d.code === 'duplicate-title') into.kinds |= kindBit('duplicates');
}

export class ProblemTable {
	private readonly files = new Map<string, FileProblems>();
	private readonly totals = empty();

	/** The file's findings, given its tickets' ranges in file order. */
	set(uri: string, tickets: readonly { readonly range: Range }[], diagnostics: readonly Diagnostic[]): void {
		this.delete(uri);
		const perTicket = tickets.map(empty);
		const header = empty();
		const sum = empty();
		for (const d of diagnostics) {
			const at = ticketAt(tickets, d.range.start.line);
			add(at < 0 ? header : perTicket[at], d);
			add(sum, d);
		}
		this.files.set(uri, { tickets: perTicket, header, sum });
		this.totals.errors += sum.errors;
		this.totals.warnings += sum.warnings;
		this.totals.leaks += sum.leaks;
	}

	delete(uri: string): void {
		const known = this.files.get(uri);
		if (!known) return;
		this.totals.errors -= known.sum.errors;
		this.totals.warnings -= known.sum.warnings;
		this.totals.leaks -= known.sum.leaks;
		this.files.delete(uri);
	}

	has(uri: string): boolean {
		return this.files.has(uri);
	}

	ticket(uri: string, ordinal: number): TicketProblems | undefined {
		return this.files.get(uri)?.tickets[ordinal];
	}

	header(uri: string): TicketProblems | undefined {
		return this.files.get(uri)?.header;
	}

	sum(): Readonly<TicketProblems> {
		return this.totals;
	}
}

/** The index of the last ticket starting at or above `line`; -1 above the first. */
function ticketAt(tickets: readonly { readonly range: Range }[], line: number): number {
	let lo = 0;
	let hi = tickets.length - 1;
	let found = -1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (tickets[mid].range.start.line <= line) {
			found = mid;
			lo = mid + 1;
		} else hi = mid - 1;
	}
	return found;
}
