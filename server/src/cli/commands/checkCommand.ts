/** `tickets check`: every rule of the service over the dumps, as text, JSON or SARIF. */
import * as l10n from '@vscode/l10n';
import { pathToFileURL } from 'node:url';
import { version } from '../../../../package.json';
import type { ParsedArgs } from '../args';
import { commonOptions, configOption, formatOf, formatOptions, type Command } from '../command';
import { exitCode } from '../errors';
import { findingsOf } from '../collectFindings';
import { checkSummary } from '../format/fileFindings';
import { formatJson } from '../format/jsonFormat';
import { formatSarif } from '../format/sarifFormat';
import { formatText } from '../format/textFormat';
import { useColor, type CliIO } from '../io';
import { openWorkspace } from '../cliWorkspace';

export const checkCommand: Command = {
	name: 'check',
	usage: '[options] [paths or globs…]',
	summary: () => l10n.t('Check ticket dumps with every rule and print the findings.'),
	details: () =>
		l10n.t(
			'Folders are walked for the configured dump files; files that are no ticket dump are skipped. Exit code: 0 clean, 1 errors (or more warnings than --max-warnings), 2 bad usage or unreadable input.',
		),
	options: [
		...formatOptions(['text', 'json', 'sarif'], true),
		{ name: 'max-warnings', type: 'number', placeholder: 'N', description: () => l10n.t('Fail (exit 1) when there are more than N warnings.') },
		{
			name: 'exit-zero',
			type: 'boolean',
			description: () => l10n.t('Exit 0 even when findings would fail the check (bad usage and unreadable input still exit 2).'),
		},
		...commonOptions,
	],
	async run(args: ParsedArgs, io: CliIO): Promise<number> {
		const workspace = openWorkspace(io, configOption(args));
		const files = await workspace.files(args.positionals);
		const results = findingsOf(workspace, files);
		const summary = checkSummary(results);
		const format = formatOf(args, 'text');
		if (format === 'json') io.stdout.write(formatJson(results, summary));
		else if (format === 'sarif') io.stdout.write(formatSarif(results, { version, rootUri: pathToFileURL(io.cwd).href.replace(/\/?$/, '/') }));
		else io.stdout.write(formatText(results, summary, useColor(io)));

		if (workspace.unreadable) return exitCode.usage;
		const maxWarnings = args.options['max-warnings'] as number | undefined;
		let failed = summary.errors > 0;
		if (maxWarnings !== undefined && summary.warnings > maxWarnings) {
			io.stderr.write(`tickets: ${l10n.t('{0} warning(s), more than --max-warnings {1}', summary.warnings, maxWarnings)}\n`);
			failed = true;
		}
		return failed && !args.options['exit-zero'] ? exitCode.findings : exitCode.clean;
	},
};
