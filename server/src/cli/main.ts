/**
 * `tickets`: the ticket language service on the command line, so dumps are checked, fixed,
 * searched and exported in pipelines without an editor. Each command is its own module
 * (commands/); this file picks one, parses its options and turns every failure into a
 * one-line message and an exit code, never a stack trace.
 */
import * as l10n from '@vscode/l10n';
import { join } from 'node:path';
import { version } from '../../../package.json';
import { loadL10n } from '../host/l10nSetup';
import { closest } from '../service/index';
import { parseArgs } from './args';
import type { Command } from './command';
import { checkCommand } from './commands/checkCommand';
import { exportCommand } from './commands/exportCommand';
import { fixCommand } from './commands/fixCommand';
import { labelsCommand } from './commands/labelsCommand';
import { reportCommand } from './commands/reportCommand';
import { similarCommand } from './commands/similarCommand';
import { statsCommand } from './commands/statsCommand';
import { CliError, exitCode } from './errors';
import { commandHelp, mainHelp } from './help';
import type { CliIO } from './io';
import { cliLocale, localeFromArgs } from './locale';
import { isExportWorker, serveExportWorker } from './exportPool';

const commands: readonly Command[] = [checkCommand, fixCommand, labelsCommand, similarCommand, statsCommand, exportCommand, reportCommand];

/** `--locale` may also come before the command (`tickets --locale zh-cn check`); it was read already. */
function withoutLeadingLocale(argv: readonly string[]): readonly string[] {
	if (argv[0] === '--locale') return argv.slice(2);
	if (argv[0]?.startsWith('--locale=')) return argv.slice(1);
	return argv;
}

async function main(argv: readonly string[], io: CliIO): Promise<number> {
	const [name, ...rest] = withoutLeadingLocale(argv);
	if (name === undefined || name.startsWith('-') || name === 'help') {
		if (name === '--version' || name === '-v') {
			io.stdout.write(`${version}\n`);
			return exitCode.clean;
		}
		const asked = name === '--help' || name === '-h' || name === 'help';
		(asked ? io.stdout : io.stderr).write(mainHelp(commands));
		if (!asked && name !== undefined) throw new CliError(l10n.t('unknown option `{0}`; a command comes first (see above)', name));
		return asked ? exitCode.clean : exitCode.usage;
	}
	const command = commands.find((c) => c.name === name);
	if (!command) {
		const guess = closest(
			name,
			commands.map((c) => c.name),
		);
		throw new CliError(guess ? l10n.t('unknown command `{0}`; did you mean `{1}`?', name, guess) : l10n.t('unknown command `{0}`; see `tickets --help`', name));
	}
	const args = parseArgs(rest, command.options, command.name);
	if (args.options.help) {
		io.stdout.write(commandHelp(command, command.options));
		return exitCode.clean;
	}
	return command.run(args, { ...io, progress: !!args.options.progress });
}

const argv = process.argv.slice(2);
const locale = cliLocale(argv, process.env);
if (isExportWorker()) {
	// A thread of `tickets export` (exportPool.ts): the same bundle, serving dumps, not a command.
	loadL10n(locale, join(__dirname, '..', 'l10n'));
	serveExportWorker();
} else runCommandLine();

function runCommandLine(): void {
	// Asked for by name and not there: said once (a LANG of the system's falls back quietly).
	if (!loadL10n(locale, join(__dirname, '..', 'l10n')) && localeFromArgs(argv))
		process.stderr.write(`tickets: ${l10n.t('no messages in `{0}`; they are in English (languages: en, zh-cn)', locale!)}\n`);
	// A reader that stops early (`tickets export | head`) is no error; any other failure (a full disk) is.
	process.stdout.on('error', (e: NodeJS.ErrnoException) => {
		if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
		process.stderr.write(`tickets: ${l10n.t('cannot write the standard output ({0})', e.code ?? e.message)}\n`);
		process.exit(exitCode.usage);
	});
	const io: CliIO = { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr };
	main(argv, io).then(
		(code) => {
			process.exitCode = code;
		},
		(e: unknown) => {
			if (e instanceof CliError) {
				process.stderr.write(`tickets: ${e.message}\n`);
				process.exitCode = e.code;
			} else {
				// A bug of ours: say so in one line; TICKETS_DEBUG=1 shows the stack.
				process.stderr.write(`tickets: ${l10n.t('internal error: {0}', e instanceof Error ? e.message : String(e))}\n`);
				if (process.env.TICKETS_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
				process.exitCode = exitCode.usage;
			}
		},
	);
}
