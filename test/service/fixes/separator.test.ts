import { defectText } from '../../support/fixtures';
import { checkFix, fixFor, replaceOnce } from '../../support/edits';

describe('fixes/separator', () => {
	it('inserts the missing `---` after the ticket', () => {
		const text = defectText('separator.missing.md');
		checkFix(
			text,
			fixFor(text, 'separator', /Insert `---` after the ticket/),
			replaceOnce(text, '截图看下呢\n\n## 一直显示处理中', '截图看下呢\n\n---\n\n## 一直显示处理中'),
		);
	});

	it('puts a blank line between text and the `---` under it', () => {
		const text = defectText('separator.under-text.md');
		checkFix(text, fixFor(text, 'separator', /Insert a blank line before `---`/), replaceOnce(text, '截图看下呢\n---\n', '截图看下呢\n\n---\n'));
	});
});
