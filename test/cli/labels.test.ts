/** `tickets labels` and `tickets fix --labels` on the real dump, as a process. */
import { strict as assert } from 'node:assert';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { realDump, runCli, tempDir } from './runCli';

describe('tickets labels', function () {
	this.timeout(60_000);

	it('lists the suspects with suggestions and a given × suggested table', () => {
		const result = runCli(['labels', realDump]);
		assert.equal(result.code, 0, result.stderr);
		assert.match(
			result.stdout,
			/000_8bbabfb939ae27d4\.txt:3283 {2}root cause {2}SSL\/TLS证书配置问题 → 需要进一步排查具体原因 \(0\.50\) {2}\[evidence \+ statistics: [^\]]+\] {2}## 开发票/,
		);
		assert.match(result.stdout, /Given × suggested root cause\n[^]*\n {4}5 {2}网络连接问题或DNS解析异常 → SSL\/TLS证书配置问题\n/);
		assert.match(result.stdout, /36 root cause\(s\) and 5 product\(s\) without evidence\.\n$/);
	});

	it('lists the findings both methods make first, and says what confident learning did', () => {
		const result = runCli(['labels', realDump]);
		const sources = result.stdout
			.split('\n')
			.filter((l) => l.includes('  root cause  '))
			.map((l) => /\[(evidence \+ statistics|evidence|statistics)/.exec(l)![1]);
		assert.equal(sources.length, 36);
		const both = sources.filter((s) => s === 'evidence + statistics').length;
		assert.ok(both > 0 && both < 36);
		assert.ok(sources.slice(0, both).every((s) => s === 'evidence + statistics'));
		assert.match(
			result.stdout,
			/Confident learning \(root causes\): ranks the evidence findings; its own suspects are off below 200 labelled tickets \(114 here\)\./,
		);
		assert.match(result.stdout, new RegExp(`Root causes: ${both} found by both, ${36 - both} by evidence alone, 0 by statistics alone\\.`));
	});

	it('writes JSON and CSV with the same suspects', () => {
		const json = JSON.parse(runCli(['labels', '-f', 'json', realDump]).stdout) as {
			suspects: { kind: string; label: string; line: number; suggestions: { label: string }[] }[];
			givenBySuggested: { given: string; suggested: string | null; count: number }[];
		};
		assert.equal(json.suspects.filter((s) => s.kind === 'rootCause').length, 36);
		assert.equal(
			json.givenBySuggested.reduce((sum, r) => sum + r.count, 0),
			36,
		);
		const first = json.suspects[0] as unknown as { source: string; probability: number; neighbours: { title: string; label: string }[] };
		assert.equal(first.source, 'both');
		assert.ok(first.probability >= 0 && first.neighbours.length > 0 && first.neighbours[0].label);
		const csv = runCli(['labels', '--format', 'csv', realDump]).stdout.trimEnd().split('\r\n');
		assert.equal(csv[0], 'file,line,kind,label,suggestion,confidence,other_suggestions,title,source,probability');
		assert.equal(csv.length, json.suspects.length + 1);
		assert.ok(
			csv.some((l) =>
				l.startsWith('test/fixtures/corpus/000_8bbabfb939ae27d4.txt,3283,rootCause,SSL/TLS证书配置问题,需要进一步排查具体原因,0.50,,开发票,both,'),
			),
		);
	});

	it('honours kept labels of the configuration', () => {
		const dir = tempDir();
		try {
			copyFileSync(realDump, join(dir.path, 'dump.txt'));
			writeFileSync(
				join(dir.path, '.ticketcurator.json'),
				JSON.stringify({ keptLabels: [{ file: 'dump.txt', title: '开发票', label: 'SSL/TLS证书配置问题' }] }),
			);
			const out = runCli(['labels', 'dump.txt'], { cwd: dir.path }).stdout;
			assert.ok(!out.includes('## 开发票'));
			assert.match(out, /35 root cause\(s\)/);
		} finally {
			dir.remove();
		}
	});

	describe('fix --labels', () => {
		it('prints the relabelling with --dry-run, applying only suggestions at or above the confidence', () => {
			const dry = runCli(['fix', '--labels', '--dry-run', realDump]);
			assert.equal(dry.code, 0, dry.stderr);
			const changed = dry.stdout.split('\n').filter((l) => /^[-+][^-+]/.test(l));
			// 5 root causes and 2 products (their category lines).
			assert.deepEqual(changed.filter((l) => l.startsWith('+')).length, 7);
			assert.ok(changed.includes('+账户密码或登录凭证问题'), 'the forgotten remote-desktop password');
			assert.match(dry.stderr, /7 fix\(es\) in 1 file\(s\) would be applied\./);
			const all = runCli(['fix', '--labels', '--min-confidence', '0.5', '-n', realDump]);
			const suspects = (JSON.parse(runCli(['labels', '-f', 'json', realDump]).stdout) as { suspects: { suggestions: { confidence: number }[] }[] }).suspects;
			const sure = suspects.filter((s) => s.suggestions[0]?.confidence >= 0.5).length;
			assert.ok(sure > 7);
			assert.match(all.stderr, new RegExp(`^${sure} fix\\(es\\)`), 'every suspect whose first suggestion reaches 0.5');
			assert.match(runCli(['fix', '-n', realDump]).stderr, /^0 fix\(es\)/, 'never without --labels');
			assert.equal(runCli(['fix', '--labels', '--min-confidence', '2', realDump]).code, 2);
		});

		it('writes the labels in place, and nothing else', () => {
			const dir = tempDir();
			try {
				const path = join(dir.path, 'dump.txt');
				copyFileSync(realDump, path);
				const result = runCli(['fix', '--labels', 'dump.txt'], { cwd: dir.path });
				assert.equal(result.code, 0, result.stderr);
				const before = readFileSync(realDump, 'utf8').split('\n');
				const after = readFileSync(path, 'utf8').split('\n');
				assert.equal(after.length, before.length);
				const changed = after.flatMap((line, i) => (line !== before[i] ? [i] : []));
				assert.equal(changed.length, 7);
				assert.match(runCli(['labels', 'dump.txt'], { cwd: dir.path }).stdout, /\n31 root cause\(s\) and 3 product\(s\)/);
			} finally {
				dir.remove();
			}
		});
	});
});
