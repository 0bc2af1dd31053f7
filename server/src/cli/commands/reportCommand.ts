/**
 * `tickets report`: the workspace overview (the charts of VS Code's *Show Overview*, with a table per
 * chart) as one self-contained HTML file, for CI artifacts and for people without the editor. Its
 * figures come from the same collector as `tickets stats --json`.
 */
import * as l10n from '@vscode/l10n';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ticketRecords } from '../../service/index';
import { OverviewBuilder } from '../../workspace/overviewBuilder';
import { overviewStrings } from '../../workspace/overviewStrings';
import type { OverviewFile } from '../../../../common/overview';
import { findingsOf } from '../collectFindings';
import type { ParsedArgs } from '../args';
import { commonOptions, configOption, type Command } from '../command';
import { CliError, exitCode } from '../errors';
import type { CliIO } from '../io';
import { openWorkspace } from '../cliWorkspace';
import { cliLocale } from '../locale';
import { openOutputFile } from '../outputFile';
import { reportHtml } from '../reportHtml';

export const reportCommand: Command = {
	name: 'report',
	usage: '--out FILE [options] [paths or globs…]',
	summary: () => l10n.t('Write an HTML overview of the dumps: charts and tables of tickets, findings, duplicates and dialogs, readable offline.'),
	options: [
		{ name: 'out', short: 'o', type: 'string', placeholder: 'FILE', description: () => l10n.t('The HTML file to write (required).') },
		{ name: 'progress', type: 'boolean', description: () => l10n.t('Report progress on standard error, a line per step, even when it is no terminal.') },
		...commonOptions,
	],
	async run(args: ParsedArgs, io: CliIO): Promise<number> {
		const outPath = args.options.out as string | undefined;
		if (!outPath || outPath === '-') throw new CliError(l10n.t('tickets report needs --out FILE (the HTML file to write)'), exitCode.usage);
		const [script, styles] = pageAssets();
		const workspace = openWorkspace(io, configOption(args));
		const files = await workspace.files(args.positionals);
		const builder = new OverviewBuilder(workspace.settings.config.labels.categorySeparator);
		const byName = new Map<string, OverviewFile>();
		const progress = args.options.progress ? lineProgress(io, files.length) : undefined;
		const findings = findingsOf(workspace, files, (dump, document) => {
			const file = { name: dump.name, uri: dump.document.uri };
			byName.set(dump.name, file);
			builder.addTickets(file, ticketRecords(document));
			progress?.(dump.name);
		});
		for (const f of findings) builder.addFindings(byName.get(f.name) ?? { name: f.name, uri: f.name }, f.diagnostics);
		const lang = cliLocale(args.options.locale ? ['--locale', String(args.options.locale)] : [], io.env) ?? 'en';
		const html = reportHtml({ data: builder.result(), strings: overviewStrings(), interactive: false }, script, styles, lang);
		const out = openOutputFile(resolve(io.cwd, outPath), outPath);
		try {
			out.write(html);
			out.close();
		} catch (e) {
			out.abandon();
			throw e;
		}
		if (progress) io.stderr.write(`tickets: ${l10n.t('wrote {0}', outPath)}\n`);
		return workspace.unreadable ? exitCode.usage : exitCode.clean;
	},
};

/** The page script and styles, built beside this bundle (scripts/build.mjs). */
function pageAssets(): [string, string] {
	try {
		return [readFileSync(join(__dirname, 'overview.js'), 'utf8'), readFileSync(join(__dirname, 'overview.css'), 'utf8')];
	} catch (e) {
		throw new CliError(l10n.t('the overview page is missing beside the CLI ({0}); build again with npm run build', (e as Error).message), exitCode.usage);
	}
}

/** A line per dump read, at most about a hundred lines a run: for CI logs, where no bar is drawn. */
function lineProgress(io: CliIO, total: number): (name: string) => void {
	const every = Math.max(1, Math.ceil(total / 100));
	let done = 0;
	return (name) => {
		done++;
		if (done % every === 0 || done === total) io.stderr.write(`tickets: ${l10n.t('read {0}/{1} file(s): {2}', done, total, name)}\n`);
	};
}
