import { strict as assert } from 'node:assert';
import { createTicketService } from '../../../server/src/service/index';
import { defectText, realDumpText, textDocument } from '../../support/fixtures';
import { checkFix, fixFor, replaceOnce } from '../../support/edits';

describe('fixes/rewriteAnswers', () => {
	it('rewrites 客服解答 as the numbered staff turns', () => {
		const text = defectText('answers-mismatch.md');
		const action = fixFor(text, 'answers-mismatch', /Rewrite 客服解答 from the dialog's staff turns/, undefined, 17);
		checkFix(text, action, replaceOnce(text, '1. 您好，请提供解析记录的截图', '1. 您好，您的解析配置如何配置的，截图看下呢'));
	});

	it('drops an answer the dialog does not have', () => {
		const text = defectText('answers-mismatch.md');
		const action = fixFor(text, 'answers-mismatch', /Rewrite/, undefined, 39);
		const after = checkFix(text, action, replaceOnce(text, '2. 已经部署完成\n\n3. 还有问题请随时联系', '2. 已经部署完成'));
		const second = createTicketService()
			.validate(textDocument(after))!
			.filter((d) => d.code === 'answers-mismatch' && d.range.start.line >= 30);
		assert.deepEqual(second, []);
	});

	it('indents a multi-line turn under its item', () => {
		const base = defectText('answers-mismatch.md');
		const text = replaceOnce(base, '**客服**：已经部署完成', '**客服**：已经部署完成\n<!DOCTYPE html>\n# 不是标题');
		const action = fixFor(text, 'answers-mismatch', /Rewrite/, undefined, 39);
		checkFix(text, action, replaceOnce(text, '2. 已经部署完成\n\n3. 还有问题请随时联系', '2. 已经部署完成\n   <!DOCTYPE html>\n   # 不是标题'));
	});

	it('on the real dump: a leak in 客服解答 offers the rewrite, which takes the masked staff turns (ticket 1)', () => {
		const text = realDumpText();
		const service = createTicketService();
		const action = fixFor(text, 'redaction-leak', /Rewrite 客服解答 from the dialog's staff turns/, service, 21);
		const expected = replaceOnce(
			replaceOnce(
				text,
				'3. 您好，默认是4mb为一片的，所以一直都是一片的，您这边使用一下这个demo上传吧https://github.com/qiniu/java-sdk/blob/master/examples/upload.java',
				'3. 您好，默认是4mb为一片的，所以一直都是一片的，您这边使用一下这个demo上传吧https://github.com/***',
			),
			'5. 您好，分片上传v2java sdk提供了demo，您可以测试下呢：https://github.com/qiniu/java-sdk/blob/master/examples/upload_v2_api.java',
			'5. 您好，分片上传v2java sdk提供了demo，您可以测试下呢：https://github.com/***',
		);
		const after = checkFix(text, action, expected, service);
		const doc = service.parse(textDocument(after));
		const leaksInFirst = service.validate(textDocument(after))!.filter((d) => d.code === 'redaction-leak' && doc.ticketAtLine(d.range.start.line) === 0);
		assert.deepEqual(leaksInFirst, []);
	});

	it('is not offered for a leak outside 客服解答', () => {
		const text = realDumpText();
		const diagnostic = createTicketService()
			.validate(textDocument(text))!
			.find((d) => d.code === 'pii-ip')!;
		const titles = createTicketService()
			.codeActions(textDocument(text), { range: diagnostic.range, only: ['quickfix'] })
			.map((a) => a.title);
		assert.deepEqual(titles, ['Mask as `101.132.*.*`', 'Mask all 4 `pii-ip` findings in this file']);
	});
});
