/** `tickets stats` on the real dump: the figures docs/TICKET-FORMAT.md states. */
import { strict as assert } from 'node:assert';
import { runCli } from './runCli';

describe('tickets stats', () => {
	it('counts the real dump as docs/TICKET-FORMAT.md describes it (JSON)', () => {
		const result = runCli(['stats', '--json', 'test/fixtures/corpus']);
		assert.equal(result.code, 0, result.stderr);
		const stats = JSON.parse(result.stdout);
		assert.equal(stats.dumps, 1);
		assert.equal(stats.tickets, 114);
		assert.deepEqual(stats.products.slice(0, 3), [
			{ name: 'CDN', tickets: 54 },
			{ name: '对象存储', tickets: 29 },
			{ name: '账户与财务', tickets: 12 },
		]);
		assert.equal(stats.products.length, 8);
		assert.equal(stats.categories.length, 26);
		assert.deepEqual(stats.categories[0], { name: 'CDN｜配置问题', tickets: 17 });
		assert.equal(stats.rootCauses.length, 8);
		assert.deepEqual(stats.rootCauses[0], { name: 'SSL/TLS证书配置问题', tickets: 40 });
		assert.deepEqual(
			stats.withoutStaffAnswers.map((t: { line: number; title: string }) => [t.line, t.title]),
			[
				[1043, '免费 from 自动催单'],
				[2299, '域名所有权验证'],
				[2675, '流量消耗不对'],
				[3033, '上传证书报错'],
			],
		);
		assert.deepEqual(stats.turns, { min: 1, median: 4, max: 27 });
		const check = JSON.parse(runCli(['check', '-f', 'json', 'test/fixtures/corpus']).stdout);
		const perCode = new Map<string, number>();
		for (const f of check.files[0].findings) perCode.set(f.code, (perCode.get(f.code) ?? 0) + 1);
		assert.deepEqual(new Map(stats.findings.map((f: { code: string; count: number }) => [f.code, f.count])), perCode);
	});

	it('prints tables with counts, shares and names', () => {
		const result = runCli(['stats', 'test/fixtures/corpus']);
		assert.equal(result.code, 0);
		assert.match(result.stdout, /^1 dump\(s\), 114 ticket\(s\)$/m);
		assert.match(result.stdout, /^Dialog turns per ticket: min 1, median 4, max 27$/m);
		assert.match(result.stdout, /^Tickets without staff answers: 4$/m);
		assert.match(result.stdout, /^Products \(8\)\n\s+54\s+47\.4%\s+CDN$/m);
		assert.match(result.stdout, /^Root causes \(8\)\n\s+40\s+35\.1%\s+SSL\/TLS证书配置问题$/m);
	});
});
