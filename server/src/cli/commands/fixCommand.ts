/**
 * `tickets fix`: applies the service's safe fixes (the `source.fixAll.tickets` set: form, never
 * content, never masking) to the dumps in place, or prints them as a unified diff with `--dry-run`.
 * A fix can make another one possible (a renumbering after a repaired label), so the fixes run
 * again on the fixed text until nothing changes (a few passes at most).
 */
import * as l10n from '@vscode/l10n';
import { createTwoFilesPatch } from 'diff';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TicketService } from '../../service/index';
import type { ParsedArgs } from '../args';
import { commonOptions, configOption, formatOf, formatOptions, type Command } from '../command';
import { CliError, exitCode } from '../errors';
import type { CliIO } from '../io';
import { openWorkspace, type Dump } from '../cliWorkspace';
import { replaceFile } from '../replaceFile';
import { betweenSteps } from '../tempFiles';
import { labelFixing, labelFixOptions } from '../labelFixing';
import { validateWithProgress } from '../validateSteps';

/** Passes of fix-all on one file; each pass only repairs what the one before left. */
const maxPasses = 5;

export const fixCommand: Command = {
	name: 'fix',
	usage: '[options] [paths or globs…]',
	summary: () => l10n.t('Apply the safe fixes (declared count, category and speaker form, numbering, separators, misspelt section names) in place.'),
	details: () =>
		l10n.t(
			"Masking personal data and guessing content (categories, root causes) are never applied here: use the editor's quick fixes. A link is fixed in its target; a read-only file, or one changed while it was fixed, is left alone and reported. Exit code: 0 done, 2 bad usage, unreadable input or a file not written.",
		),
	options: [
		{ name: 'dry-run', short: 'n', type: 'boolean', description: () => l10n.t('Print the changes as a unified diff instead of writing them.') },
		...formatOptions(['text', 'json']),
		...labelFixOptions,
		...commonOptions,
	],
	async run(args: ParsedArgs, io: CliIO): Promise<number> {
		const workspace = openWorkspace(io, configOption(args));
		const files = await workspace.files(args.positionals);
		const dryRun = !!args.options['dry-run'];
		const json = formatOf(args, 'text') === 'json';
		// With --format json: one object at the end, each file with its count (and its diff in a dry run).
		const report: { file: string; fixes: number; diff?: string }[] = [];
		let changedFiles = 0;
		let applied = 0;
		let refused = 0;
		const labels = labelFixing(args);
		for (const dump of workspace.dumps(files)) {
			const fixed = fixedText(dump.service, dump);
			const { text, edits } = labels ? labels(dump.service, dump.document.uri, fixed) : fixed;
			if (!edits) continue;
			if (dryRun) {
				if (json) report.push({ file: dump.name, fixes: edits, diff: unifiedDiff(dump, text) });
				else io.stdout.write(unifiedDiff(dump, text));
			} else {
				try {
					write(dump, text);
				} catch (e) {
					if (!(e instanceof CliError)) throw e;
					// Reported, and the other files are still fixed (as an unreadable file is).
					refused++;
					io.stderr.write(`tickets: ${e.message}\n`);
					continue;
				}
				if (json) report.push({ file: dump.name, fixes: edits });
				else io.stdout.write(`${l10n.t('{0}: {1} fix(es) applied', dump.name, edits)}\n`);
				// An interrupted run stops between two files, never inside one.
				await betweenSteps();
			}
			changedFiles++;
			applied += edits;
		}
		const summary = dryRun
			? l10n.t('{0} fix(es) in {1} file(s) would be applied.', applied, changedFiles)
			: l10n.t('{0} fix(es) applied in {1} file(s).', applied, changedFiles);
		io.stderr.write(`${summary}\n`);
		if (json) io.stdout.write(`${JSON.stringify({ dryRun, files: report, fixes: applied, refused }, null, 2)}\n`);
		return workspace.unreadable || refused ? exitCode.usage : exitCode.clean;
	},
};

/** The text with every safe fix applied, and how many edits that took. */
function fixedText(service: TicketService, dump: Dump): { text: string; edits: number } {
	let text = dump.text;
	let edits = 0;
	for (let pass = 1; pass <= maxPasses; pass++) {
		const document = { uri: dump.document.uri, version: pass, getText: () => text };
		// Validated first in steps, for the progress; fix-all then finds the findings made.
		validateWithProgress(service, document, dump.progress);
		const fixes = service.fixAll(document);
		if (!fixes.length) break;
		const next = TextDocument.applyEdits(TextDocument.create(dump.document.uri, 'markdown', pass, text), fixes);
		if (next === text) break;
		text = next;
		edits += fixes.length;
		// Most tickets change in a pass on a big dump: the parses of the text before, and the file
		// rules' memo that holds them, are garbage (210 of 360 MB live after a pass on a 12 MB dump).
		service.forget(dump.document.uri);
		service.clearParses();
	}
	service.forget(dump.document.uri);
	return { text, edits };
}

function unifiedDiff(dump: Dump, fixed: string): string {
	const patch = createTwoFilesPatch(`a/${dump.name}`, `b/${dump.name}`, dump.text, fixed, undefined, undefined, { context: 3 });
	// jsdiff starts with an `Index:` line and a `===` rule; a plain unified diff (git apply, patch -p1) starts at `---`.
	return patch.slice(patch.indexOf('--- '));
}

/** The dump's file, or the file its link names, replaced safely (replaceFile.ts), keeping its BOM. */
function write(dump: Dump, text: string): void {
	const encode = (t: string) => Buffer.from(dump.bom ? `\uFEFF${t}` : t, 'utf8');
	// Strict UTF-8 decoding is lossless, so this is the bytes that were read.
	const original = { bytes: encode(dump.text), stamp: dump.stamp };
	replaceFile(dump.path, dump.name, original, encode(text));
}
