/** The shape of a `tickets` subcommand, and the options every one of them takes. */
import * as l10n from '@vscode/l10n';
import type { OptionSpec, ParsedArgs } from './args';
import { CliError } from './errors';
import type { CliIO } from './io';

export interface Command {
	readonly name: string;
	/** What follows `tickets <name>` in the usage line. */
	readonly usage: string;
	readonly summary: () => string;
	/** More help: what the output is, the exit codes. */
	readonly details?: () => string;
	readonly options: readonly OptionSpec[];
	/** The exit code. */
	run(args: ParsedArgs, io: CliIO): number | Promise<number>;
}

const helpOption: OptionSpec = { name: 'help', short: 'h', type: 'boolean', description: () => l10n.t('Show this help.') };

export const commonOptions: readonly OptionSpec[] = [
	{
		name: 'config',
		type: 'string',
		placeholder: 'FILE',
		description: () => l10n.t('Read this configuration instead of the nearest .ticketcurator.json (or package.json "ticketCurator").'),
	},
	{
		name: 'progress',
		type: 'boolean',
		description: () => l10n.t('Show progress (files, and tickets within a file) on standard error even when it is no terminal.'),
	},
	{ name: 'locale', type: 'string', placeholder: 'LOCALE', description: () => l10n.t('Language of the messages (en, zh-cn); default from LANG.') },
	helpOption,
];

/**
 * `--format`, which every command takes (its values differ), default first. `withJsonAlias` adds
 * `--json`, kept for the commands that had it before `--format`.
 */
export function formatOptions(values: readonly string[], withJsonAlias = false): OptionSpec[] {
	const format: OptionSpec = {
		name: 'format',
		short: 'f',
		type: 'string',
		values,
		description: () => l10n.t('Output format (default {0}).', values[0]),
	};
	return withJsonAlias ? [format, { name: 'json', type: 'boolean', description: () => l10n.t('Same as --format json.') }] : [format];
}

/** The output format asked for (`--json` meaning `--format json`), or `fallback`. */
export function formatOf(args: ParsedArgs, fallback: string): string {
	const format = args.options.format as string | undefined;
	if (args.options.json) {
		if (format !== undefined && format !== 'json') throw new CliError(l10n.t('--json and --format {0} contradict each other', format));
		return 'json';
	}
	return format ?? fallback;
}

/** The value of `--config`, when given. */
export function configOption(args: ParsedArgs): string | undefined {
	return args.options.config as string | undefined;
}
