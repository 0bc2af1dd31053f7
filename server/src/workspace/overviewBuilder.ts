/**
 * The overview's data (common/overview.ts) from the same inputs as `tickets stats`: each dump's
 * ticket records and its findings, fed file by file. The counts stats prints come from its own
 * collector (service export/ticketStats.ts), so the overview and `tickets stats --json` cannot
 * disagree; this adds what the charts need beyond them (root cause × product, findings per file,
 * duplicate groups, the turns histogram). Pure: the CLI and the server feed it the same way.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { findingTicketsLimit, type OverviewData, type OverviewFile, type OverviewFileFindings, type OverviewTicket } from '../../../common/overview';
import { categoryLabel, ruleInfo, StatsCollector, type TicketRecord } from '../service/index';

const duplicateCodes = new Set(['duplicate-title', 'duplicate-ticket', 'near-duplicate']);

/** Union-find over ticket keys, for the groups duplicate findings link. */
class Groups {
	private readonly parent = new Map<string, string>();
	find(key: string): string {
		let root = key;
		while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
		if (!this.parent.has(key)) this.parent.set(key, key);
		this.parent.set(key, root);
		return root;
	}
	union(a: string, b: string): void {
		const ra = this.find(a);
		const rb = this.find(b);
		if (ra !== rb) this.parent.set(rb, ra);
	}
	members(): Map<string, string[]> {
		const out = new Map<string, string[]>();
		for (const key of this.parent.keys()) {
			const root = this.find(key);
			const list = out.get(root) ?? [];
			list.push(key);
			out.set(root, list);
		}
		return out;
	}
}

const ticketKey = (uri: string, line: number) => `${uri}\n${line}`;

export class OverviewBuilder {
	private readonly stats: StatsCollector;
	private readonly files: OverviewFile[] = [];
	private readonly fileIndex = new Map<string, number>();
	private readonly fileByName = new Map<string, number>();
	private readonly pairs = new Map<string, Map<string, number>>();
	private readonly turnCounts = new Map<number, number>();
	private readonly perFile = new Map<number, { errors: number; warnings: number; others: number; byCategory: Record<string, number> }>();
	private readonly titles = new Map<string, string>();
	/** One union-find per duplicate code: an exact-copy group and a same-title group are different groups. */
	private readonly duplicates = new Map<string, Groups>();
	private readonly codeCategory = new Map<string, string>();
	/** Per file URI, its tickets' title lines in order (to name the ticket a finding is in). */
	private readonly startLines = new Map<string, number[]>();
	private readonly findingTickets: Record<string, OverviewTicket[]> = {};
	private readonly categoryKeys: Record<string, readonly [string, string]> = {};

	/** `categorySeparator` joins product and subcategory the way the dumps write it. */
	constructor(private readonly categorySeparator: string) {
		this.stats = new StatsCollector(categorySeparator);
	}

	private indexOf(file: OverviewFile): number {
		let index = this.fileIndex.get(file.uri);
		if (index === undefined) {
			index = this.files.length;
			this.files.push(file);
			this.fileIndex.set(file.uri, index);
			this.fileByName.set(file.name, index);
		}
		return index;
	}

	/** The tickets of one dump. */
	addTickets(file: OverviewFile, records: readonly TicketRecord[]): void {
		this.indexOf(file);
		this.stats.addTickets(file.name, records);
		this.startLines.set(
			file.uri,
			records.map((r) => r.startLine),
		);
		for (const r of records) {
			const byRoot = this.pairs.get(r.product) ?? new Map<string, number>();
			byRoot.set(r.rootCause, (byRoot.get(r.rootCause) ?? 0) + 1);
			this.pairs.set(r.product, byRoot);
			this.turnCounts.set(r.dialog.length, (this.turnCounts.get(r.dialog.length) ?? 0) + 1);
			this.titles.set(ticketKey(file.uri, r.startLine), r.title);
			this.categoryKeys[categoryLabel(r, this.categorySeparator)] ??= [r.product, r.subcategory];
		}
	}

	/** The findings of one dump (duplicates may come after every dump's tickets). */
	addFindings(file: OverviewFile, diagnostics: readonly Diagnostic[]): void {
		if (!diagnostics.length) return;
		const index = this.indexOf(file);
		this.stats.addFindings(diagnostics);
		const tally = this.perFile.get(index) ?? { errors: 0, warnings: 0, others: 0, byCategory: {} };
		for (const d of diagnostics) {
			const code = String(d.code ?? '');
			const category = ruleInfo(code)?.category ?? '';
			this.codeCategory.set(code, category);
			if (d.severity === DiagnosticSeverity.Error) tally.errors++;
			else if (d.severity === DiagnosticSeverity.Warning) tally.warnings++;
			else tally.others++;
			tally.byCategory[category] = (tally.byCategory[category] ?? 0) + 1;
			if (duplicateCodes.has(code)) this.linkDuplicates(code, file.uri, d);
			this.noteTicket(code, index, file.uri, d.range.start.line);
		}
		this.perFile.set(index, tally);
	}

	/** Remembers the ticket a finding is in, once per ticket and code, up to the limit. */
	private noteTicket(code: string, file: number, uri: string, line: number): void {
		const list = (this.findingTickets[code] ??= []);
		if (list.length >= findingTicketsLimit) return;
		const starts = this.startLines.get(uri) ?? [];
		let lo = 0;
		let hi = starts.length - 1;
		let at = -1;
		while (lo <= hi) {
			const mid = (lo + hi) >> 1;
			if (starts[mid] <= line) {
				at = mid;
				lo = mid + 1;
			} else hi = mid - 1;
		}
		const start = at >= 0 ? starts[at] : line;
		const last = list[list.length - 1];
		if (last && last.file === file && last.line === start) return;
		list.push({ file, line: start, title: this.titles.get(ticketKey(uri, start)) ?? '' });
	}

	private linkDuplicates(code: string, uri: string, d: Diagnostic): void {
		const groups = this.duplicates.get(code) ?? new Groups();
		this.duplicates.set(code, groups);
		const own = ticketKey(uri, d.range.start.line);
		groups.find(own);
		for (const r of d.relatedInformation ?? []) groups.union(own, ticketKey(r.location.uri, r.location.range.start.line));
	}

	private ticketOf(key: string): OverviewTicket | undefined {
		const [uri, line] = key.split('\n');
		const file = this.fileIndex.get(uri);
		if (file === undefined) return undefined;
		return { file, line: Number(line), title: this.titles.get(key) ?? '' };
	}

	result(): OverviewData {
		const s = this.stats.result();
		const list = (counts: readonly [string, number][]) => counts.map(([name, tickets]) => ({ name, tickets }));
		const rootCauseByProduct = [...this.pairs].flatMap(([product, byRoot]) => [...byRoot].map(([rootCause, tickets]) => ({ product, rootCause, tickets })));
		const findingsPerFile: OverviewFileFindings[] = [...this.perFile]
			.map(([file, t]) => ({ file, ...t }))
			.sort((a, b) => b.errors + b.warnings + b.others - (a.errors + a.warnings + a.others) || a.file - b.file);
		const duplicateGroups = [...this.duplicates].flatMap(([code, groups]) =>
			[...groups.members().values()]
				.map((keys) => keys.map((k) => this.ticketOf(k)).filter((t): t is OverviewTicket => !!t))
				.filter((tickets) => tickets.length > 1)
				.map((tickets) => ({ code, tickets: tickets.sort((a, b) => a.file - b.file || a.line - b.line) })),
		);
		duplicateGroups.sort((a, b) => b.tickets.length - a.tickets.length || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
		return {
			dumps: s.files,
			tickets: s.tickets,
			files: this.files,
			products: list(s.products),
			categories: list(s.categories),
			categoryKeys: this.categoryKeys,
			rootCauses: list(s.rootCauses),
			rootCauseByProduct,
			findings: s.findings.map(([code, count]) => ({ code, category: this.codeCategory.get(code) ?? '', count })),
			findingTickets: this.findingTickets,
			findingsPerFile,
			duplicateGroups,
			turns: [...this.turnCounts].sort((a, b) => a[0] - b[0]).map(([turns, tickets]) => ({ turns, tickets })),
			withoutStaffAnswers: s.withoutStaffAnswers.map((t) => ({ file: this.fileByName.get(t.file) ?? 0, line: t.line, title: t.title })),
		};
	}
}
