/** `tickets export`: one record per ticket with its fields and its dialog, as JSON Lines or CSV. */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { realDump, runCli, tempDir } from './runCli';

interface Row {
	file: string;
	line: number;
	index: number;
	title: string;
	product: string;
	subcategory: string;
	category: string;
	description: string;
	answers: string[];
	rootCause: string;
	dialog: { speaker: string; text: string }[];
}

const fields = ['file', 'line', 'index', 'title', 'product', 'subcategory', 'category', 'description', 'answers', 'rootCause', 'dialog'];

/** RFC 4180 rows (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (c === '"') quoted = false;
			else cell += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') {
			row.push(cell);
			cell = '';
		} else if (c === '\r' && text[i + 1] === '\n') {
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
			i++;
		} else cell += c;
	}
	return rows;
}

describe('tickets export', () => {
	it('writes the real dump as 114 JSON lines with every field and the dialog as {speaker, text}', () => {
		const result = runCli(['export', '--format', 'jsonl', '--allow-findings', 'test/fixtures/corpus']);
		assert.equal(result.code, 0, result.stderr);
		const lines = result.stdout.split('\n').filter(Boolean);
		assert.equal(lines.length, 114);
		const rows = lines.map((l) => JSON.parse(l) as Row);
		for (const row of rows) assert.deepEqual(Object.keys(row), fields);
		assert.deepEqual(
			rows.map((r) => r.index),
			Array.from({ length: 114 }, (_, i) => i + 1),
		);
		const first = rows[0];
		assert.equal(first.file, 'test/fixtures/corpus/000_8bbabfb939ae27d4.txt');
		assert.equal(first.line, 7);
		assert.equal(first.title, '一直返回同一个uploadId，并且提示{"error":"no such uploadId"}');
		assert.equal(first.category, '对象存储｜上传下载');
		assert.equal(first.rootCause, '认证凭证或权限配置问题');
		assert.equal(first.answers.length, 5);
		// The text as written (this one holds a U+00A0: export changes nothing).
		const firstTurn = readFileSync(realDump, 'utf8').split('\n')[32];
		assert.ok(firstTurn.startsWith('**客户**：') && firstTurn.includes('\u00a0'));
		assert.deepEqual(first.dialog[0], { speaker: 'customer', text: firstTurn.slice('**客户**：'.length) });
		assert.deepEqual(first.dialog.map((t) => t.speaker).slice(0, 4), ['customer', 'customer', 'staff', 'customer']);
		assert.ok(rows.every((r) => r.dialog.every((t) => t.speaker === 'customer' || t.speaker === 'staff')));
		// Four tickets have no 客服解答 (docs/TICKET-FORMAT.md); every ticket has a dialog and a root cause.
		assert.equal(rows.filter((r) => r.answers.length === 0).length, 4);
		assert.ok(rows.every((r) => r.dialog.length > 0 && r.rootCause && r.description));
		// A multi-line turn keeps its continuation lines.
		assert.ok(rows.some((r) => r.dialog.some((t) => t.text.includes('\n'))));
	});

	it('writes CSV with a header, one row per ticket, and the lists as JSON cells', () => {
		const dir = tempDir();
		try {
			const out = join(dir.path, 'tickets.csv');
			const result = runCli(['export', '-f', 'csv', '--allow-findings', '--out', out, realDump]);
			assert.equal(result.code, 0, result.stderr);
			assert.equal(result.stdout, '');
			assert.ok(!existsSync(`${out}.partial`));
			const rows = parseCsv(readFileSync(out, 'utf8'));
			assert.deepEqual(rows[0], fields);
			assert.equal(rows.length, 115);
			const jsonl = runCli(['export', '--allow-findings', realDump])
				.stdout.split('\n')
				.filter(Boolean)
				.map((l) => JSON.parse(l) as Row);
			for (let i = 0; i < jsonl.length; i++) {
				const cells = rows[i + 1];
				assert.equal(cells[3], jsonl[i].title);
				assert.equal(cells[7], jsonl[i].description);
				assert.deepEqual(JSON.parse(cells[10]), jsonl[i].dialog);
			}
		} finally {
			dir.remove();
		}
	});

	it('says so when the output file cannot be written', () => {
		const result = runCli(['export', '--out', '/nonexistent-folder/out.jsonl', realDump]);
		assert.equal(result.code, 2);
		assert.match(result.stderr, /^tickets: cannot write \/nonexistent-folder\/out\.jsonl \(ENOENT\)\n$/);
	});
});
