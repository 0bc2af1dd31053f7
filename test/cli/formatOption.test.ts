/** One flag style: every command takes `--format`; `--json` stays as an alias where it was. */
import { strict as assert } from 'node:assert';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliFixtures, runCli, tempDir } from './runCli';

describe('--format on every command', () => {
	let dir: ReturnType<typeof tempDir>;
	beforeEach(() => {
		dir = tempDir();
		copyFileSync(join(cliFixtures, 'broken.md'), join(dir.path, 'broken.md'));
		copyFileSync(join(cliFixtures, 'clean.md'), join(dir.path, 'clean.md'));
	});
	afterEach(() => dir.remove());

	it('stats --format json is stats --json', () => {
		const format = runCli(['stats', '--format', 'json', 'clean.md'], { cwd: dir.path });
		assert.equal(format.code, 0, format.stderr);
		assert.equal(JSON.parse(format.stdout).tickets, 2);
		assert.equal(runCli(['stats', '--json', 'clean.md'], { cwd: dir.path }).stdout, format.stdout);
		assert.match(runCli(['stats', '-f', 'text', 'clean.md'], { cwd: dir.path }).stdout, /^1 dump\(s\), 2 ticket\(s\)/);
	});

	it('similar --format json is similar --json', () => {
		const format = runCli(['similar', '--format', 'json', '证书过期', 'clean.md'], { cwd: dir.path });
		assert.equal(format.code, 0, format.stderr);
		assert.ok(JSON.parse(format.stdout).length > 0);
		assert.equal(runCli(['similar', '--json', '证书过期', 'clean.md'], { cwd: dir.path }).stdout, format.stdout);
	});

	it('check and labels take --format; check takes --json too', () => {
		const check = runCli(['check', '--json', 'clean.md'], { cwd: dir.path });
		assert.equal(JSON.parse(check.stdout).summary.dumps, 1);
		assert.equal(runCli(['check', '--format', 'json', 'clean.md'], { cwd: dir.path }).stdout, check.stdout);
		assert.ok(Array.isArray(JSON.parse(runCli(['labels', '--format', 'json', 'clean.md'], { cwd: dir.path }).stdout).suspects));
	});

	it('fix --format json reports each file with its count, and its diff in a dry run', () => {
		const before = readFileSync(join(dir.path, 'broken.md'), 'utf8');
		const dry = runCli(['fix', '--dry-run', '--format', 'json', 'broken.md'], { cwd: dir.path });
		assert.equal(dry.code, 0, dry.stderr);
		const planned = JSON.parse(dry.stdout);
		assert.equal(planned.dryRun, true);
		assert.equal(planned.files.length, 1);
		assert.equal(planned.files[0].file, 'broken.md');
		assert.match(planned.files[0].diff, /^--- a\/broken\.md\n\+\+\+ b\/broken\.md/);
		assert.equal(readFileSync(join(dir.path, 'broken.md'), 'utf8'), before);
		const done = JSON.parse(runCli(['fix', '-f', 'json', 'broken.md'], { cwd: dir.path }).stdout);
		assert.deepEqual(done.files, [{ file: 'broken.md', fixes: planned.files[0].fixes }]);
		assert.equal(done.fixes, planned.fixes);
		assert.notEqual(readFileSync(join(dir.path, 'broken.md'), 'utf8'), before);
	});

	it('export takes --format (its own formats)', () => {
		const result = runCli(['export', '--format', 'jsonl', 'clean.md'], { cwd: dir.path });
		assert.equal(result.code, 0, result.stderr);
		assert.equal(result.stdout.trim().split('\n').length, 2);
	});

	it('rejects --json with another --format, and an unknown format', () => {
		const both = runCli(['stats', '--json', '--format', 'text', 'clean.md'], { cwd: dir.path });
		assert.equal(both.code, 2);
		assert.equal(both.stderr, 'tickets: --json and --format text contradict each other\n');
		const unknown = runCli(['stats', '--format', 'yaml', 'clean.md'], { cwd: dir.path });
		assert.equal(unknown.code, 2);
		assert.match(unknown.stderr, /option `--format` must be one of text, json, not `yaml`/);
	});
});
