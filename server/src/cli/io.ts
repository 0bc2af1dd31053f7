/** Where a command reads and writes: the process's streams and folder, passed in so commands stay plain functions. */

export interface OutStream {
	readonly isTTY?: boolean;
	readonly columns?: number;
	write(text: string): unknown;
}

export interface CliIO {
	readonly cwd: string;
	readonly env: NodeJS.ProcessEnv;
	readonly stdout: OutStream;
	readonly stderr: OutStream;
	/** `--progress`: progress on standard error even when it is no terminal. */
	readonly progress?: boolean;
}

/** ANSI colour for a terminal that wants it (https://no-color.org). */
export function useColor(io: CliIO): boolean {
	return !!io.stdout.isTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb';
}
