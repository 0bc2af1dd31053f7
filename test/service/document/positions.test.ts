/** The one place positions are converted: line index (LF, CRLF, lone CR), UTF-16 columns, remark points, shifts. */
import { strict as assert } from 'node:assert';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import {
	comparePositions,
	LineIndex,
	makeRange,
	offsetFromRemark,
	positionFromRemark,
	rangeContains,
	rangeContainsPosition,
	shiftRange,
} from '../../../server/src/service/document/positions';

describe('positions', () => {
	describe('LineIndex', () => {
		it('splits lines at LF, CRLF and a lone CR, mixed', () => {
			const index = new LineIndex('a\nbb\r\nccc\rdddd');
			assert.equal(index.lineCount, 4);
			assert.deepEqual(
				[0, 1, 2, 3].map((l) => index.lineText(l)),
				['a', 'bb', 'ccc', 'dddd'],
			);
			assert.deepEqual(
				[0, 1, 2, 3].map((l) => [index.lineStart(l), index.lineEnd(l)]),
				[
					[0, 1],
					[2, 4],
					[6, 9],
					[10, 14],
				],
			);
			assert.deepEqual(index.lineRange(1), makeRange(1, 0, 1, 2));
		});

		it('counts an empty text and a trailing break as lines', () => {
			assert.equal(new LineIndex('').lineCount, 1);
			const index = new LineIndex('a\r\n');
			assert.equal(index.lineCount, 2);
			assert.equal(index.lineText(1), '');
			assert.equal(new LineIndex('\r\r\n\n').lineCount, 4);
		});

		it('converts offsets and positions both ways, in UTF-16 code units', () => {
			const text = '😀标题\r\n第二行😀x\rz';
			const index = new LineIndex(text);
			for (let offset = 0; offset <= text.length; offset++) {
				const position = index.positionAt(offset);
				// Offsets inside a CRLF break belong to the line before it; everything else round-trips.
				if (text[offset - 1] === '\r' && text[offset] === '\n') continue;
				assert.equal(index.offsetAt(position), offset, `offset ${offset}`);
			}
			assert.deepEqual(index.positionAt(text.indexOf('x')), { line: 1, character: 5 }, 'the emoji counts two');
			assert.deepEqual(index.positionAt(text.indexOf('标')), { line: 0, character: 2 });
			assert.deepEqual(index.positionAt(text.length), { line: 2, character: 1 });
			assert.deepEqual(index.rangeAt(0, 2), makeRange(0, 0, 0, 2));
		});

		it('clamps what lies outside the text', () => {
			const index = new LineIndex('ab\ncd');
			assert.deepEqual(index.positionAt(-5), { line: 0, character: 0 });
			assert.deepEqual(index.positionAt(99), { line: 1, character: 2 });
			assert.equal(index.offsetAt({ line: 0, character: 99 }), 2, 'not past the line break');
			assert.equal(index.offsetAt({ line: 7, character: 0 }), 5);
			assert.equal(index.offsetAt({ line: -1, character: 3 }), 0);
			assert.equal(index.lineText(99), 'cd');
		});
	});

	describe('remark points', () => {
		it('map to the same LSP positions as the line index, with CRLF and surrogate pairs', () => {
			const text = '## 😀 标题\r\n\r\n**问题分类**: 😀｜上传\r\n';
			const index = new LineIndex(text);
			const tree = unified().use(remarkParse).parse(text);
			for (const node of tree.children) {
				const { start, end } = node.position!;
				assert.equal(offsetFromRemark(start, index), start.offset);
				assert.deepEqual(positionFromRemark(start, index), index.positionAt(start.offset!));
				assert.deepEqual(positionFromRemark(end, index), index.positionAt(end.offset!));
			}
			const paragraph = tree.children[1].position!;
			assert.deepEqual(positionFromRemark(paragraph.end, index), { line: 2, character: 15 });
		});

		it('fall back to line and column when a point has no offset', () => {
			const index = new LineIndex('ab\ncd');
			assert.deepEqual(positionFromRemark({ line: 2, column: 2 }, index), { line: 1, character: 1 });
			assert.equal(offsetFromRemark({ line: 2, column: 2 }, index), 4);
		});
	});

	describe('ranges', () => {
		it('shift by whole lines, keeping characters', () => {
			const range = makeRange(0, 3, 2, 5);
			assert.deepEqual(shiftRange(range, 10), makeRange(10, 3, 12, 5));
			assert.equal(shiftRange(range, 0), range);
		});

		it('compare and contain', () => {
			assert.ok(comparePositions({ line: 1, character: 9 }, { line: 2, character: 0 }) < 0);
			assert.equal(comparePositions({ line: 1, character: 2 }, { line: 1, character: 2 }), 0);
			assert.ok(rangeContains(makeRange(1, 0, 5, 0), makeRange(1, 0, 5, 0)));
			assert.ok(!rangeContains(makeRange(1, 1, 5, 0), makeRange(1, 0, 2, 0)));
			assert.ok(rangeContainsPosition(makeRange(1, 0, 1, 4), { line: 1, character: 4 }));
			assert.ok(!rangeContainsPosition(makeRange(1, 0, 1, 4), { line: 1, character: 5 }));
		});
	});
});
