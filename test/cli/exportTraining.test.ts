/**
 * `tickets export` as the last step of curation: training formats, the gate (leaks and errors
 * withheld, or masked), exact duplicates once, splits that keep near copies together, the
 * manifest, and the same bytes for the same input and seed.
 */
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findLeaks } from '../../server/src/service/leaks/findLeaks';
import { scanFile } from '../../server/src/service/document/scan';
import { similarity, ticketPrint } from '../../server/src/service/duplicates/duplicateIndex';
import { defaultDuplicateThreshold } from '../../server/src/service/index';
import { generateDump } from '../../bench/corpus';
import { realDump, runCli, tempDir } from './runCli';

const dumpText = readFileSync(realDump, 'utf8');

interface Manifest {
	counts: { tickets: number; exported: number; withheld: number; bySplit: Record<string, number>; byProduct: Record<string, number> };
	withheld: { byReason: Record<string, number>; tickets: { file: string; line: number; reasons: { reason: string; codes?: string[]; of?: string }[] }[] };
	inputs: { file: string; sha256: string; tickets: number }[];
	split: { largestCrossSimilarity: number; threshold: number; groups: number } | null;
	outputs: { file: string; split: string; records: number }[];
	tool: { version: string };
	gate: { masked: boolean; allowFindings: boolean };
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const lines = (text: string) => text.split('\n').filter(Boolean);

/** The real dump's tickets with a leak, by their 1-based title line, and every leaked value. */
function realLeaks(): { lines: number[]; values: string[]; byLine: Map<number, string[]> } {
	const found = scanFile(dumpText).chunks.map((c) => ({ line: c.startLine + 1, leaks: findLeaks(c.text) }));
	const withLeaks = found.filter((f) => f.leaks.length);
	return {
		lines: withLeaks.map((f) => f.line),
		values: [...new Set(withLeaks.flatMap((f) => f.leaks.map((l) => l.value)))],
		byLine: new Map(withLeaks.map((f) => [f.line, f.leaks.map((l) => l.value)])),
	};
}

describe('tickets export: training sets', function () {
	this.timeout(120_000);
	let dir: ReturnType<typeof tempDir>;
	const at = (name: string) => join(dir.path, name);
	beforeEach(() => (dir = tempDir()));
	afterEach(() => dir.remove());

	it('withholds the tickets with leaks and the 4 without a staff answer, each with its reason in the manifest', () => {
		const leaks = realLeaks();
		assert.ok(leaks.lines.length > 20 && leaks.values.length > 20, 'the real dump holds leaks');
		const result = runCli(['export', '--format', 'chat', '--out', at('chat.jsonl'), realDump]);
		assert.equal(result.code, 0, result.stderr);
		const manifest = readJson<Manifest>(at('manifest.json'));
		const byLine = new Map(manifest.withheld.tickets.map((t) => [t.line, t.reasons.map((r) => r.reason)]));
		assert.deepEqual(
			[...byLine].filter(([, reasons]) => reasons.includes('leak')).map(([line]) => line),
			leaks.lines,
		);
		assert.equal(manifest.withheld.byReason['no-staff-answer'], 4);
		assert.deepEqual(manifest.withheld.byReason, { 'no-staff-answer': 4, leak: leaks.lines.length });
		assert.equal(manifest.counts.exported, 114 - manifest.counts.withheld);
		assert.equal(lines(readFileSync(at('chat.jsonl'), 'utf8')).length, manifest.counts.exported);
		assert.match(result.stderr, /^tickets: exported \d+ of 114 tickets; withheld \d+ \(leak \d+, no-staff-answer 4\)\n$/);
		const exported = readFileSync(at('chat.jsonl'), 'utf8');
		for (const value of leaks.values) assert.ok(!exported.includes(value), `leaked: ${value}`);
	});

	it('--mask exports the tickets with leaks masked: no record holds a value its ticket leaked; the dump is unchanged', () => {
		const { byLine } = realLeaks();
		for (const format of ['chat', 'sharegpt', 'alpaca', 'jsonl']) {
			const result = runCli(['export', '--format', format, '--mask', '--with-meta', realDump]);
			assert.equal(result.code, 0, result.stderr);
			const records = lines(result.stdout);
			assert.equal(records.length, format === 'jsonl' ? 114 : 110, format);
			let checked = 0;
			for (const record of records) {
				const parsed = JSON.parse(record) as { line?: number; meta?: { line: number } };
				for (const value of byLine.get(parsed.meta?.line ?? parsed.line!) ?? []) {
					assert.ok(!record.includes(JSON.stringify(value).slice(1, -1)), `${format} leaked: ${value}`);
					checked++;
				}
			}
			assert.ok(checked > 40, `${format}: ${checked} values checked`);
		}
		assert.equal(readFileSync(realDump, 'utf8'), dumpText);
		// Without the gate the values are there: the check above is not empty.
		const open = runCli(['export', '--format', 'jsonl', '--allow-findings', realDump]).stdout;
		const values = [...byLine.values()].flat();
		assert.ok(values.every((v) => open.includes(JSON.stringify(v).slice(1, -1))));
	});

	it('exports exact duplicates once, the first copy, and says which copy each left-out one repeats', () => {
		mkdirSync(at('dumps'));
		copyFileSync(realDump, at('dumps/a.md'));
		copyFileSync(realDump, at('dumps/b.md'));
		const result = runCli(['export', '--format', 'sharegpt', '--allow-findings', '--out', 'out/set.jsonl', 'dumps'], { cwd: dir.path });
		assert.equal(result.code, 2, 'out/ does not exist');
		mkdirSync(at('out'));
		assert.equal(runCli(['export', '--format', 'sharegpt', '--allow-findings', '--out', 'out/set.jsonl', 'dumps'], { cwd: dir.path }).code, 0);
		const manifest = readJson<Manifest>(at('out/manifest.json'));
		assert.equal(manifest.counts.exported, 110);
		assert.deepEqual(manifest.withheld.byReason, { 'no-staff-answer': 8, duplicate: 110 });
		const copies = manifest.withheld.tickets.filter((t) => t.reasons[0].reason === 'duplicate');
		assert.ok(copies.every((t) => t.file === 'dumps/b.md' && t.reasons[0].of === `dumps/a.md:${t.line}`));
		assert.deepEqual(
			manifest.inputs.map((i) => [i.file, i.tickets]),
			[
				['dumps/a.md', 114],
				['dumps/b.md', 114],
			],
		);
		assert.equal(manifest.gate.allowFindings, true);
	});

	it('--split keeps near copies planted across files in one split, stratified by product, and says the largest cross-split similarity', () => {
		mkdirSync(at('dumps'));
		// Three files of perturbed copies of the real dump's tickets (digits changed): copy k of a ticket is a near copy of the others.
		for (let part = 1; part <= 3; part++) writeFileSync(at(`dumps/part${part}.md`), generateDump({ tickets: 114, seed: part, part }));
		const result = runCli(['export', '-f', 'chat', '--mask', '--with-meta', '--split', '80,10,10', '--seed', '7', '--out', 'set', 'dumps'], { cwd: dir.path });
		assert.equal(result.code, 0, result.stderr);
		assert.deepEqual(readdirSync(at('set')).sort(), ['manifest.json', 'test.jsonl', 'train.jsonl', 'validation.jsonl']);
		const texts = new Map([1, 2, 3].map((p) => [`dumps/part${p}.md`, scanFile(readFileSync(at(`dumps/part${p}.md`), 'utf8')).chunks]));
		const records = ['train', 'validation', 'test'].flatMap((split) =>
			lines(readFileSync(at(`set/${split}.jsonl`), 'utf8')).map((l) => {
				const meta = (JSON.parse(l) as { meta: { file: string; line: number; category: string } }).meta;
				const chunk = texts.get(meta.file)!.find((c) => c.startLine + 1 === meta.line)!;
				return { split, product: meta.category.split('｜')[0], print: ticketPrint(chunk.text) };
			}),
		);
		const manifest = readJson<Manifest>(at('set/manifest.json'));
		assert.equal(records.length, manifest.counts.exported);
		assert.deepEqual(manifest.counts.bySplit, Object.fromEntries(['train', 'validation', 'test'].map((s) => [s, records.filter((r) => r.split === s).length])));
		let crossed = 0;
		let largest = 0;
		let together = 0;
		for (let i = 0; i < records.length; i++)
			for (let j = i + 1; j < records.length; j++) {
				const s = similarity(records[i].print.signature, records[j].print.signature);
				if (records[i].split === records[j].split) {
					if (s >= defaultDuplicateThreshold) together++;
					continue;
				}
				largest = Math.max(largest, s);
				if (s >= defaultDuplicateThreshold) crossed++;
			}
		assert.ok(together > 100, `near copies planted: ${together}`);
		assert.equal(crossed, 0, 'no near copies across splits');
		assert.equal(manifest.split!.threshold, defaultDuplicateThreshold);
		assert.ok(largest < defaultDuplicateThreshold && manifest.split!.largestCrossSimilarity > 0.3, `${largest} ${manifest.split!.largestCrossSimilarity}`);
		assert.ok(manifest.split!.largestCrossSimilarity < defaultDuplicateThreshold);
		// Near copies grouped: far fewer groups than records; each big product in more than one split.
		assert.ok(manifest.split!.groups < records.length * 0.75, `${manifest.split!.groups} groups`);
		const big = Object.entries(manifest.counts.byProduct).filter(([, n]) => n >= 30);
		assert.ok(big.length > 0);
		for (const [product] of big) assert.ok(new Set(records.filter((r) => r.product === product).map((r) => r.split)).size > 1, product);
		assert.ok(manifest.counts.bySplit.train > manifest.counts.bySplit.validation && manifest.counts.bySplit.validation > 0 && manifest.counts.bySplit.test > 0);
	});

	it('gives byte-identical files for the same input, options and seed', () => {
		mkdirSync(at('dumps'));
		copyFileSync(realDump, at('dumps/a.md'));
		writeFileSync(at('dumps/b.md'), generateDump({ tickets: 60, seed: 3, part: 2 }));
		const run = (out: string) => {
			const result = runCli(['export', '-f', 'alpaca', '--mask', '--split', '80,10,10', '--seed', '3', '--system', 'S', '--out', out, 'dumps'], {
				cwd: dir.path,
			});
			assert.equal(result.code, 0, result.stderr);
			return Object.fromEntries(readdirSync(at(out)).map((name) => [name, readFileSync(at(`${out}/${name}`))]));
		};
		const first = run('one');
		const second = run('two');
		assert.deepEqual(Object.keys(first).sort(), ['manifest.json', 'test.jsonl', 'train.jsonl', 'validation.jsonl']);
		for (const name of Object.keys(first)) assert.ok(first[name].equals(second[name]), name);
		const manifest = JSON.parse(first['manifest.json'].toString()) as Manifest;
		assert.equal(manifest.inputs[0].sha256, createHash('sha256').update(readFileSync(realDump)).digest('hex'));
		// Another seed, another split.
		const other = runCli(['export', '-f', 'alpaca', '--mask', '--split', '80,10,10', '--seed', '4', '--out', 'three', 'dumps'], { cwd: dir.path });
		assert.equal(other.code, 0, other.stderr);
		assert.ok(!readFileSync(at('three/test.jsonl')).equals(first['test.jsonl']));
	});

	it('gives the same bytes on worker threads as on one (--jobs), each dump under its own configuration', () => {
		mkdirSync(at('dumps'));
		mkdirSync(at('strict'));
		copyFileSync(realDump, at('dumps/a.md'));
		for (let part = 1; part <= 3; part++) writeFileSync(at(`dumps/part${part}.md`), generateDump({ tickets: 80, seed: part, part }));
		// Exact copies of a.md after it (dropped, naming a.md), and a folder whose configuration makes a rule an error.
		copyFileSync(realDump, at('strict/copy.md'));
		writeFileSync(at('strict/.ticketcurator.json'), '{ "rules": { "duplicate-title": "error" } }\n');
		const run = (jobs: string, out: string) => {
			const result = runCli(['export', '-f', 'chat', '--with-meta', '--split', '80,10,10', '--jobs', jobs, '--out', out, 'dumps', 'strict'], { cwd: dir.path });
			assert.equal(result.code, 0, result.stderr);
			return Object.fromEntries(readdirSync(at(out)).map((name) => [name, readFileSync(at(`${out}/${name}`))]));
		};
		const one = run('1', 'one');
		const three = run('3', 'three');
		for (const name of Object.keys(one)) assert.ok(one[name].equals(three[name]), name);
		const manifest = JSON.parse(one['manifest.json'].toString()) as Manifest;
		assert.equal(manifest.inputs.length, 5);
		const strict = manifest.withheld.tickets.filter((t) => t.file === 'strict/copy.md');
		// The copy's tickets that use a title twice are errors there; the others are duplicates of a.md.
		assert.ok(strict.some((t) => t.reasons.some((r) => r.reason === 'error-finding' && r.codes?.includes('duplicate-title'))));
		assert.ok(strict.some((t) => t.reasons.some((r) => r.reason === 'duplicate' && r.of?.startsWith('dumps/a.md:'))));
		assert.ok(!manifest.withheld.tickets.some((t) => t.file !== 'strict/copy.md' && t.reasons.some((r) => r.codes?.includes('duplicate-title'))));
		assert.equal(runCli(['export', '--jobs', '0', realDump]).stderr, 'tickets: --jobs needs a whole number of 1 or more, not `0`\n');
	});

	it('says what is wrong with --split and --system', () => {
		assert.equal(runCli(['export', '--split', '80,10,10', realDump]).stderr, 'tickets: --split writes one file per split: give the folder with --out\n');
		assert.equal(
			runCli(['export', '--split', '80,x,10', '--out', at('s'), realDump]).stderr,
			'tickets: --split needs three shares for train, validation and test, such as 80,10,10, not `80,x,10`\n',
		);
		const missing = runCli(['export', '-f', 'chat', '--system', '@nowhere.txt', realDump], { cwd: dir.path });
		assert.equal(missing.code, 2);
		assert.equal(missing.stderr, 'tickets: cannot read the system message from nowhere.txt (ENOENT)\n');
		writeFileSync(at('system.txt'), '你是技术支持。\n');
		const withFile = runCli(['export', '-f', 'chat', '--allow-findings', '--system', '@system.txt', realDump], { cwd: dir.path });
		assert.deepEqual((JSON.parse(lines(withFile.stdout)[0]) as { messages: { role: string; content: string }[] }).messages[0], {
			role: 'system',
			content: '你是技术支持。',
		});
	});

	it('--progress reports on standard error when it is not a terminal', () => {
		const result = runCli(['export', '-f', 'chat', '--allow-findings', '--progress', '--split', '8,1,1', '--out', at('p'), realDump]);
		assert.equal(result.code, 0, result.stderr);
		assert.match(result.stderr, /tickets: export: 114 tickets read from 1 file\(s\)\n/);
		assert.match(result.stderr, /tickets: export: splitting…\n/);
	});
});
