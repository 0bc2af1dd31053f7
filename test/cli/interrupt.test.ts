/**
 * `tickets export` and `tickets fix` stopped by SIGTERM or SIGINT (Ctrl-C): they end by the signal,
 * as without a handler, and leave no `.partial` or `.tickets-fix` file; a fixed file is whole, old
 * or new. The signal is sent once the work is seen under way (the partial file appears, or the
 * first file is reported fixed), never after a fixed time.
 */
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, readdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDump } from '../../bench/corpus';
import { cliPath, ensureBuilt, realDump, tempDir } from './runCli';

/** The real dump (which needs no fix) with its declared count wrong: one fix. */
const realText = readFileSync(realDump, 'utf8');
const miscounted = realText.replace('本文档包含 114 个', '本文档包含 115 个');
const copies = 20;

function start(args: readonly string[], cwd: string): ChildProcess {
	ensureBuilt();
	return spawn(process.execPath, [cliPath, ...args], { cwd, env: { ...process.env, LANG: 'C', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
}

async function ended(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
	if (child.exitCode !== null || child.signalCode !== null) return { code: child.exitCode, signal: child.signalCode };
	const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
	return { code, signal };
}

describe('tickets export and fix, interrupted', function () {
	this.timeout(60_000);
	let dir: ReturnType<typeof tempDir>;
	/** Eight dumps of 1 MB: an export of them takes seconds. */
	let dumps: string[];
	const at = (name: string) => join(dir.path, name);
	before(() => (dumps = Array.from({ length: 8 }, (_, i) => generateDump({ bytes: 1024 * 1024, seed: i + 1, part: i + 1 }))));
	beforeEach(() => {
		dir = tempDir();
		mkdirSync(at('dumps'));
	});
	afterEach(() => dir.remove());

	for (const signal of ['SIGTERM', 'SIGINT'] as const)
		it(`export: ${signal} removes the partial output`, async () => {
			dumps.forEach((text, i) => writeFileSync(at(`dumps/part${i + 1}.md`), text));
			const watcher = watch(dir.path);
			const partial = new Promise<void>((resolve) => watcher.on('change', (_, name) => name === 'out.jsonl.partial' && resolve()));
			const child = start(['export', 'dumps', '--out', 'out.jsonl'], dir.path);
			let stderr = '';
			child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
			try {
				await partial;
			} finally {
				watcher.close();
			}
			child.kill(signal);
			const end = await ended(child);
			assert.equal(end.signal, signal, `ended by the signal (exit ${end.code}; ${stderr})`);
			assert.deepEqual(readdirSync(dir.path), ['dumps'], 'neither out.jsonl nor out.jsonl.partial');
		});

	it('fix: SIGTERM stops between two files, each whole, with no .tickets-fix left', async () => {
		assert.notEqual(miscounted, realText);
		const names = Array.from({ length: copies }, (_, i) => `part${String(i + 1).padStart(2, '0')}.md`);
		for (const name of names) writeFileSync(at(`dumps/${name}`), miscounted);
		const child = start(['fix', 'dumps'], dir.path);
		let stdout = '';
		await new Promise<void>((resolve) =>
			child.stdout!.on('data', (d: Buffer) => {
				stdout += d.toString();
				if (stdout.includes('\n')) resolve();
			}),
		);
		assert.equal(stdout.split('\n')[0], 'dumps/part01.md: 1 fix(es) applied');
		child.kill('SIGTERM');
		const end = await ended(child);
		assert.equal(end.signal, 'SIGTERM');
		assert.deepEqual(readdirSync(at('dumps')).sort(), [...names].sort(), 'no .tickets-fix left');
		const fixed = names.filter((name) => {
			const now = readFileSync(at(`dumps/${name}`), 'utf8');
			if (now === realText) return true;
			assert.equal(now, miscounted, `${name} is whole: fixed or as it was`);
			return false;
		});
		assert.ok(fixed.length >= 1 && fixed.length < copies, `stopped part-way (${fixed.length} of ${copies} fixed)`);
	});
});
