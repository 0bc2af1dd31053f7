/**
 * Smaller things a first run trips on: a locale without messages, a binary file, a file left out
 * by an exclude glob, unreadable folders and files, a dump past the size limit, `--limit 0`.
 * Each on copies of the fixtures in temporary folders.
 */
import { strict as assert } from 'node:assert';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliFixtures, realDump, runCli, tempDir } from './runCli';

/** `nobody` on Linux: root reads any folder, so the unreadable ones are tried as another user. */
const otherUser = 65534;
const isRoot = process.getuid?.() === 0;

describe('the first run', () => {
	let dir: ReturnType<typeof tempDir>;
	beforeEach(() => {
		dir = tempDir();
		copyFileSync(join(cliFixtures, 'clean.md'), join(dir.path, 'clean.md'));
	});
	afterEach(() => {
		chmodSync(dir.path, 0o700);
		dir.remove();
	});

	it('says once that a locale has no messages, and speaks English', () => {
		const result = runCli(['check', '--locale', 'fr', 'clean.md'], { cwd: dir.path });
		assert.equal(result.code, 0);
		assert.equal(result.stderr, 'tickets: no messages in `fr`; they are in English (languages: en, zh-cn)\n');
		assert.match(result.stdout, /^1 dump\(s\) checked/);
		// A system LANG without messages is no request: quiet.
		assert.equal(runCli(['check', 'clean.md'], { cwd: dir.path, env: { LANG: 'fr_FR.UTF-8' } }).stderr, '');
		assert.equal(runCli(['check', '--locale', 'en', 'clean.md'], { cwd: dir.path }).stderr, '');
	});

	it('calls a binary file binary, not GBK', () => {
		writeFileSync(join(dir.path, 'image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xb7, 0xd6]));
		const result = runCli(['check', 'image.md', 'clean.md'], { cwd: dir.path });
		assert.equal(result.code, 2);
		assert.equal(result.stderr, 'tickets: image.md is a binary file (it holds NUL bytes), not a ticket dump\n');
		assert.match(result.stdout, /^1 dump\(s\) checked/m);
	});

	it('says which exclude glob left out the files of a folder it walked', () => {
		mkdirSync(join(dir.path, 'out'));
		copyFileSync(join(cliFixtures, 'clean.md'), join(dir.path, 'out', 'part1.md'));
		// Named, the file is checked; walked into, `out` is excluded by default.
		assert.equal(runCli(['check', 'out/part1.md'], { cwd: dir.path }).code, 0);
		const walked = runCli(['check', 'out'], { cwd: dir.path });
		assert.equal(walked.code, 2);
		assert.match(
			walked.stderr,
			/\n1 file\(s\) under the folders given were skipped by files\.exclude `\*\*\/\{node_modules,\.git,dist,out\}\/\*\*` \(the default\), e\.g\. out\/part1\.md\n$/,
		);
		writeFileSync(join(dir.path, '.ticketcurator.json'), JSON.stringify({ files: { exclude: '**/out/**' } }));
		assert.match(
			runCli(['check', 'out'], { cwd: dir.path }).stderr,
			/skipped by files\.exclude `\*\*\/out\/\*\*` \(\.ticketcurator\.json\), e\.g\. out\/part1\.md\n$/,
		);
	});

	it('skips an unreadable folder as it skips an unreadable file, reports both and checks the rest', function () {
		if (process.platform === 'win32') this.skip();
		mkdirSync(join(dir.path, 'locked'));
		copyFileSync(join(cliFixtures, 'clean.md'), join(dir.path, 'locked', 'inside.md'));
		copyFileSync(join(cliFixtures, 'clean.md'), join(dir.path, 'secret.md'));
		chmodSync(join(dir.path, 'locked'), 0);
		chmodSync(join(dir.path, 'secret.md'), 0);
		chmodSync(dir.path, 0o755);
		chmodSync(join(dir.path, 'clean.md'), 0o644);
		const as = isRoot ? { uid: otherUser, gid: otherUser } : {};
		const result = runCli(['check', '.'], { cwd: dir.path, ...as });
		assert.equal(result.code, 2, result.stderr);
		assert.equal(result.stderr, 'tickets: cannot read the folder locked (EACCES)\ntickets: cannot read secret.md (EACCES)\n');
		assert.match(result.stdout, /^1 dump\(s\) checked/m);
		chmodSync(join(dir.path, 'locked'), 0o755);
	});

	it('gives a dump past limits.maxFileSizeMB its one file-too-large finding and no duplicates', () => {
		// The real dump twice over, so every ticket has an exact copy.
		const text = readFileSync(realDump, 'utf8');
		writeFileSync(join(dir.path, 'twice.md'), text + text.slice(text.indexOf('\n## ')));
		writeFileSync(join(dir.path, '.ticketcurator.json'), JSON.stringify({ limits: { maxFileSizeMB: 0.1 } }));
		const report = JSON.parse(runCli(['check', '-f', 'json', 'twice.md'], { cwd: dir.path }).stdout);
		assert.deepEqual(
			report.files[0].findings.map((f: { code: string }) => f.code),
			['file-too-large'],
		);
	});

	it('refuses similar --limit 0', () => {
		const result = runCli(['similar', '--limit', '0', '证书', 'clean.md'], { cwd: dir.path });
		assert.equal(result.code, 2);
		assert.equal(result.stderr, 'tickets: --limit must be at least 1\n');
	});
});
