import { strict as assert } from 'node:assert';
import { copyPrint, isCopy } from '../../../server/src/service/duplicates/exactCopies';

const ticket = {
	title: '上传失败',
	description: '请求获取uploadId 但是每次返回的都是同一个，uploadId 是 671f6a43c0ffee',
	answers: '您好，请参考 https://github.com/qiniu/java-sdk/blob/master/examples/upload.java',
	dialog: '请求获取uploadId\n[图片]\n您好',
};

describe('copies (exact copies of a ticket)', () => {
	it('gives a copy that differs in whitespace, non-breaking spaces or image markers the same print', () => {
		const copy = { ...ticket, description: ` ${ticket.description.replace(/ /g, '\u00a0 ')} `, dialog: '请求获取uploadId\n您好' };
		assert.deepEqual(copyPrint(copy), copyPrint(ticket));
		assert.ok(isCopy(ticket, copy));
	});

	it('gives a masked copy the same skeleton but not the same text, and confirms it on the texts', () => {
		const masked = { ...ticket, description: ticket.description.replace('671f6a43c0ffee', '671f6a43***'), answers: '您好，请参考 https://github.com/***' };
		const a = copyPrint(ticket);
		const b = copyPrint(masked);
		assert.notEqual(a.exact, b.exact);
		assert.equal(a.skeleton, b.skeleton);
		assert.ok(isCopy(ticket, masked));
	});

	it('tells a different ticket from a copy', () => {
		const other = { ...ticket, description: ticket.description.replace('671f6a43c0ffee', 'ffffffffffffff') };
		assert.notEqual(copyPrint(other).skeleton, copyPrint(ticket).skeleton);
		assert.ok(!isCopy(ticket, other));
		// Different after the 8 characters a mask keeps: the skeleton cannot tell, the texts do.
		const late = { ...ticket, description: ticket.description.replace('671f6a43c0ffee', '671f6a43ffffff') };
		assert.equal(copyPrint(late).skeleton, copyPrint(ticket).skeleton);
		assert.ok(!isCopy(ticket, late));
		const reworded = { ...ticket, title: '下载失败' };
		assert.notEqual(copyPrint(reworded).skeleton, copyPrint(ticket).skeleton);
	});
});
