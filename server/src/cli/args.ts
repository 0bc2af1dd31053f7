/**
 * Command-line options: `--name value`, `--name=value`, `-x value`, boolean flags, and `--`
 * before paths that start with a dash. Anything unknown is a CliError naming the option.
 */
import * as l10n from '@vscode/l10n';
import { CliError } from './errors';

export interface OptionSpec {
	readonly name: string;
	readonly short?: string;
	readonly type: 'boolean' | 'string' | 'number';
	/** The allowed values of a string option. */
	readonly values?: readonly string[];
	/** Shown in `--help`: the value's placeholder, e.g. `N` or `FILE`. */
	readonly placeholder?: string;
	readonly description: () => string;
}

type OptionValue = string | number | boolean;

export interface ParsedArgs {
	readonly options: Readonly<Record<string, OptionValue | undefined>>;
	readonly positionals: readonly string[];
}

export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[], command: string): ParsedArgs {
	const options: Record<string, OptionValue> = {};
	const positionals: string[] = [];
	const byName = new Map(specs.map((s) => [s.name, s]));
	const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--') {
			positionals.push(...argv.slice(i + 1));
			break;
		}
		if (!arg.startsWith('-') || arg === '-') {
			positionals.push(arg);
			continue;
		}
		const eq = arg.indexOf('=');
		const written = eq > 0 ? arg.slice(0, eq) : arg;
		const spec = written.startsWith('--') ? byName.get(written.slice(2)) : byShort.get(written.slice(1));
		if (!spec) throw new CliError(l10n.t('unknown option `{0}` for `tickets {1}`; see `tickets {1} --help`', written, command));
		if (spec.type === 'boolean') {
			if (eq > 0) throw new CliError(l10n.t('option `{0}` takes no value', written));
			options[spec.name] = true;
			continue;
		}
		let value: string | undefined;
		if (eq > 0) value = arg.slice(eq + 1);
		else if (i + 1 < argv.length) value = argv[++i];
		if (value === undefined || value === '') throw new CliError(l10n.t('option `{0}` needs a value', written));
		options[spec.name] = checkValue(spec, written, value);
	}
	return { options, positionals };
}

function checkValue(spec: OptionSpec, written: string, value: string): OptionValue {
	if (spec.type === 'number') {
		const n = Number(value);
		if (!Number.isInteger(n) || n < 0) throw new CliError(l10n.t('option `{0}` needs a whole number ≥ 0, not `{1}`', written, value));
		return n;
	}
	if (spec.values && !spec.values.includes(value)) {
		throw new CliError(l10n.t('option `{0}` must be one of {1}, not `{2}`', written, spec.values.join(', '), value));
	}
	return value;
}
