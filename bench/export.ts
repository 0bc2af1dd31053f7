/**
 * A training-set export at scale: `tickets export -f chat --split 80,10,10` over a generated
 * workspace of 100k tickets (the real dump's tickets with a third of the characters of their
 * description, answers and dialog replaced, so they are distinct; 1% near copies planted), run as
 * the user runs it (dist/cli.js, the default gate, so every dump is also checked). Prints the wall
 * time and the process's peak resident memory; target under 30 s.
 *   tsx bench/export.ts [--tickets 100000] [--json out.json]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { random, realTickets, ticketsPerFile } from './corpus';
import { ms } from './stats';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const total = Number(option('--tickets') ?? 100_000);
const jsonOut = option('--json');
const root = join(__dirname, '..');

const rand = random(11);
const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const mutate = (text: string, rate: number) =>
	text.replace(/[\u4e00-\u9fffA-Za-z0-9]/g, (c) =>
		rand() >= rate ? c : c.charCodeAt(0) >= 0x4e00 ? String.fromCharCode(0x4e00 + Math.floor(rand() * 0x5000)) : letters[Math.floor(rand() * letters.length)],
	);

/** The ticket's text lines changed after their label; titles, headings, the category and the root cause kept. */
function distinct(ticket: string, rate: number): string {
	let section = '';
	return ticket
		.split('\n')
		.map((line) => {
			if (line.startsWith('#')) {
				section = line;
				return line;
			}
			if (!/问题描述|客服解答|对话记录/.test(section)) return line;
			const label = /^(?:\*\*[^*]+\*\*[:：]\s*|\d+\.\s+)/.exec(line)?.[0] ?? '';
			return label + mutate(line.slice(label.length), rate);
		})
		.join('\n');
}

const dir = mkdtempSync(join(tmpdir(), 'tickets-export-bench-'));
try {
	const sources = realTickets();
	const tickets: string[] = [];
	let planted = 0;
	while (tickets.length < total) {
		const i = tickets.length;
		if (i > 100 && rand() < 0.01) {
			tickets.push(distinct(tickets[Math.floor(rand() * i)], 0.02));
			planted++;
		} else tickets.push(distinct(sources[i % sources.length], 0.33));
	}
	mkdirSync(join(dir, 'dumps'));
	let bytes = 0;
	for (let part = 0; part * ticketsPerFile < total; part++) {
		const body = tickets.slice(part * ticketsPerFile, (part + 1) * ticketsPerFile);
		const text = `# 技术支持工单数据 - Part ${part + 1}\n\n本文档包含 ${body.length} 个结构化技术支持问答记录\n\n---\n\n${body.join('')}`;
		bytes += Buffer.byteLength(text);
		writeFileSync(join(dir, 'dumps', `part-${String(part).padStart(4, '0')}.md`), text);
	}
	tickets.length = 0;
	// The peak resident memory of the CLI process, written as it exits.
	const peakFile = join(dir, 'peak.txt');
	const preload = join(dir, 'peak.cjs');
	writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(peakFile)}, String(process.resourceUsage().maxRSS)));\n`);
	const t0 = performance.now();
	const run = spawnSync(
		process.execPath,
		['--require', preload, join(root, 'dist', 'cli.js'), 'export', '-f', 'chat', '--split', '80,10,10', '--seed', '1', '--out', 'set', 'dumps'],
		{ cwd: dir, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 },
	);
	const wallMs = performance.now() - t0;
	if (run.status !== 0) throw new Error(`export failed (exit ${run.status}): ${run.stderr}`);
	const manifest = JSON.parse(readFileSync(join(dir, 'set', 'manifest.json'), 'utf8')) as {
		counts: { exported: number; withheld: number; bySplit: Record<string, number> };
		split: { groups: number; largestCrossSimilarity: number };
	};
	const figures = {
		tickets: total,
		inputMB: bytes / 2 ** 20,
		plantedNearCopies: planted,
		wallMs,
		peakRssMB: Number(readFileSync(peakFile, 'utf8')) / 1024,
		exported: manifest.counts.exported,
		withheld: manifest.counts.withheld,
		bySplit: manifest.counts.bySplit,
		groups: manifest.split.groups,
		largestCrossSimilarity: manifest.split.largestCrossSimilarity,
	};
	console.log(`\nTraining-set export (${total} tickets, ${figures.inputMB.toFixed(0)} MB; chat, split 80,10,10, default gate)`);
	console.log('time     peak memory  exported  withheld  train/validation/test  groups  largest cross-split similarity');
	console.log(
		`${`${ms(wallMs / 1000)} s`.padEnd(8)} ${`${figures.peakRssMB.toFixed(0)} MB`.padEnd(12)} ${String(figures.exported).padEnd(9)} ${String(figures.withheld).padEnd(9)} ` +
			`${Object.values(figures.bySplit).join('/').padEnd(22)} ${String(figures.groups).padEnd(7)} ${figures.largestCrossSimilarity.toFixed(3)}`,
	);
	console.log('(target: under 30 s for 100k tickets)');
	if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ export: figures }, null, 2));
} finally {
	rmSync(dir, { recursive: true, force: true });
}
