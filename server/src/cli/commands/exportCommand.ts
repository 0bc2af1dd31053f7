/**
 * `tickets export`: the last step of curation. One record per ticket, as JSON Lines or CSV rows
 * (fields and dialog) or as training records (chat, sharegpt, alpaca); tickets with open leaks or
 * errors withheld (or their leaks masked), exact duplicates exported once, optional seeded splits
 * that keep near copies together, and a manifest of what was exported and what was left out.
 * The service decides (export/); this command reads, calls and writes.
 */
import * as l10n from '@vscode/l10n';
import { mkdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { assignSplits, defaultPlaceholderMode, placeholderModes, trainingFormats, type PlaceholderMode } from '../../service/index';
import type { ParsedArgs } from '../args';
import { commonOptions, configOption, type Command } from '../command';
import { CliError, exitCode } from '../errors';
import type { CliIO } from '../io';
import { openWorkspace, type CliWorkspace } from '../cliWorkspace';
import { openOutputFile, type OutputFile } from '../outputFile';
import { collectExport, csvHeader, type CollectOptions, type ExportEntry, type ExportFormat, type WithheldTicket } from '../exportCollect';
import { exportManifest, splitNames, type ManifestInput } from '../exportManifest';
import { exportProgress } from '../exportProgress';

const formats: readonly ExportFormat[] = ['jsonl', 'csv', ...trainingFormats];

export const exportCommand: Command = {
	name: 'export',
	usage: '[options] [paths or globs…]',
	summary: () => l10n.t('Write one record per ticket: fields and dialog (JSON Lines, CSV) or a training set (chat, sharegpt, alpaca).'),
	details: () =>
		[
			l10n.t(
				'jsonl and csv fields: file, line, index, title, product, subcategory, category, description, answers, rootCause, dialog ([{speaker, text}], speaker `customer` or `staff`).',
			),
			l10n.t(
				'chat: {"messages": [system?, user, assistant, …]}, customer turns as user and staff turns as assistant, one speaker\'s consecutive turns joined, cut after the last staff turn. sharegpt: {"conversations": [{from: human|gpt, value}]}. alpaca: instruction (the description), input (empty), output (the numbered answers). A ticket without a staff turn is withheld.',
			),
			l10n.t(
				'By default a ticket with an open leak or an error finding is withheld (listed in the manifest with its reasons); exact duplicates are exported once. With --out, manifest.json is written next to the output.',
			),
		].join('\n'),
	options: [
		{ name: 'format', short: 'f', type: 'string', values: formats, description: () => l10n.t('Output format (default jsonl).') },
		{
			name: 'out',
			short: 'o',
			type: 'string',
			placeholder: 'PATH',
			description: () => l10n.t('Write to this file instead of standard output (a folder with --split).'),
		},
		{
			name: 'system',
			type: 'string',
			placeholder: 'TEXT|@FILE',
			description: () => l10n.t('System message of each chat or sharegpt record (alpaca: its system field); @FILE reads it from a file.'),
		},
		{ name: 'with-meta', type: 'boolean', description: () => l10n.t('Keep file, line, title, category and root cause beside each training record (meta).') },
		{
			name: 'placeholders',
			type: 'string',
			values: placeholderModes,
			description: () =>
				l10n.t(
					'Media placeholders such as [图片] in training records: drop (default: removed, a turn left empty goes), keep, or withhold the ticket. [REDACTED_…] markers always stay.',
				),
		},
		{ name: 'mask', type: 'boolean', description: () => l10n.t('Mask leaks in the exported text (never in the dump) instead of withholding their tickets.') },
		{ name: 'allow-findings', type: 'boolean', description: () => l10n.t('Export tickets with leak and error findings as they are.') },
		{
			name: 'split',
			type: 'string',
			placeholder: 'TRAIN,VAL,TEST',
			description: () => l10n.t('Split into train, validation and test files in the --out folder (e.g. 80,10,10); near copies stay in one split.'),
		},
		{ name: 'seed', type: 'number', placeholder: 'N', description: () => l10n.t('Seed of the split (default 1): the same seed gives the same files.') },
		{
			name: 'jobs',
			short: 'j',
			type: 'number',
			placeholder: 'N',
			description: () =>
				l10n.t('Check and convert dumps on N threads at once (default: the cores, at most 4; 1: no threads). The output does not depend on it.'),
		},
		{ name: 'progress', type: 'boolean', description: () => l10n.t('Report progress on standard error even when it is not a terminal.') },
		...commonOptions,
	],
	async run(args: ParsedArgs, io: CliIO): Promise<number> {
		const format = (args.options.format as ExportFormat | undefined) ?? 'jsonl';
		const ratios = args.options.split === undefined ? undefined : parseSplit(String(args.options.split));
		const seed = (args.options.seed as number | undefined) ?? 1;
		const outPath = args.options.out as string | undefined;
		if (ratios && (!outPath || outPath === '-')) throw new CliError(l10n.t('--split writes one file per split: give the folder with --out'));
		const options: CollectOptions = {
			format,
			system: systemMessage(args.options.system as string | undefined, io),
			withMeta: !!args.options['with-meta'],
			placeholders: (args.options.placeholders as PlaceholderMode | undefined) ?? defaultPlaceholderMode,
			mask: !!args.options.mask,
			allowFindings: !!args.options['allow-findings'],
			keepPrints: !!ratios,
			log: (message) => void io.stderr.write(`${message}\n`),
			jobs: jobsOption(args.options.jobs as number | undefined),
			configPath: configOption(args),
			cwd: io.cwd,
		};
		const workspace = openWorkspace(io, configOption(args));
		const files = await workspace.files(args.positionals);
		const extension = format === 'csv' ? 'csv' : 'jsonl';
		const target = outPath && outPath !== '-' ? resolve(io.cwd, outPath) : undefined;
		const folder = target && (ratios ? target : dirname(target));
		if (ratios) makeFolder(folder!, outPath!);
		const outputs = ratios ? splitNames.map((name) => join(folder!, `${name}.${extension}`)) : [target];
		// Paths as the user wrote them, for messages.
		const shown = ratios ? splitNames.map((name) => join(outPath!, `${name}.${extension}`)) : [outPath];
		outputs.forEach((path, i) => path && refuseInputAsOutput(workspace, files, path, shown[i]!));
		const manifestPath = folder && join(folder, 'manifest.json');
		const manifestShown = outPath && join(ratios ? outPath : dirname(outPath), 'manifest.json');
		if (manifestPath) refuseInputAsOutput(workspace, files, manifestPath, manifestShown!);
		if (manifestPath && manifestPath === target) throw new CliError(l10n.t('--out {0} is where the manifest goes; write to another file', outPath!));
		const header = format === 'csv' ? `${csvHeader()}\r\n` : '';
		const progress = exportProgress(io, !!args.options.progress);
		const outs: OutputFile[] = [];
		try {
			outputs.forEach((path, i) => outs.push(openOutput(io, path, shown[i])));
			const entries: ExportEntry[] = [];
			const products: string[][] = outputs.map(() => []);
			for (const out of outs) out.write(header);
			// Without splits, records stream out as they come; splits need every print first.
			const emit = ratios
				? (entry: ExportEntry) => void entries.push(entry)
				: (entry: ExportEntry) => {
						outs[0].write(`${entry.text}${format === 'csv' ? '\r\n' : '\n'}`);
						products[0].push(entry.product);
					};
			const collected = await collectExport(workspace, files, options, emit, progress.tickets);
			let split: ManifestInput['split'];
			if (ratios) {
				progress.phase(l10n.t('splitting'));
				const plan = assignSplits(
					entries.map((e) => ({ product: e.product, print: e.print! })),
					ratios,
					seed,
					workspace.service.config.duplicates.threshold,
				);
				// Written a thousand records at a time: one string per split would double the memory held.
				const chunks: string[][] = outputs.map(() => []);
				entries.forEach((entry, i) => {
					const s = plan.splitOf[i];
					chunks[s].push(`${entry.text}${format === 'csv' ? '\r\n' : '\n'}`);
					products[s].push(entry.product);
					if (chunks[s].length >= 1000) outs[s].write(chunks[s].splice(0).join(''));
				});
				chunks.forEach((chunk, s) => outs[s].write(chunk.join('')));
				split = { ratios, seed, groups: plan.groups, largestCrossSimilarity: plan.largestCrossSimilarity };
			}
			progress.done();
			let manifest: OutputFile | undefined;
			if (manifestPath) {
				const body = exportManifest({
					collected,
					format,
					options: {
						format,
						split: ratios ?? null,
						seed: ratios ? seed : null,
						system: options.system ?? null,
						withMeta: options.withMeta,
						placeholders: options.placeholders,
						mask: options.mask,
						allowFindings: options.allowFindings,
					},
					config: workspace.service.config,
					configFile: workspace.config && { name: relative(io.cwd, workspace.config.path) || workspace.config.path, path: workspace.config.path },
					outputs: outputs.map((path, s) => ({
						file: path ? relative(folder!, path) : '-',
						split: ratios ? splitNames[s] : 'all',
						products: products[s],
					})),
					split,
				});
				manifest = openOutputFile(manifestPath, manifestShown!);
				outs.push(manifest);
				manifest.write(`${JSON.stringify(body, null, '\t')}\n`);
			}
			for (const out of outs) out.close();
			const exported = products.reduce((n, p) => n + p.length, 0);
			reportWithheld(io, exported, collected.tickets, collected.withheld);
		} catch (e) {
			progress.done();
			for (const out of outs) out.abandon();
			throw e;
		}
		return workspace.unreadable ? exitCode.usage : exitCode.clean;
	},
};

function jobsOption(value: number | undefined): number | undefined {
	if (value !== undefined && (!Number.isInteger(value) || value < 1))
		throw new CliError(l10n.t('--jobs needs a whole number of 1 or more, not `{0}`', String(value)));
	return value;
}

/** `80,10,10`: three shares of train, validation and test (any scale; not all zero). */
function parseSplit(text: string): number[] {
	const parts = text.split(',').map((p) => Number(p.trim()));
	if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n) || n < 0) || parts.every((n) => n === 0))
		throw new CliError(l10n.t('--split needs three shares for train, validation and test, such as 80,10,10, not `{0}`', text));
	return parts;
}

function systemMessage(value: string | undefined, io: CliIO): string | undefined {
	if (value === undefined || !value.startsWith('@')) return value;
	const path = value.slice(1);
	try {
		return readFileSync(resolve(io.cwd, path), 'utf8')
			.replace(/^\ufeff/, '')
			.trimEnd();
	} catch (e) {
		throw new CliError(l10n.t('cannot read the system message from {0} ({1})', path, (e as NodeJS.ErrnoException).code ?? String(e)));
	}
}

function makeFolder(path: string, shownAs: string): void {
	try {
		mkdirSync(path, { recursive: true });
	} catch (e) {
		throw new CliError(l10n.t('cannot write {0} ({1})', shownAs, (e as NodeJS.ErrnoException).code ?? String(e)));
	}
}

/** One line on standard error when tickets were left out: how many, and why. */
function reportWithheld(io: CliIO, exported: number, tickets: number, withheld: readonly WithheldTicket[]): void {
	if (!withheld.length) return;
	const reasons = new Map<string, number>();
	for (const w of withheld) for (const r of w.reasons) reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + 1);
	const list = [...reasons].map(([reason, n]) => `${reason} ${n}`).join(', ');
	io.stderr.write(`tickets: ${l10n.t('exported {0} of {1} tickets; withheld {2} ({3})', exported, tickets, withheld.length, list)}\n`);
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

function openOutput(io: CliIO, path: string | undefined, shownAs: string | undefined): OutputFile {
	if (!path) return { write: (t) => void io.stdout.write(t), close: () => undefined, abandon: () => undefined };
	return openOutputFile(path, shownAs ?? path);
}
