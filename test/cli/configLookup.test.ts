/**
 * The configuration is looked up from each input's own folder upwards, not from the current
 * folder: dumps with different configurations checked in one run each get their own, and
 * `--config` still names one for all. Runs on copies of the fixtures in temporary folders.
 */
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliFixtures, runCli, tempDir } from './runCli';

const englishDir = join(cliFixtures, 'english');

interface JsonReport {
	files: { file: string; findings: { code: string; severity: string }[] }[];
}

describe('configuration per input', () => {
	let dir: ReturnType<typeof tempDir>;
	beforeEach(() => {
		dir = tempDir();
		// project/english: an English dump and its configuration; project/chinese: a Chinese dump
		// whose configuration makes an unknown root cause an error; elsewhere: an unrelated folder.
		mkdirSync(join(dir.path, 'project', 'english'), { recursive: true });
		mkdirSync(join(dir.path, 'project', 'chinese'));
		mkdirSync(join(dir.path, 'elsewhere'));
		copyFileSync(join(englishDir, 'support-dump.md'), join(dir.path, 'project', 'english', 'support-dump.md'));
		copyFileSync(join(englishDir, '.ticketcurator.json'), join(dir.path, 'project', 'english', '.ticketcurator.json'));
		copyFileSync(join(cliFixtures, 'clean.md'), join(dir.path, 'project', 'chinese', 'clean.md'));
		writeFileSync(
			join(dir.path, 'project', 'chinese', '.ticketcurator.json'),
			JSON.stringify({ rootCauses: ['Something else'], rules: { 'root-cause-unknown': 'error' } }),
		);
	});
	afterEach(() => dir.remove());

	it('finds the configuration next to the dump from the parent folder and from an unrelated folder', () => {
		const fromParent = runCli(['check', 'english'], { cwd: join(dir.path, 'project') });
		assert.equal(fromParent.code, 0, fromParent.stdout + fromParent.stderr);
		assert.match(fromParent.stdout, /1 dump\(s\) checked: 0 error\(s\), 0 warning\(s\)/);
		const fromElsewhere = runCli(['stats', '--json', join(dir.path, 'project', 'english', 'support-dump.md')], { cwd: join(dir.path, 'elsewhere') });
		assert.equal(fromElsewhere.code, 0, fromElsewhere.stderr);
		assert.equal(JSON.parse(fromElsewhere.stdout).tickets, 3);
	});

	it('gives each of several inputs its own configuration', () => {
		const result = runCli(['check', '--format', 'json', 'english', 'chinese'], { cwd: join(dir.path, 'project') });
		assert.equal(result.code, 1, result.stderr);
		const report = JSON.parse(result.stdout) as JsonReport;
		assert.deepEqual(
			report.files.map((f) => f.file),
			['english/support-dump.md', 'chinese/clean.md'],
		);
		assert.deepEqual(report.files[0].findings, []);
		assert.deepEqual(
			report.files[1].findings.map((f) => `${f.severity} ${f.code}`),
			['error root-cause-unknown', 'error root-cause-unknown'],
		);
	});

	it('lets --config win over the configurations next to the dumps', () => {
		const config = join(dir.path, 'project', 'english', '.ticketcurator.json');
		const result = runCli(['check', '--config', config, 'english', 'chinese'], { cwd: join(dir.path, 'project') });
		// Under the English labels the Chinese dump is no dump: only the English one is checked.
		assert.equal(result.code, 0, result.stdout + result.stderr);
		assert.match(result.stdout, /^1 dump\(s\) checked: 0 error\(s\)/m);
	});
});
