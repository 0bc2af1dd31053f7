/**
 * Figures over a set of dumps: tickets per product, category and root cause, findings per rule
 * code, tickets no staff member answered, and dialog turns per ticket. Fed file by file so a
 * caller can report progress and keep nothing but the counts.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { categoryLabel } from '../config/labels';
import type { TicketRecord } from './records';

interface TurnFigures {
	readonly min: number;
	readonly median: number;
	readonly max: number;
}

/** A ticket named by its file and title line. */
interface TicketLine {
	readonly file: string;
	/** 0-based title line. */
	readonly line: number;
	readonly title: string;
}

export interface DumpStats {
	readonly files: number;
	readonly tickets: number;
	/** Counts sorted by frequency, then name. Missing values count under the empty string. */
	readonly products: readonly [string, number][];
	readonly categories: readonly [string, number][];
	readonly rootCauses: readonly [string, number][];
	readonly findings: readonly [string, number][];
	readonly withoutStaffAnswers: readonly TicketLine[];
	/** Undefined when there is no ticket. */
	readonly turns?: TurnFigures;
}

function bump(counts: Map<string, number>, key: string): void {
	counts.set(key, (counts.get(key) ?? 0) + 1);
}

function sorted(counts: Map<string, number>): [string, number][] {
	return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** The median of sorted numbers (the mean of the two middle ones for an even count). */
export function median(sortedValues: readonly number[]): number {
	const mid = sortedValues.length >> 1;
	return sortedValues.length % 2 ? sortedValues[mid] : (sortedValues[mid - 1] + sortedValues[mid]) / 2;
}

export class StatsCollector {
	private files = 0;
	private readonly products = new Map<string, number>();
	private readonly categories = new Map<string, number>();
	private readonly rootCauses = new Map<string, number>();
	private readonly findings = new Map<string, number>();
	private readonly unanswered: TicketLine[] = [];
	private readonly turnCounts: number[] = [];

	/** `categorySeparator` joins product and subcategory the way the dumps write it. */
	constructor(private readonly categorySeparator: string) {}

	/** The tickets of one file. */
	addTickets(file: string, records: readonly TicketRecord[]): void {
		this.files++;
		for (const r of records) {
			bump(this.products, r.product);
			bump(this.categories, categoryLabel(r, this.categorySeparator));
			bump(this.rootCauses, r.rootCause);
			this.turnCounts.push(r.dialog.length);
			if (!r.answers.length && !r.dialog.some((t) => t.speaker === 'staff')) this.unanswered.push({ file, line: r.startLine, title: r.title });
		}
	}

	/** Findings of any file (they may come later than its tickets: duplicates are known at the end). */
	addFindings(diagnostics: readonly Diagnostic[]): void {
		for (const d of diagnostics) bump(this.findings, String(d.code ?? ''));
	}

	result(): DumpStats {
		const turns = [...this.turnCounts].sort((a, b) => a - b);
		return {
			files: this.files,
			tickets: turns.length,
			products: sorted(this.products),
			categories: sorted(this.categories),
			rootCauses: sorted(this.rootCauses),
			findings: sorted(this.findings),
			withoutStaffAnswers: this.unanswered,
			turns: turns.length ? { min: turns[0], median: median(turns), max: turns[turns.length - 1] } : undefined,
		};
	}
}
