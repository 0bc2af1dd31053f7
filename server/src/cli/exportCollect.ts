/**
 * What `tickets export` reads and decides, before anything is written: every dump masked (when
 * asked) and checked, each ticket through the gate (service export/exportGate.ts), made into its
 * row or training record (export/trainingRecords.ts), exact duplicates dropped after their first
 * copy, and the inputs' SHA-256 for the manifest. Files are read here; the decisions are the
 * service's.
 */
import { createHash } from 'node:crypto';
import {
	categoryLabel,
	createTicketService,
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
import type { CliWorkspace, Dump } from './cliWorkspace';
import { betweenSteps } from './tempFiles';

export type ExportFormat = 'jsonl' | 'csv' | TrainingFormat;

export interface CollectOptions {
	readonly format: ExportFormat;
	readonly system?: string;
	readonly withMeta: boolean;
	readonly placeholders: PlaceholderMode;
	readonly mask: boolean;
	readonly allowFindings: boolean;
	/** Keep each exported ticket's MinHash signature (for splits). */
	readonly keepPrints: boolean;
	/** Where a rule that fails says so. */
	readonly log?: (message: string) => void;
}

export interface ExportEntry {
	/** The serialised row or record, without its line break. */
	readonly text: string;
	readonly product: string;
	readonly print?: TicketPrint;
}

export interface WithheldTicket {
	readonly file: string;
	/** 1-based line of the ticket's title. */
	readonly line: number;
	readonly reasons: readonly { readonly reason: WithheldReason; readonly codes?: readonly string[]; readonly of?: string }[];
}

export interface InputFile {
	readonly file: string;
	readonly sha256: string;
	readonly tickets: number;
}

export interface Collected {
	readonly withheld: WithheldTicket[];
	readonly inputs: InputFile[];
	readonly tickets: number;
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

function sha256(dump: Dump): string {
	return createHash('sha256')
		.update(dump.bom ? `\ufeff${dump.text}` : dump.text, 'utf8')
		.digest('hex');
}

/**
 * Runs over the dumps and hands each exported entry to `emit`, in input order. `afterDump` is
 * called once a dump is done (with how many tickets it had), for progress.
 */
export async function collectExport(
	workspace: CliWorkspace,
	files: readonly string[],
	options: CollectOptions,
	emit: (entry: ExportEntry) => void,
	afterDump?: (tickets: number) => void,
): Promise<Collected> {
	// Each dump is read with its own configuration (found from its folder upwards); the gate's own
	// service per configuration runs only the rules it reads (half the time of a full check).
	const gateServices = new Map<TicketService, TicketService>();
	const gateServiceOf = (dump: Dump): TicketService => {
		if (options.allowFindings) return dump.service;
		let gate = gateServices.get(dump.service);
		if (!gate) gateServices.set(dump.service, (gate = createTicketService({ config: gateConfig(dump.service.config), log: options.log })));
		return gate;
	};
	const withheld: WithheldTicket[] = [];
	const inputs: InputFile[] = [];
	const firstCopy = new Map<number, string>();
	let tickets = 0;
	for (const dump of workspace.dumps(files)) {
		const config = dump.service.config;
		const service = gateServiceOf(dump);
		const separator = config.labels.categorySeparator;
		const text = options.mask ? maskedText(dump.text, config) : dump.text;
		const document: TicketTextDocument = text === dump.text ? dump.document : { ...dump.document, getText: () => text };
		const parsed = service.parse(document);
		const findings = options.allowFindings ? undefined : findingsByTicket(parsed.chunks, service.validate(document) ?? []);
		const records = ticketRecords(parsed);
		records.forEach((record, ordinal) => {
			const line = record.startLine + 1;
			const verdicts = findings ? gateVerdicts(findings[ordinal]) : [];
			if (verdicts.length) {
				withheld.push({ file: dump.name, line, reasons: verdicts });
				return;
			}
			let serialised: string;
			if (options.format === 'jsonl' || options.format === 'csv') {
				const row = exportRow(dump.name, record, separator);
				serialised = options.format === 'csv' ? csvColumns.map((c) => csvCell(row[c])).join(',') : JSON.stringify(row);
			} else {
				const meta = options.withMeta
					? { file: dump.name, line, title: record.title, category: categoryLabel(record, separator), rootCause: record.rootCause }
					: undefined;
				const result = trainingRecord(record, { format: options.format, system: options.system, placeholders: options.placeholders, meta });
				if ('withheld' in result) {
					withheld.push({ file: dump.name, line, reasons: [{ reason: result.withheld }] });
					return;
				}
				serialised = JSON.stringify(result.record);
			}
			const print = ticketPrint(parsed.chunks[ordinal].text);
			const first = firstCopy.get(print.exact);
			if (first !== undefined) {
				withheld.push({ file: dump.name, line, reasons: [{ reason: 'duplicate', of: first }] });
				return;
			}
			firstCopy.set(print.exact, `${dump.name}:${line}`);
			emit({ text: serialised, product: record.product, print: options.keepPrints ? print : undefined });
		});
		tickets += records.length;
		inputs.push({ file: dump.name, sha256: sha256(dump), tickets: records.length });
		service.forget(document.uri);
		service.clearParses();
		afterDump?.(records.length);
		// An interrupted export removes its partial output (tempFiles.ts).
		await betweenSteps();
	}
	return { withheld, inputs, tickets };
}
