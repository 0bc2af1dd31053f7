/**
 * `tickets export` and the user's files: `--out` never replaces an input dump nor a folder, a full
 * disk is an error (exit 2) that leaves neither a short export nor a `.partial` file, and an
 * existing output stays as it was until a whole new one replaces it.
 */
import { strict as assert } from 'node:assert';
import { closeSync, copyFileSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { smallDisk } from '../support/smallDisk';
import { realDump, runCli, tempDir } from './runCli';

const dumpText = readFileSync(realDump, 'utf8');

describe('tickets export: the output file', () => {
	let dir: ReturnType<typeof tempDir>;
	const at = (name: string) => join(dir.path, name);
	beforeEach(() => {
		dir = tempDir();
		mkdirSync(at('dumps'));
		copyFileSync(realDump, at('dumps/part1.txt'));
	});
	afterEach(() => dir.remove());

	it('refuses --out naming one of the input dumps, which stays as it was', () => {
		for (const args of [
			['export', 'dumps', '--out', 'dumps/part1.txt'],
			['export', 'dumps/part1.txt', '-o', 'dumps/part1.txt'],
		]) {
			const result = runCli(args, { cwd: dir.path });
			assert.equal(result.code, 2, args.join(' '));
			assert.equal(result.stderr, 'tickets: --out dumps/part1.txt is one of the dumps to export; write to another file\n');
			assert.equal(readFileSync(at('dumps/part1.txt'), 'utf8'), dumpText);
			assert.deepEqual(readdirSync(at('dumps')), ['part1.txt']);
		}
	});

	it('writes over an earlier export among the inputs (a file, not a dump)', () => {
		for (let run = 0; run < 2; run++) {
			const result = runCli(['export', 'dumps', '--allow-findings', '--out', 'dumps/export.txt'], { cwd: dir.path });
			assert.equal(result.code, 0, result.stderr);
		}
		assert.equal(readFileSync(at('dumps/export.txt'), 'utf8').split('\n').filter(Boolean).length, 114);
		// The manifest goes next to the output.
		assert.deepEqual(readdirSync(at('dumps')).sort(), ['export.txt', 'manifest.json', 'part1.txt']);
	});

	it('refuses --out naming a folder, and leaves no partial file', () => {
		mkdirSync(at('out'));
		const result = runCli(['export', 'dumps', '--out', 'out'], { cwd: dir.path });
		assert.equal(result.code, 2);
		assert.equal(result.stderr, 'tickets: cannot write out: it is a folder; give a file name\n');
		assert.deepEqual(readdirSync(dir.path).sort(), ['dumps', 'out']);
		assert.deepEqual(readdirSync(at('out')), []);
	});

	it('on a full disk: exit 2, no partial file, and the earlier output kept whole', () => {
		// 200 KB of records for a 64 KB disk.
		const disk = smallDisk(64 * 1024);
		try {
			writeFileSync(join(disk.path, 'tickets.jsonl'), 'the earlier export\n');
			const result = runCli(['export', realDump, '--out', 'tickets.jsonl'], { cwd: disk.path, ...disk.runOptions });
			assert.equal(result.code, 2);
			assert.equal(result.stderr, `tickets: cannot write tickets.jsonl (${disk.error})\n`);
			assert.deepEqual(readdirSync(disk.path), ['tickets.jsonl']);
			assert.equal(readFileSync(join(disk.path, 'tickets.jsonl'), 'utf8'), 'the earlier export\n');
		} finally {
			disk.remove();
		}
	});

	it('says so in one line (exit 2) when the standard output is a full disk', () => {
		const full = openSync('/dev/full', 'w');
		try {
			const result = runCli(['export', realDump], { stdoutFd: full });
			assert.equal(result.code, 2);
			assert.equal(result.stderr, 'tickets: cannot write the standard output (ENOSPC)\n');
		} finally {
			closeSync(full);
		}
	});

	it('writes through a link given as --out, which stays a link', () => {
		mkdirSync(at('exports'));
		writeFileSync(at('exports/latest.jsonl'), 'old\n');
		symlinkSync('exports/latest.jsonl', at('latest.jsonl'));
		assert.equal(runCli(['export', 'dumps', '--allow-findings', '--out', 'latest.jsonl'], { cwd: dir.path }).code, 0);
		assert.ok(lstatSync(at('latest.jsonl')).isSymbolicLink());
		assert.equal(readFileSync(at('exports/latest.jsonl'), 'utf8').split('\n').filter(Boolean).length, 114);
		assert.ok(!existsSync(at('latest.jsonl.partial')) && !existsSync(at('exports/latest.jsonl.partial')));
	});
});
