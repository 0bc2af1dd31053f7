/**
 * Progress of a long run: by tickets within one big file, on standard error only, written without
 * a terminal only when `--progress` asks for it. On a generated dump in a temporary folder.
 */
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDump } from '../../bench/corpus';
import { runCli, tempDir } from './runCli';

const tickets = 400;

describe('progress of a long run', () => {
	let dir: ReturnType<typeof tempDir>;
	before(() => {
		dir = tempDir();
		writeFileSync(join(dir.path, 'big.md'), generateDump({ tickets, seed: 3 }));
	});
	after(() => dir.remove());

	/** The `done` counts of the progress lines, checking each line's form. */
	function progressCounts(stderr: string, file: string): number[] {
		return stderr
			.split('\n')
			.filter((l) => l.includes(' tickets'))
			.map((line) => {
				const m = new RegExp(`^${file.replace('.', '\\.')}: (\\d+)/${tickets} tickets$`).exec(line);
				assert.ok(m, line);
				return Number(m[1]);
			});
	}

	for (const command of [['check'], ['stats'], ['fix', '--dry-run']]) {
		it(`${command.join(' ')} --progress: tickets of the one file on standard error, rising to the total`, () => {
			const result = runCli([...command, '--progress', 'big.md'], { cwd: dir.path });
			assert.ok(result.code === 0 || result.code === 1, result.stderr);
			const counts = progressCounts(result.stderr, 'big.md');
			assert.ok(counts.length >= 10, result.stderr);
			assert.equal(counts[counts.length - 1], tickets);
			assert.doesNotMatch(result.stdout, /\/400 tickets/);
			if (command[0] === 'check') assert.ok(counts.every((n, i) => i === 0 || n > counts[i - 1]));
		});
	}

	it('writes no progress without --progress when standard error is no terminal', () => {
		const result = runCli(['check', 'big.md'], { cwd: dir.path });
		assert.equal(result.stderr, '');
		assert.equal(runCli(['stats', 'big.md'], { cwd: dir.path }).stderr, '');
	});
});
