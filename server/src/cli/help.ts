/** `--help` text: the list of commands, and each command's usage and options. */
import * as l10n from '@vscode/l10n';
import type { OptionSpec } from './args';
import type { Command } from './command';

function optionLabel(o: OptionSpec): string {
	const value = o.type === 'boolean' ? '' : ` ${o.values ? o.values.join('|') : (o.placeholder ?? 'VALUE')}`;
	return `${o.short ? `-${o.short}, ` : '    '}--${o.name}${value}`;
}

export function commandHelp(command: Command, options: readonly OptionSpec[]): string {
	const labels = options.map(optionLabel);
	const width = Math.max(...labels.map((l) => l.length)) + 2;
	const lines = [l10n.t('Usage: {0}', `tickets ${command.name} ${command.usage}`), '', command.summary(), ''];
	if (command.details) lines.push(command.details(), '');
	lines.push(l10n.t('Options:'));
	options.forEach((o, i) => lines.push(`  ${labels[i].padEnd(width)}${o.description()}`));
	return `${lines.join('\n')}\n`;
}

export function mainHelp(commands: readonly Command[]): string {
	const width = Math.max(...commands.map((c) => c.name.length)) + 2;
	return [
		l10n.t('Usage: {0}', 'tickets <command> [options] [paths…]'),
		'',
		l10n.t('Checks, fixes, searches and exports customer-support ticket dumps (Markdown) with the Ticket Curator language service.'),
		'',
		l10n.t('Commands:'),
		...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary()}`),
		'',
		l10n.t('Run `tickets <command> --help` for the options of a command.'),
		'',
	].join('\n');
}
