/** The shape of a `tickets` subcommand, and the options every one of them takes. */
import * as l10n from '@vscode/l10n';
import type { OptionSpec, ParsedArgs } from './args';
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
	{ name: 'locale', type: 'string', placeholder: 'LOCALE', description: () => l10n.t('Language of the messages (en, zh-cn); default from LANG.') },
	helpOption,
];

/** The value of `--config`, when given. */
export function configOption(args: ParsedArgs): string | undefined {
	return args.options.config as string | undefined;
}
