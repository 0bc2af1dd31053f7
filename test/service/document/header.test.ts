/** The file header: H1 titles, the declared ticket count and the `---` before the first ticket. */
import { strict as assert } from 'node:assert';
import type { Range } from 'vscode-languageserver-types';
import { readHeader } from '../../../server/src/service/document/header';
import { chineseLabels } from '../../../server/src/service/config/labels';
import { LineIndex } from '../../../server/src/service/document/positions';
import { scanFile } from '../../../server/src/service/document/scan';
import { realDumpText } from '../../support/fixtures';

const at = (r: Range) => [r.start.line, r.start.character, r.end.line, r.end.character];

function header(text: string, labels = chineseLabels) {
	const index = new LineIndex(text);
	return readHeader(index, scanFile(text, index).headerEndLine, labels);
}

describe('header', () => {
	it('reads the real dump: one title, 114 declared, one separator', () => {
		const h = header(realDumpText());
		assert.deepEqual(
			h.titles.map((t) => [t.text, at(t.range)]),
			[['技术支持工单数据 - Part 40', [0, 2, 0, 20]]],
		);
		assert.equal(h.declaredCount?.value, 114);
		assert.deepEqual(at(h.declaredCount!.number.range), [2, 6, 2, 9]);
		assert.deepEqual(at(h.declaredCount!.line), [2, 0, 2, 22]);
		assert.deepEqual(h.separators.map(at), [[4, 0, 4, 3]]);
		assert.equal(h.endLine, 6);
	});

	it('finds no declared count with a configured pattern whose group 1 did not take part (the settings check says so)', () => {
		const h = header('# 标题\n\nThis file contains tickets\n\n---\n\n## 一\n', { ...chineseLabels, declaredCount: 'contains (\\d+)? ?tickets' });
		assert.equal(h.declaredCount, undefined);
	});

	it('counts a BOM as one UTF-16 unit of the first line', () => {
		const h = header('\uFEFF# 标题\n\n本文档包含 3 个结构化技术支持问答记录\n\n---\n\n## 一\n');
		assert.deepEqual(at(h.titles[0].range), [0, 3, 0, 5]);
		assert.equal(h.titles[0].text, '标题');
	});

	it('reads every H1, closing hashes stripped, and an empty one', () => {
		const h = header('# 一 #\n#\n  # 三\n本文档包含12个\n***\n- - -\n## t\n');
		assert.deepEqual(
			h.titles.map((t) => [t.text, at(t.range)]),
			[
				['一', [0, 2, 0, 3]],
				['', [1, 0, 1, 1]],
				['三', [2, 4, 2, 5]],
			],
		);
		assert.equal(h.declaredCount?.value, 12, 'the count may be written without spaces');
		assert.deepEqual(
			h.separators.map((r) => r.start.line),
			[4, 5],
			'any thematic break',
		);
	});

	it('has no count and no separator when they are missing; only the first count line counts', () => {
		const h = header('# 标题\n\n说明文字\n\n## t\n');
		assert.equal(h.declaredCount, undefined);
		assert.deepEqual(h.separators, []);
		assert.equal(header('本文档包含 3 个\n本文档包含 4 个\n').declaredCount?.value, 3);
	});

	it('reads the count with the configured pattern', () => {
		const labels = { ...chineseLabels, declaredCount: 'This file holds (\\d+) records' };
		const h = header('# Part 1\n\nThis file holds 7 records\n\n---\n', labels);
		assert.equal(h.declaredCount?.value, 7);
		assert.deepEqual(at(h.declaredCount!.number.range), [2, 16, 2, 17]);
	});
});
