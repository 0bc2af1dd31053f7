/**
 * The line reader of plain tickets' blocks (blocks.ts) against remark, the reference: wherever it
 * reads a ticket instead of giving up, the parse built on its blocks is the parse built on remark's.
 * Checked on every ticket of the real dump and the defect fixtures, on a generated 400 KB dump, on
 * random edits of the real dump and on random tickets made of the lines that decide block structure.
 */
import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { generateDump } from '../../../bench/corpus';
import { readPlainBlocks } from '../../../server/src/service/document/blocks';
import { chineseLabels } from '../../../server/src/service/config/labels';
import { parseMarkdown } from '../../../server/src/service/document/markdown';
import { parseTicket } from '../../../server/src/service/document/parseTicket';
import { scanFile } from '../../../server/src/service/document/scan';
import { defectsDir, readText, realDumpText } from '../../support/fixtures';
import { editedDump, fuzzRuns, fuzzSeed } from '../../support/mutations';

const runs = fuzzRuns(300);

/** Whether the line reader took the ticket; when it did, its parse must be remark's. */
function agrees(text: string): boolean {
	if (!readPlainBlocks(text)) return false;
	assert.deepEqual(parseTicket(text, chineseLabels), parseTicket(text, chineseLabels, parseMarkdown(text)), JSON.stringify(text.slice(0, 300)));
	return true;
}

/** Lines that decide CommonMark block structure, in the shapes the reader handles and the ones it leaves to remark. */
const blockLines = [
	'',
	' ',
	'text',
	'  text',
	'    code',
	'1. a',
	'2. b',
	'1) c',
	' 1. d',
	'10.  e',
	'1.',
	'2.',
	'1.5',
	'3)号',
	'- x',
	'-',
	'--',
	'---',
	'===',
	'***',
	'* * *',
	'### 客服解答',
	'### 完整对话记录',
	'#x',
	'[a]: b',
	'[图片]',
	'> q',
	'<div>',
	'```',
	'\ttab',
	'1.\tx',
	'1.     five',
	'1. \tx',
	'lazy',
	'   cont',
	'  two',
	'**客户**：x',
	'**客服**：y',
	'\u00a0',
	'a  ',
	'3) x',
	'#',
	'1. [x]: y',
	'   ### nested',
	'   - nested',
	'    1. four',
	'_ _ _',
	'+ plus',
	'+86',
	'12345678901. x',
];
const blockTicket = fc
	.tuple(
		fc.array(fc.constantFrom(...blockLines), { maxLength: 14 }),
		fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 15, maxLength: 15 }),
		fc.boolean(),
	)
	.map(([lines, breaks, last]) => ['## 标题', ...lines].map((line, i) => line + (i < lines.length || last ? breaks[i] : '')).join(''));

describe('blocks (plain tickets read without remark)', () => {
	it('reads all but a few tickets of the real dump, the defect fixtures and a generated 400 KB dump, as remark does', () => {
		const texts = [realDumpText(), ...readdirSync(defectsDir).map((f) => readText(join(defectsDir, f))), generateDump({ bytes: 400 * 1024, seed: 3 })];
		let read = 0;
		let all = 0;
		for (const text of texts) {
			for (const chunk of scanFile(text).chunks) {
				all++;
				if (agrees(chunk.text)) read++;
			}
		}
		assert.ok(read / all > 0.95, `${read} of ${all} read by lines`);
	});

	it('gives up on what only remark reads: HTML, fences, quotes, bullets, indented code, a BOM', () => {
		const ticket = (line: string) => `## 标题\n\n${line}\n\n---\n`;
		for (const line of ['<!DOCTYPE html>', '```js', '> 引用', '- 列表', '    code', '\tx', '[a]: http://x'])
			assert.equal(readPlainBlocks(ticket(line)), undefined, line);
		assert.equal(readPlainBlocks(`\ufeff${ticket('x')}`), undefined);
		assert.equal(readPlainBlocks('not a ticket'), undefined);
		assert.ok(readPlainBlocks(ticket('**客户**：你好')));
	});

	it('agrees with remark on random edits of the real dump (fast-check, fixed seed)', () => {
		const dump = realDumpText();
		fc.assert(
			fc.property(editedDump(dump), ({ text }) => {
				for (const chunk of scanFile(text).chunks) if (chunk.text.length < 20_000) agrees(chunk.text);
			}),
			{ seed: fuzzSeed(11), numRuns: runs },
		);
	});

	it('agrees with remark on random tickets of block-deciding lines and line breaks (fast-check, fixed seed)', () => {
		let read = 0;
		fc.assert(
			fc.property(blockTicket, (text) => {
				if (agrees(text)) read++;
			}),
			{ seed: fuzzSeed(5), numRuns: runs * 10 },
		);
		assert.ok(read > runs / 2, `only ${read} read by lines`);
	});
});
