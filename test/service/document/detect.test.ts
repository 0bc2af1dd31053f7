/** Which texts are ticket dumps: by content, so ordinary Markdown (a README) gets nothing from us. */
import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { isTicketDump } from '../../../server/src/service/document/detect';
import { chineseLabels } from '../../../server/src/service/config/labels';
import { defectsDir, defectText, readText, readmePath, realDumpText } from '../../support/fixtures';

const dump = (text: string) => isTicketDump(text, chineseLabels);

describe('detect', () => {
	it('takes the real dump and every defect fixture for dumps', () => {
		assert.equal(dump(realDumpText()), true);
		for (const name of readdirSync(defectsDir)) assert.equal(dump(defectText(name)), true, name);
	});

	it('leaves the README next to the dump alone, though it shows a ticket in a code fence', () => {
		const readme = readText(readmePath);
		assert.match(readme, /\*\*问题分类\*\*/);
		assert.match(readme, /本文档包含 114 个/);
		assert.equal(dump(readme), false);
	});

	it('takes a dump by its header alone (a part being started) or by one category line alone', () => {
		assert.equal(dump('# 技术支持工单数据 - Part 41\n\n本文档包含 0 个结构化技术支持问答记录\n'), true);
		assert.equal(dump('\uFEFF# 标题\r\n\r\n本文档包含 3 个结构化技术支持问答记录\r\n'), true);
		assert.equal(dump('## 上传失败\n\n**问题分类**: 对象存储｜上传下载\n'), true);
		assert.equal(dump('## 上传失败\n\n**问题分类**： 对象存储｜上传下载\n'), true, 'a wrong colon is still a category line');
		assert.equal(dump('## 上传失败\r**问题分类**: 对象存储｜上传下载\r'), true, 'lone CR line breaks');
	});

	it('leaves ordinary Markdown and text alone', () => {
		assert.equal(dump(''), false);
		assert.equal(dump('# Notes\n\nSome text about 问题分类 and tickets.\n\n## Section\n'), false);
		assert.equal(dump('# 标题\n\n正文\n'), false, 'a title without the count line');
		assert.equal(dump('本文档包含 3 个部分\n'), false, 'the count line without a title');
		// The header must be at the top: a count line deep in a long document is prose.
		assert.equal(dump(`# 标题\n${'正文\n'.repeat(60)}本文档包含 3 个部分\n`), false);
	});

	it('ignores lines inside fenced code blocks (``` and ~~~, longer fences closing only on as long a fence)', () => {
		assert.equal(dump('# Format\n\n```\n**问题分类**: CDN｜配置问题\n```\n'), false);
		assert.equal(dump('# Format\n\n~~~md\n**问题分类**: CDN｜配置问题\n~~~\n'), false);
		assert.equal(dump('# Format\n\n````\n```\n**问题分类**: CDN｜配置问题\n````\n'), false);
		assert.equal(dump('# Format\n\n```\nexample\n```\n\n**问题分类**: CDN｜配置问题\n'), true, 'after the fence closes');
	});

	it('uses the configured labels', () => {
		const labels = { ...chineseLabels, categoryKey: 'Category' };
		assert.equal(isTicketDump('## t\n\n**Category**: Storage｜Upload\n', labels), true);
		assert.equal(isTicketDump('## t\n\n**问题分类**: 对象存储｜上传下载\n', labels), false);
	});
});
