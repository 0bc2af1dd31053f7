/**
 * `tickets report`: the HTML file it writes holds everything it needs (no address to load, a
 * policy that forbids loading any), and, opened in a real browser (Debian's chromium through
 * playwright-core), draws bars whose values are `tickets stats --json`'s, for the real dump and
 * for a planted workspace (a copy of the real dump, an exact copy of a ticket, a product of its own).
 */
import { strict as assert } from 'node:assert';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { realDump, runCli } from './runCli';

const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const screenshotDir = process.env.REPORT_SCREENSHOT_DIR;

interface Count {
	name: string;
	tickets: number;
}

/** A folder with the real dump, a copy of one of its tickets under another product, and a dump of a new product. */
function plantedWorkspace(dir: string): void {
	copyFileSync(realDump, join(dir, 'real.txt'));
	const text = readFileSync(realDump, 'utf8');
	const start = text.indexOf('\n## ') + 1;
	const end = text.indexOf('\n## ', start) + 1;
	const ticket = text.slice(start, end);
	const planted = [
		'# 技术支持工单数据 - Part 9',
		'',
		'本文档包含 3 个结构化技术支持问答记录',
		'',
		'---',
		'',
		ticket.trimEnd(),
		'',
		...[1, 2].flatMap((n) => [
			`## 种植工单${n}：短信发送失败`,
			'',
			'**问题分类**: 短信服务｜发送失败',
			'',
			'### 问题描述',
			'',
			`短信第${n}次发送失败，联系电话 13812345678`,
			'',
			'### 客服解答',
			'',
			'1. 请检查签名是否审核通过。',
			'',
			'### 根本原因分析',
			'',
			'配置错误',
			'',
			'### 完整对话记录',
			'',
			'**客户**：短信发送失败',
			'',
			'**客服**：请检查签名是否审核通过。',
			'',
			'---',
			'',
		]),
	].join('\n');
	writeFileSync(join(dir, 'planted.md'), planted);
}

function report(paths: string[], out: string): void {
	const result = runCli(['report', '--out', out, ...paths]);
	assert.equal(result.code, 0, result.stderr);
}

function stats(paths: string[]): { products: Count[]; categories: Count[]; tickets: number; findings: { code: string; count: number }[] } {
	const result = runCli(['stats', '--json', ...paths]);
	assert.equal(result.code, 0, result.stderr);
	return JSON.parse(result.stdout);
}

/** The page's input, as the report carries it. */
function reportInput(html: string): {
	data: { products: Count[]; findings: { code: string; count: number }[]; duplicateGroups: { code: string; tickets: unknown[] }[] };
} {
	const m = /<script type="application\/json" id="overview-input">([\s\S]*?)<\/script>/.exec(html);
	assert.ok(m, 'the report carries its data');
	return JSON.parse(m[1]);
}

describe('tickets report', () => {
	let dir: string;
	before(() => {
		dir = mkdtempSync(join(tmpdir(), 'tickets-report-'));
		mkdirSync(join(dir, 'planted'));
		plantedWorkspace(join(dir, 'planted'));
	});
	after(() => rmSync(dir, { recursive: true, force: true }));

	it('writes one self-contained file: the data of stats --json, the chart library inlined, nothing to load', () => {
		const out = join(dir, 'real.html');
		report([realDump], out);
		const html = readFileSync(out, 'utf8');
		assert.match(
			html,
			/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-[^"]+'; style-src 'nonce-[^"]+'; img-src data:">/,
		);
		assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+href=/, 'no script or style is loaded from elsewhere');
		assert.ok(html.length > 300_000, 'the chart library is inlined');
		const data = reportInput(html).data;
		const s = stats([realDump]);
		assert.deepEqual(data.products, s.products);
		assert.deepEqual(
			data.findings.map((f) => ({ code: f.code, count: f.count })),
			s.findings,
		);
	});

	it('refuses to run without --out', () => {
		const result = runCli(['report', realDump]);
		assert.equal(result.code, 2);
		assert.match(result.stderr, /needs --out FILE/);
	});

	it('groups the planted exact copy with its original and counts the planted product', () => {
		const out = join(dir, 'planted.html');
		report([join(dir, 'planted')], out);
		const data = reportInput(readFileSync(out, 'utf8')).data;
		assert.deepEqual(
			data.duplicateGroups.filter((g) => g.code === 'duplicate-ticket').map((g) => g.tickets.length),
			[2],
		);
		assert.deepEqual(
			data.products.find((p) => p.name === '短信服务'),
			{ name: '短信服务', tickets: 2 },
		);
	});

	describe('in a real browser', function () {
		// Starting chromium takes seconds on a loaded machine; this is a stall guard, not a speed limit.
		this.timeout(60_000);
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		let browser: any;
		before(async function () {
			if (!existsSync(chromiumPath)) {
				console.warn(`    skipped: no chromium at ${chromiumPath} (scripts/vscode-offline/setup.sh installs it)`);
				this.skip();
			}
			const { chromium } = await import('playwright-core');
			browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
		});
		after(async () => browser?.close());

		for (const [name, paths] of [
			['the real dump', () => [realDump]],
			['a planted workspace', () => [join(dir, 'planted')]],
		] as const) {
			it(`draws ${name}'s bars with the values of tickets stats --json, loading nothing`, async () => {
				const out = join(dir, `${name.replace(/\W+/g, '-')}.html`);
				report(paths(), out);
				const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
				const requests: string[] = [];
				const violations: string[] = [];
				page.on('request', (r: { url(): string }) => {
					if (!r.url().startsWith('file:')) requests.push(r.url());
				});
				page.on('console', (m: { type(): string; text(): string }) => {
					if (m.type() === 'error') violations.push(m.text());
				});
				await page.goto(`file://${out}`);
				await page.locator('#chart-products svg').first().waitFor();
				const drawn: Count[] = await page.evaluate(() =>
					(globalThis as unknown as { ticketOverview: { drawnProducts(): Count[] } }).ticketOverview.drawnProducts(),
				);
				const s = stats(paths());
				assert.deepEqual(
					drawn,
					s.products.slice(0, 30).map((p) => ({ name: p.name || '(none)', tickets: p.tickets })),
				);
				// Every bar's value is written on it, and the table under the chart says the same.
				const labels: string[] = await page.locator('#chart-products svg text').allTextContents();
				for (const p of s.products) assert.ok(labels.includes(String(p.tickets)), `bar label ${p.tickets}`);
				const rows: string[][] = await page
					.locator('#section-products table tbody tr')
					.evaluateAll((trs: { querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> }[]) =>
						trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')),
					);
				assert.deepEqual(
					rows.map((r) => [r[0], Number(r[1])]),
					s.products.map((p) => [p.name || '(none)', p.tickets]),
				);
				for (const id of ['categories', 'rootCauseByProduct', 'findingsPerRule', 'findingsPerFile', 'turns'])
					await page.locator(`#chart-${id} svg`).first().waitFor();
				assert.deepEqual(requests, [], 'the page loads nothing');
				assert.deepEqual(violations, [], 'no script error and no content policy violation');
				if (screenshotDir)
					await page.locator('#section-rootCauseByProduct').screenshot({ path: join(screenshotDir, `report-${name.replace(/\W+/g, '-')}.png`) });
				await page.close();
			});
		}
	});
});
