/** How the `tickets` command ends: its exit codes, and the error that means "bad usage or input". */

export const exitCode = {
	/** Nothing wrong (or only what the thresholds allow). */
	clean: 0,
	/** Errors found, or more warnings than `--max-warnings`. */
	findings: 1,
	/** Bad usage, an unreadable path or file, an invalid configuration. */
	usage: 2,
} as const;

/** A problem the user can fix (an unknown option, a missing path): printed as one line, never with a stack. */
export class CliError extends Error {
	constructor(
		message: string,
		readonly code: number = exitCode.usage,
	) {
		super(message);
	}
}
