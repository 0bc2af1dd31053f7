/**
 * Runs the bundled `tickets` command (dist/cli.js) as a user would, and gives back its exit code
 * and output. The bundle is rebuilt first when a source file is newer than it, so running these
 * tests alone (`npx mocha test/cli/...`) never tests a stale build.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = join(__dirname, '..', '..');
export const cliPath = join(root, 'dist', 'cli.js');
export const cliFixtures = join(root, 'test', 'fixtures', 'cli');
export const realDump = join(root, 'test', 'fixtures', 'corpus', '000_8bbabfb939ae27d4.txt');

export interface CliResult {
	readonly code: number | null;
	readonly stdout: string;
	readonly stderr: string;
}

function newestSource(dir: string): number {
	let newest = 0;
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		const stat = statSync(path);
		newest = Math.max(newest, stat.isDirectory() ? newestSource(path) : stat.mtimeMs);
	}
	return newest;
}

let built = false;

export function ensureBuilt(): void {
	if (built) return;
	let bundleTime = 0;
	try {
		bundleTime = statSync(cliPath).mtimeMs;
	} catch {
		// not built yet
	}
	const sources = Math.max(
		newestSource(join(root, 'server', 'src')),
		newestSource(join(root, 'common')),
		newestSource(join(root, 'client', 'page')),
		statSync(join(root, 'schemas', 'ticketcurator.schema.json')).mtimeMs,
	);
	if (sources > bundleTime) {
		const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, encoding: 'utf8' });
		if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
	}
	built = true;
}

export interface RunOptions {
	cwd?: string;
	env?: NodeJS.ProcessEnv;
	input?: string;
	/** A stall guard (ms): a run that takes longer is killed (and `code` is null). */
	stallGuardMs?: number;
	/** Run as this user and group (the tests run as root in CI). */
	uid?: number;
	gid?: number;
	/** A file descriptor the command's standard output goes to (instead of a pipe). */
	stdoutFd?: number;
	/** No file the command writes may grow past this many bytes (RLIMIT_FSIZE, through prlimit). */
	fileSizeLimit?: number;
}

/** `tickets <args>` in `cwd` (the project root by default), English unless `env` says otherwise. */
export function runCli(args: readonly string[], options: RunOptions = {}): CliResult {
	ensureBuilt();
	const env = { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', NO_COLOR: '1', ...options.env };
	const command = [process.execPath, cliPath, ...args];
	if (options.fileSizeLimit !== undefined) command.unshift('prlimit', `--fsize=${options.fileSizeLimit}`, '--');
	const result = spawnSync(command[0], command.slice(1), {
		cwd: options.cwd ?? root,
		env,
		encoding: 'utf8',
		input: options.input,
		maxBuffer: 64 * 1024 * 1024,
		timeout: options.stallGuardMs,
		uid: options.uid,
		gid: options.gid,
		stdio: options.stdoutFd === undefined ? 'pipe' : ['pipe', options.stdoutFd, 'pipe'],
	});
	if (result.error && !options.stallGuardMs) throw result.error;
	return { code: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

/** A fresh temporary folder, removed by the returned function. */
export function tempDir(): { path: string; remove(): void } {
	const path = mkdtempSync(join(tmpdir(), 'tickets-cli-'));
	return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
