/**
 * Folders with symbolic links: each real folder is walked once, by its real path, and each real
 * file checked once, so a link to a parent folder is no loop and two links to `.` no explosion.
 */
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { realDump, runCli, tempDir } from './runCli';

interface Report {
	files: { file: string }[];
}

/** The files `check` reported on (every dump is in the JSON report, with or without findings). */
function checkedFiles(cwd: string, ...paths: string[]): string[] {
	// A loop used to hang the command: the guard only catches that.
	const result = runCli(['check', '--exit-zero', '-f', 'json', ...paths], { cwd, stallGuardMs: 60_000 });
	assert.equal(result.code, 0, result.stderr);
	return (JSON.parse(result.stdout) as Report).files.map((f) => f.file);
}

describe('tickets check: folders with links', () => {
	let dir: ReturnType<typeof tempDir>;
	beforeEach(() => {
		dir = tempDir();
		mkdirSync(join(dir.path, 'dumps', 'sub'), { recursive: true });
		copyFileSync(realDump, join(dir.path, 'dumps', 'sub', 'part1.txt'));
	});
	afterEach(() => dir.remove());

	it('checks a dump once when a link leads back to a parent folder', () => {
		symlinkSync('..', join(dir.path, 'dumps', 'sub', 'up'));
		assert.deepEqual(checkedFiles(dir.path, 'dumps'), ['dumps/sub/part1.txt']);
	});

	it('ends when two links lead to their own folder (paths that doubled at every level)', () => {
		symlinkSync('.', join(dir.path, 'dumps', 'sub', 'a'));
		symlinkSync('.', join(dir.path, 'dumps', 'sub', 'b'));
		symlinkSync('../..', join(dir.path, 'dumps', 'sub', 'top'));
		assert.deepEqual(checkedFiles(dir.path, 'dumps'), ['dumps/sub/part1.txt']);
	});

	it('follows a link to a folder outside, and to a file, once each', () => {
		mkdirSync(join(dir.path, 'elsewhere'));
		copyFileSync(realDump, join(dir.path, 'elsewhere', 'part2.txt'));
		symlinkSync(join(dir.path, 'elsewhere'), join(dir.path, 'dumps', 'linked'));
		symlinkSync(join(dir.path, 'dumps', 'sub', 'part1.txt'), join(dir.path, 'dumps', 'alias.txt'));
		// The link sorts first, so the dump is named through it; the real path comes once.
		assert.deepEqual(checkedFiles(dir.path, 'dumps'), ['dumps/alias.txt', 'dumps/linked/part2.txt']);
		// Named twice on the command line, through a link and directly: still once.
		assert.deepEqual(checkedFiles(dir.path, 'dumps/sub/part1.txt', 'dumps/alias.txt'), ['dumps/sub/part1.txt']);
	});
});
