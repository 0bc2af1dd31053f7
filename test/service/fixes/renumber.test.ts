import { strict as assert } from 'node:assert';
import { defectText } from '../../support/fixtures';
import { checkFix, fixFor, replaceOnce } from '../../support/edits';

describe('fixes/renumber', () => {
	it('renumbers the answers of the ticket 1..n', () => {
		const text = defectText('answers-numbering.md');
		const action = fixFor(text, 'answers-numbering', /Renumber the answers 1\.\.2/);
		checkFix(text, action, replaceOnce(text, '3. 已经部署完成', '2. 已经部署完成'));
	});

	it('gives bullets and bare paragraphs their numbers, and fixes every wrong number at once', () => {
		const base = defectText('answers-numbering.md');
		const text = replaceOnce(
			base,
			'1. 您好证书在审核中 请耐心等待\n\n3. 已经部署完成',
			'- 您好证书在审核中 请耐心等待\n\n5. 已经部署完成\n\n补充说明\n\n7. 谢谢',
		);
		const action = fixFor(text, 'answers-numbering', /Renumber the answers 1\.\.4/);
		assert.equal(action.edit!.changes!['file:///work/dump.md'].length, 4);
		checkFix(
			text,
			action,
			replaceOnce(base, '1. 您好证书在审核中 请耐心等待\n\n3. 已经部署完成', '1. 您好证书在审核中 请耐心等待\n\n2. 已经部署完成\n\n3. 补充说明\n\n4. 谢谢'),
		);
	});
});
