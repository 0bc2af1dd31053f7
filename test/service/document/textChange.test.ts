/**
 * Rebuilding after an edit from the text alone (textChange.ts, LineIndex.afterChange, rescanFile):
 * what is rebuilt equals what a fresh build gives, for random edits of the real dump with CR, LF and
 * CRLF mixed in, titles added and removed, and edits at both ends.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { LineIndex } from '../../../server/src/service/document/positions';
import { rescanFile, scanFile } from '../../../server/src/service/document/scan';
import { textChange } from '../../../server/src/service/document/textChange';
import { realDumpText } from '../../support/fixtures';
import { applyMutation, editArbitrary, editedDump, fuzzRuns, fuzzSeed } from '../../support/mutations';

const runs = fuzzRuns(300);

/** The change as a character-by-character comparison finds it. */
function naiveChange(a: string, b: string) {
	let start = 0;
	while (start < a.length && start < b.length && a[start] === b[start]) start++;
	let end = 0;
	while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
	return { start, oldEnd: a.length - end, newEnd: b.length - end };
}

const lineStarts = (index: LineIndex) => Array.from({ length: index.lineCount }, (_, i) => index.lineStart(i));

describe('textChange and rebuilding after an edit', () => {
	it('finds the changed span, from identical texts to texts with nothing in common', () => {
		assert.deepEqual(textChange('abc', 'abc'), { start: 3, oldEnd: 3, newEnd: 3 });
		assert.deepEqual(textChange('', 'x'), { start: 0, oldEnd: 0, newEnd: 1 });
		assert.deepEqual(textChange('aXc', 'aYYc'), { start: 1, oldEnd: 2, newEnd: 3 });
		assert.deepEqual(textChange('abab', 'ab'), { start: 2, oldEnd: 4, newEnd: 2 });
		assert.deepEqual(textChange('xyz', 'abc'), { start: 0, oldEnd: 3, newEnd: 3 });
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), (a, b) =>
				assert.deepEqual(textChange(a, b), naiveChange(a, b)),
			),
			{ seed: fuzzSeed(3), numRuns: runs * 3 },
		);
	});

	it('indexes lines and scans tickets after random edits as a fresh build does (fast-check, fixed seed)', () => {
		const dump = realDumpText();
		fc.assert(
			fc.property(editedDump(dump, 3), fc.array(editArbitrary, { minLength: 1, maxLength: 3 }), ({ text: before }, edits) => {
				const after = edits.reduce((t, e) => applyMutation(t, e).text, before);
				const change = textChange(before, after);
				const index = LineIndex.afterChange(new LineIndex(before), after, change);
				assert.deepEqual(lineStarts(index), lineStarts(new LineIndex(after)));
				const rescanned = rescanFile(scanFile(before), after, index, change);
				const fresh = scanFile(after);
				assert.deepEqual(rescanned.chunks, fresh.chunks);
				assert.equal(rescanned.headerEndLine, fresh.headerEndLine);
				const previous = scanFile(before).chunks;
				for (let i = 0; i < rescanned.kept.front; i++) assert.equal(fresh.chunks[i].text, previous[i].text, `front chunk ${i} kept`);
				for (let i = 1; i <= rescanned.kept.back; i++) assert.equal(fresh.chunks.at(-i)!.text, previous.at(-i)!.text, `back chunk -${i} kept`);
			}),
			{ seed: fuzzSeed(13), numRuns: runs },
		);
	});

	it('scans fences and titles after an edit as a fresh scan does: fences opened, closed and left open (fast-check, fixed seed)', () => {
		// Few line kinds, so that fences, titles in fences and category lines meet often.
		const line = fc.constantFrom('## t', '## u', '**问题分类**: a｜b', '```', '```js', '~~~', '````', '``` a`b', '', 'x', '---', '**客户**：hi', '    ## code');
		const lines = fc.array(line, { maxLength: 30 });
		fc.assert(
			fc.property(lines, fc.nat(), fc.nat(), lines, (before, at, remove, inserted) => {
				const from = before.length ? at % (before.length + 1) : 0;
				const after = [...before.slice(0, from), ...inserted, ...before.slice(from + (remove % 4))];
				const [a, b] = [before.join('\n'), after.join('\n')];
				const change = textChange(a, b);
				const index = LineIndex.afterChange(new LineIndex(a), b, change);
				const rescanned = rescanFile(scanFile(a), b, index, change);
				assert.deepEqual(rescanned.chunks, scanFile(b).chunks, JSON.stringify([a, b]));
				const previous = scanFile(a).chunks;
				for (let i = 0; i < rescanned.kept.front; i++) assert.equal(rescanned.chunks[i].text, previous[i].text, `front chunk ${i} kept`);
				for (let i = 1; i <= rescanned.kept.back; i++) assert.equal(rescanned.chunks.at(-i)!.text, previous.at(-i)!.text, `back chunk -${i} kept`);
			}),
			{ seed: fuzzSeed(17), numRuns: runs * 3 },
		);
	});

	it('handles line breaks split by the change: CR then LF, and a break at either end', () => {
		const cases: [string, string][] = [
			['a\r\nb', 'a\rb'],
			['a\rb', 'a\r\nb'],
			['a\r', 'a\r\n'],
			['\nx', 'x'],
			['x\n', 'x'],
			['a\n## t\nb', 'a\n##t\nb'],
			['## a\r\n## b\r\n', '## a\r## b\r\n'],
		];
		for (const [before, after] of cases) {
			const change = textChange(before, after);
			const index = LineIndex.afterChange(new LineIndex(before), after, change);
			assert.deepEqual(lineStarts(index), lineStarts(new LineIndex(after)), JSON.stringify([before, after]));
			assert.deepEqual(rescanFile(scanFile(before), after, index, change).chunks, scanFile(after).chunks, JSON.stringify([before, after]));
		}
	});
});
