import { strict as assert } from 'node:assert';
import { copyByPrints, copyPrint, isCopy, type CopyPrint } from '../../../server/src/service/duplicates/exactCopies';
import { digestTickets, type TicketFields } from '../../../server/src/service/document/ticketDigest';
import { defaultConfig } from '../../../server/src/service/index';
import { realDumpText } from '../../support/fixtures';

/** What the prints alone say of two tickets of equal skeleton. */
const byPrints = (a: CopyPrint, b: CopyPrint) => copyByPrints(a.fieldHashes, 0, a.unmasked, b.fieldHashes, 0, b.unmasked);

const ticket = {
	title: '上传失败',
	description: '请求获取uploadId 但是每次返回的都是同一个，uploadId 是 671f6a43c0ffee',
	answers: '您好，请参考 https://github.com/qiniu/java-sdk/blob/master/examples/upload.java',
	dialog: '请求获取uploadId\n[图片]\n您好',
};

describe('copies (exact copies of a ticket)', () => {
	it('gives a copy that differs in whitespace, non-breaking spaces or image markers the same print', () => {
		const copy = { ...ticket, description: ` ${ticket.description.replace(/ /g, '\u00a0 ')} `, dialog: '请求获取uploadId\n您好' };
		const [a, b] = [copyPrint(copy), copyPrint(ticket)];
		assert.deepEqual([a.exact, a.skeleton], [b.exact, b.skeleton]);
		assert.ok(isCopy(ticket, copy));
	});

	it('gives a masked copy the same skeleton but not the same text, and confirms it on the texts', () => {
		const masked = { ...ticket, description: ticket.description.replace('671f6a43c0ffee', '671f6a43***'), answers: '您好，请参考 https://github.com/***' };
		const a = copyPrint(ticket);
		const b = copyPrint(masked);
		assert.notEqual(a.exact, b.exact);
		assert.equal(a.skeleton, b.skeleton);
		assert.ok(isCopy(ticket, masked));
		assert.equal(byPrints(a, b), undefined, 'a field differs around a wildcard: only the texts can tell');
	});

	it('tells a different ticket from a copy', () => {
		const other = { ...ticket, description: ticket.description.replace('671f6a43c0ffee', 'ffffffffffffff') };
		assert.notEqual(copyPrint(other).skeleton, copyPrint(ticket).skeleton);
		assert.ok(!isCopy(ticket, other));
		// Different after the 8 characters a mask keeps: the skeleton cannot tell, the texts do.
		const late = { ...ticket, description: ticket.description.replace('671f6a43c0ffee', '671f6a43ffffff') };
		assert.equal(copyPrint(late).skeleton, copyPrint(ticket).skeleton);
		assert.ok(!isCopy(ticket, late));
		assert.equal(byPrints(copyPrint(late), copyPrint(ticket)), false, 'no wildcard in the field that differs: the prints tell');
		const reworded = { ...ticket, title: '下载失败' };
		assert.notEqual(copyPrint(reworded).skeleton, copyPrint(ticket).skeleton);
	});

	it('never contradicts the texts on the real dump: copies with digits changed late in a run, masked, spaced, without image markers', () => {
		const tickets = digestTickets(realDumpText(), defaultConfig.labels).map((t) => t.fields);
		// Variants that keep the skeleton: a run's digits changed after the 8 characters a mask keeps, or masked from there.
		const lateDigits = (text: string) =>
			text.replace(/[0-9A-Za-z]{12,}/g, (run) => run.slice(0, 8) + run.slice(8).replace(/\d/g, (d) => String((Number(d) + 1) % 10)));
		const maskedLate = (text: string) => text.replace(/[0-9A-Za-z]{12,}/g, (run) => `${run.slice(0, 8)}***`);
		const variants: ((f: TicketFields) => TicketFields)[] = [
			(f) => ({ ...f, dialog: lateDigits(f.dialog) }),
			(f) => ({ ...f, description: lateDigits(f.description), answers: maskedLate(f.answers) }),
			(f) => ({ ...f, dialog: maskedLate(f.dialog) }),
			(f) => ({ ...f, dialog: f.dialog.replace(/\[图片\]/g, ''), title: ` ${f.title} ` }),
			(f) => ({ title: maskedLate(f.title), description: lateDigits(f.description), answers: lateDigits(f.answers), dialog: maskedLate(f.dialog) }),
		];
		let settled = 0;
		let pairs = 0;
		for (const ticket of tickets)
			for (const variant of variants) {
				const other = variant(ticket);
				const [a, b] = [copyPrint(ticket), copyPrint(other)];
				if (a.skeleton !== b.skeleton) continue;
				pairs++;
				const verdict = byPrints(a, b);
				if (verdict === undefined) continue;
				settled++;
				assert.equal(verdict, isCopy(ticket, other), `${ticket.title}: the prints say ${verdict}`);
				assert.equal(byPrints(b, a), verdict, 'the same both ways');
			}
		assert.ok(pairs > 300, `${pairs} pairs of equal skeleton`);
		assert.ok(settled > pairs / 2, `${settled} of ${pairs} settled without the texts`);
	});
});
