/**
 * The language of the command's messages: `--locale` wins, then the usual environment variables
 * (`LC_ALL`, `LC_MESSAGES`, `LANG`: `zh_CN.UTF-8` means `zh-cn`). Read before the arguments are
 * parsed, so that even a usage error speaks the user's language.
 */

/** The locale `--locale` names, if any. */
export function localeFromArgs(argv: readonly string[]): string | undefined {
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--') break;
		if (argv[i] === '--locale') return argv[i + 1];
		if (argv[i].startsWith('--locale=')) return argv[i].slice('--locale='.length);
	}
	return undefined;
}

function localeFromEnv(env: NodeJS.ProcessEnv): string | undefined {
	const raw = env.LC_ALL || env.LC_MESSAGES || env.LANG;
	if (!raw || raw === 'C' || raw === 'POSIX') return undefined;
	return raw
		.replace(/[.@].*$/, '')
		.replace(/_/g, '-')
		.toLowerCase();
}

export function cliLocale(argv: readonly string[], env: NodeJS.ProcessEnv): string | undefined {
	const written = localeFromArgs(argv);
	return written ? written.replace(/_/g, '-').toLowerCase() : localeFromEnv(env);
}
