/** `tickets fix`: the safe fixes applied in place, or shown as a unified diff with --dry-run. */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliFixtures, runCli, tempDir } from './runCli';

const brokenText = readFileSync(join(cliFixtures, 'broken.md'), 'utf8');
const fixedCodes = ['declared-count', 'category-format', 'section-unknown', 'answers-numbering', 'speaker-format', 'separator'];

function findings(cwd: string, file: string): string[] {
	const report = JSON.parse(runCli(['check', '-f', 'json', file], { cwd }).stdout) as { files: { findings: { code: string }[] }[] };
	return report.files[0].findings.map((f) => f.code);
}

describe('tickets fix', () => {
	let dir: ReturnType<typeof tempDir>;
	beforeEach(() => {
		dir = tempDir();
		copyFileSync(join(cliFixtures, 'broken.md'), join(dir.path, 'broken.md'));
	});
	afterEach(() => dir.remove());

	it('finds the crafted defects first', () => {
		assert.deepEqual(findings(dir.path, 'broken.md').sort(), [...fixedCodes].sort());
	});

	it('--dry-run prints a unified diff of every safe fix and leaves the file alone', () => {
		const result = runCli(['fix', '--dry-run', 'broken.md'], { cwd: dir.path });
		assert.equal(result.code, 0, result.stderr);
		assert.equal(readFileSync(join(dir.path, 'broken.md'), 'utf8'), brokenText);
		const diff = result.stdout;
		assert.match(diff, /^--- a\/broken\.md\n\+\+\+ b\/broken\.md\n@@ -1,14 \+1,14 @@\n/);
		const changed = diff.split('\n').filter((l) => /^[-+]/.test(l) && !/^(---|\+\+\+) [ab]\//.test(l));
		assert.deepEqual(changed, [
			'-本文档包含 3 个结构化技术支持问答记录',
			'+本文档包含 2 个结构化技术支持问答记录',
			'-**问题分类**: CDN|证书问题',
			'+**问题分类**: CDN｜证书问题',
			'-### 问题描叙',
			'+### 问题描述',
			'-3. 您好，证书已经生效了吗？',
			'+2. 您好，证书已经生效了吗？',
			'-**客户**:域名证书过期了，浏览器提示不安全',
			'+**客户**：域名证书过期了，浏览器提示不安全',
			'+',
			'+---',
		]);
		assert.equal(result.stderr, '6 fix(es) in 1 file(s) would be applied.\n');
		// The diff is a real patch: git applies it and gets what `fix` writes.
		writeFileSync(join(dir.path, 'fix.patch'), diff);
		const apply = spawnSync('git', ['apply', '--unsafe-paths', '-p1', 'fix.patch'], { cwd: dir.path, encoding: 'utf8' });
		assert.equal(apply.status, 0, apply.stderr);
		const patched = readFileSync(join(dir.path, 'broken.md'), 'utf8');
		writeFileSync(join(dir.path, 'broken.md'), brokenText);
		runCli(['fix', 'broken.md'], { cwd: dir.path });
		assert.equal(readFileSync(join(dir.path, 'broken.md'), 'utf8'), patched);
	});

	it('fixes the file in place, after which check reports none of the fixed codes, and a second run changes nothing', () => {
		const result = runCli(['fix', 'broken.md'], { cwd: dir.path });
		assert.equal(result.code, 0, result.stderr);
		assert.equal(result.stdout, 'broken.md: 6 fix(es) applied\n');
		assert.deepEqual(findings(dir.path, 'broken.md'), []);
		assert.equal(runCli(['check', 'broken.md'], { cwd: dir.path }).code, 0);
		const fixed = readFileSync(join(dir.path, 'broken.md'), 'utf8');
		const again = runCli(['fix', 'broken.md'], { cwd: dir.path });
		assert.equal(again.stdout, '');
		assert.equal(again.stderr, '0 fix(es) applied in 0 file(s).\n');
		assert.equal(readFileSync(join(dir.path, 'broken.md'), 'utf8'), fixed);
	});

	it('keeps a BOM and CRLF line endings', () => {
		writeFileSync(join(dir.path, 'crlf.md'), `\uFEFF${brokenText.replace(/\n/g, '\r\n')}`);
		assert.equal(runCli(['fix', 'crlf.md'], { cwd: dir.path }).code, 0);
		const fixed = readFileSync(join(dir.path, 'crlf.md'), 'utf8');
		assert.ok(fixed.startsWith('\uFEFF# '));
		assert.doesNotMatch(fixed, /[^\r]\n/, 'every line break is CRLF');
		assert.deepEqual(findings(dir.path, 'crlf.md'), []);
	});

	it('leaves what it must not guess: an unknown root cause stays for the user', () => {
		writeFileSync(join(dir.path, 'content.md'), brokenText.replace('SSL/TLS证书配置问题', 'SSL/TLS证书配置问提'));
		runCli(['fix', 'content.md'], { cwd: dir.path });
		assert.deepEqual(findings(dir.path, 'content.md'), ['root-cause-unknown']);
	});
});
