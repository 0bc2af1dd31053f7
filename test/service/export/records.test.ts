/** A ticket as plain data: the fields and the dialog turns, as the CLI exports them. */
import { strict as assert } from 'node:assert';
import { createTicketService } from '../../../server/src/service/index';
import { ticketRecords } from '../../../server/src/service/export/records';
import { realDumpPath, fileDocument, textDocument } from '../../support/fixtures';

describe('records', () => {
	const service = createTicketService();

	it('reads every ticket of the real dump with its fields', () => {
		const records = ticketRecords(service.parse(fileDocument(realDumpPath)));
		assert.equal(records.length, 114);
		assert.deepEqual(
			records.map((r) => r.ordinal),
			Array.from({ length: 114 }, (_, i) => i),
		);
		const first = records[0];
		assert.equal(first.startLine, 6);
		assert.equal(first.product, '对象存储');
		assert.equal(first.subcategory, '上传下载');
		assert.equal(first.rootCause, '认证凭证或权限配置问题');
		assert.equal(first.answers[1], '您好，您这边是上传多大的文件呢？');
		assert.equal(first.dialog.length, 13);
		assert.deepEqual(first.dialog[first.dialog.length - 1], { speaker: 'customer', text: '谢谢，我再看看' });
		assert.equal(records.filter((r) => !r.answers.length).length, 4);
		assert.ok(
			records.every((r) => r.dialog[0].speaker === 'customer'),
			'the dialog always starts with a customer turn',
		);
	});

	it('keeps what is missing empty and names an unknown speaker as written', () => {
		const text = [
			'# 工单',
			'',
			'---',
			'',
			'## 无分类',
			'',
			'### 问题描述',
			'',
			'问题',
			'',
			'### 完整对话记录',
			'',
			'**客户**：你好',
			'',
			'**经理**：稍等',
			'',
			'---',
			'',
		].join('\n');
		const [record] = ticketRecords(service.parse(textDocument(text)));
		assert.equal(record.product, '');
		assert.equal(record.subcategory, '');
		assert.equal(record.rootCause, '');
		assert.deepEqual(record.answers, []);
		assert.equal(record.description, '问题');
		assert.deepEqual(record.dialog, [
			{ speaker: 'customer', text: '你好' },
			{ speaker: '经理', text: '稍等' },
		]);
	});
});
