/**
 * One dump's part of `tickets export`: masked (when asked) and checked, each ticket through the
 * gate (service export/exportGate.ts) and made into its row or training record
 * (export/trainingRecords.ts), with the print that finds its exact and near copies. Nothing here
 * looks at other dumps (exact duplicates across dumps are dropped in input order by
 * exportCollect.ts), so dumps can be worked on in parallel (exportPool.ts).
 */
import {
	categoryLabel,
	createTicketService,
	exactPrint,
	findingsByTicket,
	gateConfig,
	gateVerdicts,
	maskedText,
	ticketPrint,
	ticketRecords,
	trainingRecord,
	type PlaceholderMode,
	type TicketPrint,
	type TicketRecord,
	type TicketService,
	type TicketTextDocument,
	type TrainingFormat,
	type WithheldReason,
} from '../service/index';

export type ExportFormat = 'jsonl' | 'csv' | TrainingFormat;

/** What decides a ticket's record; plain data (it is handed to worker threads). */
export interface DumpExportOptions {
	readonly format: ExportFormat;
	readonly system?: string;
	readonly withMeta: boolean;
	readonly placeholders: PlaceholderMode;
	readonly mask: boolean;
	readonly allowFindings: boolean;
	/** Keep each exported ticket's MinHash signature (for splits). */
	readonly keepPrints: boolean;
}

export type WithheldReasons = readonly { readonly reason: WithheldReason; readonly codes?: readonly string[]; readonly of?: string }[];

/** A ticket of the dump, in file order: withheld by the gate, or its serialised record and print. */
export type DumpTicket =
	| { readonly line: number; readonly reasons: WithheldReasons }
	| { readonly line: number; readonly text: string; readonly product: string; readonly exact: number; readonly signature?: TicketPrint['signature'] };

export interface DumpExport {
	readonly tickets: readonly DumpTicket[];
}

export interface ExportRow {
	readonly file: string;
	/** 1-based line of the ticket's title. */
	readonly line: number;
	/** 1-based position of the ticket in its file. */
	readonly index: number;
	readonly title: string;
	readonly product: string;
	readonly subcategory: string;
	readonly category: string;
	readonly description: string;
	readonly answers: readonly string[];
	readonly rootCause: string;
	readonly dialog: readonly { speaker: string; text: string }[];
}

export const csvColumns: readonly (keyof ExportRow)[] = [
	'file',
	'line',
	'index',
	'title',
	'product',
	'subcategory',
	'category',
	'description',
	'answers',
	'rootCause',
	'dialog',
];

function exportRow(file: string, r: TicketRecord, separator: string): ExportRow {
	return {
		file,
		line: r.startLine + 1,
		index: r.ordinal + 1,
		title: r.title,
		product: r.product,
		subcategory: r.subcategory,
		category: categoryLabel(r, separator),
		description: r.description,
		answers: r.answers,
		rootCause: r.rootCause,
		dialog: r.dialog,
	};
}

/** RFC 4180: quoted when it holds a comma, a quote or a line break; lists as JSON. */
function csvCell(value: ExportRow[keyof ExportRow]): string {
	const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : JSON.stringify(value);
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvHeader(): string {
	return csvColumns.join(',');
}

/**
 * The service that checks dumps for the gate: only the rules the gate reads run (half the time of a
 * full check), one per configuration; with `allowFindings` nothing is checked and the dump's own
 * service parses.
 */
export function gateServices(options: Pick<DumpExportOptions, 'allowFindings'>, log?: (message: string) => void): (service: TicketService) => TicketService {
	const made = new Map<TicketService, TicketService>();
	return (service) => {
		if (options.allowFindings) return service;
		let gate = made.get(service);
		if (!gate) made.set(service, (gate = createTicketService({ config: gateConfig(service.config), log })));
		return gate;
	};
}

/** One dump's tickets through the gate, `service` being the gate's service for its configuration (gateServices). */
export function exportDump(name: string, document: TicketTextDocument, service: TicketService, options: DumpExportOptions): DumpExport {
	const config = service.config;
	const separator = config.labels.categorySeparator;
	const original = document.getText();
	const text = options.mask ? maskedText(original, config) : original;
	const checked: TicketTextDocument = text === original ? document : { ...document, getText: () => text };
	const parsed = service.parse(checked);
	const findings = options.allowFindings ? undefined : findingsByTicket(parsed.chunks, service.validate(checked) ?? []);
	const tickets: DumpTicket[] = ticketRecords(parsed).map((record, ordinal) => {
		const line = record.startLine + 1;
		const verdicts = findings ? gateVerdicts(findings[ordinal]) : [];
		if (verdicts.length) return { line, reasons: verdicts };
		let serialised: string;
		if (options.format === 'jsonl' || options.format === 'csv') {
			const row = exportRow(name, record, separator);
			serialised = options.format === 'csv' ? csvColumns.map((c) => csvCell(row[c])).join(',') : JSON.stringify(row);
		} else {
			const meta = options.withMeta
				? { file: name, line, title: record.title, category: categoryLabel(record, separator), rootCause: record.rootCause }
				: undefined;
			const result = trainingRecord(record, { format: options.format, system: options.system, placeholders: options.placeholders, meta });
			if ('withheld' in result) return { line, reasons: [{ reason: result.withheld }] };
			serialised = JSON.stringify(result.record);
		}
		const chunk = parsed.chunks[ordinal].text;
		// The signature only for splits; exact copies need the hash alone.
		if (!options.keepPrints) return { line, text: serialised, product: record.product, exact: exactPrint(chunk) };
		const print = ticketPrint(chunk);
		return { line, text: serialised, product: record.product, exact: print.exact, signature: print.signature };
	});
	service.forget(checked.uri);
	service.clearParses();
	return { tickets };
}
