/** `tickets similar`: the service's similar-ticket ranking over the dumps of the given paths. */
import { strict as assert } from 'node:assert';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { realDump, runCli, tempDir } from './runCli';

interface Row {
	file: string;
	line: number;
	title: string;
	category: string;
	score: number;
	matchedTerms: string[];
}

const dumpLines = readFileSync(realDump, 'utf8').split('\n');
const rel = 'test/fixtures/corpus/000_8bbabfb939ae27d4.txt';

function similar(args: string[], cwd?: string): Row[] {
	const result = runCli(['similar', '--json', ...args], { cwd });
	assert.equal(result.code, 0, result.stderr);
	return JSON.parse(result.stdout) as Row[];
}

describe('tickets similar', () => {
	it('finds tickets by typed words, best first, each pointing at its title line', () => {
		const rows = similar(['域名所有权验证', 'test/fixtures/corpus']);
		assert.equal(rows.length, 10);
		// The three tickets whose titles hold the words come first.
		assert.deepEqual(
			rows
				.slice(0, 3)
				.map((r) => r.line)
				.sort((a, b) => a - b),
			dumpLines.flatMap((l, i) => (/^## .*域名所有权验证/.test(l) ? [i + 1] : [])),
		);
		for (let i = 1; i < rows.length; i++) assert.ok(rows[i - 1].score >= rows[i].score);
		for (const r of rows) {
			assert.equal(r.file, rel);
			assert.equal(dumpLines[r.line - 1], `## ${r.title}`);
			assert.ok(r.matchedTerms.length > 0);
		}
	});

	it('queries by a ticket: not itself, not its exact copy elsewhere, its near copy first', () => {
		const dir = tempDir();
		try {
			copyFileSync(realDump, join(dir.path, 'part40.txt'));
			// Ticket 1 (line 7) twice more in another part: verbatim, and with a reworded title.
			const ticket = dumpLines.slice(6, 60).join('\n');
			const near = ticket.replace(/^## .*/, '## 分片上传一直返回同一个uploadId');
			writeFileSync(join(dir.path, 'part41.md'), `# 技术支持工单数据 - Part 41\n\n本文档包含 2 个结构化技术支持问答记录\n\n---\n\n${ticket}\n\n${near}\n`);
			const rows = similar(['--ticket', 'part40.txt:7', '--limit', '5', '.'], dir.path);
			assert.equal(rows.length, 5);
			assert.deepEqual([rows[0].file, rows[0].title], ['part41.md', '分片上传一直返回同一个uploadId']);
			assert.ok(!rows.some((r) => r.file === 'part40.txt' && r.line === 7), 'not the query ticket');
			assert.ok(!rows.some((r) => r.file === 'part41.md' && r.title.startsWith('一直返回同一个uploadId')), 'not its exact copy');
			// Any line of the ticket names it; --exclude-own-file keeps only other files.
			assert.deepEqual(similar(['--ticket', 'part40.txt:30', '--limit', '5', '.'], dir.path), rows);
			const others = similar(['--ticket', 'part40.txt:7', '--exclude-own-file', '.'], dir.path);
			assert.deepEqual(
				others.map((r) => r.file),
				['part41.md'],
			);
		} finally {
			dir.remove();
		}
	});

	it("keeps to the query ticket's product with --same-product", () => {
		const rows = similar(['--ticket', `${rel}:7`, '--same-product', '--limit', '20', 'test/fixtures/corpus']);
		assert.equal(rows.length, 20);
		assert.ok(
			rows.every((r) => r.category.startsWith('对象存储｜')),
			JSON.stringify(rows.map((r) => r.category)),
		);
	});

	it('prints a ranked table, and clear errors for a missing query or a bad ticket reference', () => {
		const table = runCli(['similar', '域名所有权验证', '--limit', '2', 'test/fixtures/corpus']);
		assert.match(table.stdout, /^\s*\d+\.\d\d {2}test\/fixtures\/corpus\/000_8bbabfb939ae27d4\.txt:\d+ {2}域名所有权验证\S* {2}\[[^\]]+\]\n\s+matched: /);
		const none = runCli(['similar']);
		assert.equal(none.code, 2);
		assert.match(none.stderr, /^tickets: give a text to search for, or --ticket FILE:LINE/);
		const badRef = runCli(['similar', '--ticket', rel, 'test/fixtures/corpus']);
		assert.equal(badRef.code, 2);
		assert.equal(badRef.stderr, `tickets: --ticket takes FILE:LINE, not \`${rel}\`\n`);
		const outside = runCli(['similar', '--ticket', `${rel}:99999`, 'test/fixtures/corpus']);
		assert.equal(outside.code, 2);
		assert.equal(outside.stderr, `tickets: no ticket at line 99999 of ${rel}\n`);
		const missing = runCli(['similar', '--ticket', 'nope.md:3', 'test/fixtures/corpus']);
		assert.equal(missing.code, 2);
		assert.match(missing.stderr, /^tickets: cannot read nope\.md \(ENOENT\)\n$/);
	});
});
