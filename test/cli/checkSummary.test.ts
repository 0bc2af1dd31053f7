/**
 * `tickets check` as text starts with the findings counted by rule, most important first (errors,
 * then personal data and secrets, then the rest), and redaction leaks of public documentation
 * links come lower by default. On a copy of the sample dump in a temporary folder.
 */
import { strict as assert } from 'node:assert';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { realDump, runCli, tempDir } from './runCli';

/** The summary's rows: count, severity, code. */
function summaryRows(stdout: string): { count: number; severity: string; code: string }[] {
	const lines = stdout.split('\n');
	assert.equal(lines[0], 'Findings by rule, most important first:');
	const rows = [];
	for (const line of lines.slice(1)) {
		const m = /^ +(\d+) {2}(\S+) +(\S+)$/.exec(line);
		if (!m) break;
		rows.push({ count: Number(m[1]), severity: m[2], code: m[3] });
	}
	return rows;
}

describe('tickets check: summary by rule', () => {
	let dir: ReturnType<typeof tempDir>;
	beforeEach(() => {
		dir = tempDir();
		copyFileSync(realDump, join(dir.path, 'dump.txt'));
	});
	afterEach(() => dir.remove());

	it('starts with the counts by rule: errors, then personal data and secrets, then the rest', () => {
		const result = runCli(['check', 'dump.txt'], { cwd: dir.path });
		assert.equal(result.code, 1, result.stderr);
		const rows = summaryRows(result.stdout);
		const findingLines = result.stdout.split('\n').filter((l) => l.startsWith('dump.txt:'));
		assert.equal(
			rows.reduce((n, r) => n + r.count, 0),
			findingLines.length,
		);
		const importance = (r: { severity: string; code: string }) =>
			r.severity === 'error' ? 0 : /^(pii|secret)-/.test(r.code) ? 1 : r.code === 'redaction-leak' ? 2 : 3;
		const ranks = rows.map(importance);
		assert.deepEqual(ranks, [...ranks].sort(), rows.map((r) => `${r.severity} ${r.code}`).join(', '));
		assert.deepEqual(
			rows.slice(0, 2).map((r) => r.severity),
			['error', 'error'],
		);
		assert.ok(rows.some((r) => r.severity === 'warning' && r.code === 'pii-ip'));
		// The documentation links masked in the dialog: information, below the other redaction leaks.
		assert.deepEqual(
			rows.filter((r) => r.code === 'redaction-leak').map((r) => `${r.count} ${r.severity}`),
			['32 warning', '35 information'],
		);
	});

	it('keeps every redaction leak a warning with an empty publicDocHosts', () => {
		writeFileSync(join(dir.path, '.ticketcurator.json'), JSON.stringify({ publicDocHosts: [] }));
		const rows = summaryRows(runCli(['check', 'dump.txt'], { cwd: dir.path }).stdout);
		assert.deepEqual(
			rows.filter((r) => r.code === 'redaction-leak').map((r) => `${r.count} ${r.severity}`),
			['67 warning'],
		);
	});

	it('prints no summary when there is nothing to count', () => {
		writeFileSync(join(dir.path, '.ticketcurator.json'), JSON.stringify({ rules: Object.fromEntries(codesOf(dir.path).map((c) => [c, 'off'])) }));
		assert.equal(runCli(['check', 'dump.txt'], { cwd: dir.path }).stdout, '1 dump(s) checked: 0 error(s), 0 warning(s), 0 information, 0 hint(s).\n');
	});
});

function codesOf(cwd: string): string[] {
	const report = JSON.parse(runCli(['check', '-f', 'json', 'dump.txt'], { cwd }).stdout) as { files: { findings: { code: string }[] }[] };
	return [...new Set(report.files[0].findings.map((f) => f.code))];
}
