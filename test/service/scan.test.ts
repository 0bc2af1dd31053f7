/** The line scan that splits a dump into its header and one chunk per ticket, without parsing Markdown. */
import { strict as assert } from 'node:assert';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Heading } from 'mdast';
import { isH2Line, scanFile } from '../../server/src/service/scan';
import { defectText, realDumpText } from '../support/fixtures';

describe('scan', () => {
	it('splits the real dump into 114 tickets at its H2 lines, the header before them', () => {
		const text = realDumpText();
		const scan = scanFile(text);
		assert.equal(scan.chunks.length, 114);
		assert.equal(scan.headerEndLine, 6);
		assert.equal(scan.chunks[0].startLine, 6);
		assert.equal(scan.chunks[1].startLine, 60);
		assert.equal(scan.chunks[113].endLine, scan.index.lineCount);
		// The chunks tile the file: header + chunks = the whole text, each chunk ends where the next starts.
		assert.equal(text.slice(0, scan.chunks[0].startOffset) + scan.chunks.map((c) => c.text).join(''), text);
		for (let i = 0; i < scan.chunks.length; i++) {
			const chunk = scan.chunks[i];
			assert.ok(chunk.text.startsWith('## '), `chunk ${i} starts at its title`);
			assert.equal(chunk.text, text.slice(chunk.startOffset, chunk.endOffset));
			assert.equal(chunk.startOffset, scan.index.lineStart(chunk.startLine));
			if (i + 1 < scan.chunks.length) assert.equal(chunk.endLine, scan.chunks[i + 1].startLine);
		}
	});

	it('finds the same H2 lines as a CommonMark parse of the whole file', () => {
		const text = realDumpText();
		const tree = unified().use(remarkParse).parse(text);
		const h2 = tree.children.filter((n): n is Heading => n.type === 'heading' && n.depth === 2).map((n) => n.position!.start.line - 1);
		assert.deepEqual(
			scanFile(text).chunks.map((c) => c.startLine),
			h2,
		);
	});

	it('takes ATX H2 lines only: up to three spaces of indent, a space or the end after ##', () => {
		for (const line of ['## 标题', '##', '## ', '   ## 标题', '##\t标题']) assert.equal(isH2Line(line), true, line);
		for (const line of ['    ## code', '##标题', '### 问题描述', '# 标题', '标题', ' #', '#### x']) assert.equal(isH2Line(line), false, line);
		const scan = scanFile('# T\n\n   ## 一\n\n    ## 代码\n##二\n## 三\n');
		assert.deepEqual(
			scan.chunks.map((c) => c.startLine),
			[2, 6],
		);
	});

	it('handles a BOM, CRLF and lone CR line breaks alike', () => {
		const lf = defectText('clean.md');
		const lines = scanFile(lf).chunks.map((c) => [c.startLine, c.endLine]);
		assert.deepEqual(lines, [
			[6, 30],
			[30, 56],
			[56, 75],
		]);
		for (const variant of [lf.replace(/\n/g, '\r\n'), lf.replace(/\n/g, '\r'), `\uFEFF${lf}`]) {
			assert.deepEqual(
				scanFile(variant).chunks.map((c) => [c.startLine, c.endLine]),
				lines,
			);
		}
		// A ticket on the very first line, behind a BOM.
		assert.deepEqual(
			scanFile('\uFEFF## 一\n\n## 二').chunks.map((c) => c.startLine),
			[0, 2],
		);
	});

	it('gives a file without tickets an all-header scan', () => {
		const scan = scanFile('# 标题\n\n本文档包含 0 个结构化技术支持问答记录\n');
		assert.deepEqual(scan.chunks, []);
		assert.equal(scan.headerEndLine, 4);
		assert.deepEqual(scanFile('').chunks, []);
	});
});
