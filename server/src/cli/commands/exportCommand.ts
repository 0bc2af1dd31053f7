/**
 * `tickets export`: one record per ticket for dataset pipelines: its fields and its dialog as
 * `[{speaker, text}]`. JSON Lines, or CSV with the lists (answers, dialog) as JSON in their cells.
 */
import * as l10n from '@vscode/l10n';
import { statSync, type Stats } from 'node:fs';
import { resolve } from 'node:path';
import { categoryLabel, ticketRecords, type TicketRecord } from '../../service/index';
import type { ParsedArgs } from '../args';
import { commonOptions, configOption, type Command } from '../command';
import { CliError, exitCode } from '../errors';
import type { CliIO } from '../io';
import { openWorkspace, type CliWorkspace } from '../cliWorkspace';
import { openOutputFile, type OutputFile } from '../outputFile';
import { betweenSteps } from '../tempFiles';

export const exportCommand: Command = {
	name: 'export',
	usage: '[options] [paths or globs…]',
	summary: () => l10n.t('Write one record per ticket (fields and dialog turns) as JSON Lines or CSV.'),
	details: () =>
		l10n.t(
			'Fields: file, line, index, title, product, subcategory, category, description, answers, rootCause, dialog ([{speaker, text}], speaker `customer` or `staff`).',
		),
	options: [
		{ name: 'format', short: 'f', type: 'string', values: ['jsonl', 'csv'], description: () => l10n.t('Output format (default jsonl).') },
		{ name: 'out', short: 'o', type: 'string', placeholder: 'FILE', description: () => l10n.t('Write to FILE instead of standard output.') },
		...commonOptions,
	],
	async run(args: ParsedArgs, io: CliIO): Promise<number> {
		const workspace = openWorkspace(io, configOption(args));
		const files = await workspace.files(args.positionals);
		const csv = args.options.format === 'csv';
		const separator = workspace.settings.config.labels.categorySeparator;
		const outPath = args.options.out as string | undefined;
		if (outPath && outPath !== '-') refuseInputAsOutput(workspace, files, resolve(io.cwd, outPath), outPath);
		const out = openOutput(io, outPath);
		try {
			if (csv) out.write(`${csvColumns.join(',')}\r\n`);
			for (const dump of workspace.dumps(files)) {
				const chunk: string[] = [];
				for (const record of ticketRecords(dump.service.parse(dump.document))) {
					const row = exportRow(dump.name, record, separator);
					chunk.push(csv ? `${csvColumns.map((c) => csvCell(row[c])).join(',')}\r\n` : `${JSON.stringify(row)}\n`);
				}
				out.write(chunk.join(''));
				dump.service.forget(dump.document.uri);
				// An interrupted export removes its partial output (tempFiles.ts).
				await betweenSteps();
			}
			out.close();
		} catch (e) {
			out.abandon();
			throw e;
		}
		return workspace.unreadable ? exitCode.usage : exitCode.clean;
	},
};

interface ExportRow {
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

const csvColumns: readonly (keyof ExportRow)[] = [
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

/** `--out` naming one of the dumps read would replace that dump with its export. */
function refuseInputAsOutput(workspace: CliWorkspace, files: readonly string[], target: string, shownAs: string): void {
	const same = sameFileAs(target);
	if (!same) return;
	const input = files.find(same);
	if (input && workspace.read(input, true)) throw new CliError(l10n.t('--out {0} is one of the dumps to export; write to another file', shownAs));
}

/** A test for "is the file at `path`" (through links and hard links); undefined when there is none. */
function sameFileAs(path: string): ((other: string) => boolean) | undefined {
	let target: Stats;
	try {
		target = statSync(path);
	} catch {
		return undefined;
	}
	return (other) => {
		try {
			const info = statSync(other);
			return info.ino === target.ino && info.dev === target.dev;
		} catch {
			return false;
		}
	};
}

function openOutput(io: CliIO, path: string | undefined): OutputFile {
	if (!path || path === '-') return { write: (t) => void io.stdout.write(t), close: () => undefined, abandon: () => undefined };
	return openOutputFile(resolve(io.cwd, path), path);
}
