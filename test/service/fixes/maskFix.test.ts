/** Masking leaks: one value, or every leak of its code in the file, each in the dump's own style. */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { createTicketService } from '../../../server/src/service/index';
import { fixturesDir, readText, realDumpText, textDocument } from '../../support/fixtures';
import { checkFix, fixFor, replaceOnce } from '../../support/edits';

const leakText = (name: string) => readText(join(fixturesDir, 'leaks', name));

describe('fixes/mask', () => {
	it('masks a phone number with the placeholder the dump uses', () => {
		const text = leakText('pii-phone.md');
		const action = fixFor(text, 'pii-phone', /Mask as `\[REDACTED_PHONE\]`/);
		assert.equal(action.isPreferred, true);
		checkFix(text, action, replaceOnce(text, '我的手机号是13812345678，', '我的手机号是[REDACTED_PHONE]，'));
	});

	it('masks a value the ticket masks elsewhere exactly as the ticket does', () => {
		const text = leakText('redaction-leak.md');
		const action = fixFor(text, 'redaction-leak', /Mask as `zhxiaofa\*\*\*\.qiniudns\.com`/);
		checkFix(text, action, replaceOnce(text, '记录值 zhxiaofang-cn-idvoina.qiniudns.com', '记录值 zhxiaofa***.qiniudns.com'));
	});

	it('masks an access key as the dump masks it, keeping 8 characters of each part', () => {
		const text = leakText('secret-credential.md');
		const key = 'jCciD48kMK0Ba3dxvdU8Aw9JCXjia4Qts7jbA2tG:lsBJ-cr-sxjsb5fyDZMpXaAHUms=';
		checkFix(text, fixFor(text, 'secret-credential', /Mask as/), replaceOnce(text, `Qiniu ${key} 返回`, 'Qiniu jCciD48k***:lsBJ-cr-***= 返回'));
	});

	it('masks all leaks of one code in the file at once', () => {
		const text = leakText('pii-phone.md');
		const action = fixFor(text, 'pii-phone', /Mask all 4 `pii-phone` findings/);
		let expected = replaceOnce(text, '13812345678，收不到', '[REDACTED_PHONE]，收不到');
		expected = replaceOnce(expected, '+86 139-1234-5678 也', '[REDACTED_PHONE] 也');
		expected = replaceOnce(expected, '座机 010-62345678 或 (0755)86001234', '座机 [REDACTED_LANDLINE] 或 [REDACTED_LANDLINE]');
		const after = checkFix(text, action, expected);
		assert.deepEqual(
			createTicketService()
				.validate(textDocument(after))!
				.filter((d) => d.code === 'pii-phone'),
			[],
		);
	});

	it("on the real dump: the access key in answer 2 of ticket 12 becomes the staff turn's masked form", () => {
		const text = realDumpText();
		const action = fixFor(text, 'secret-credential', /Mask as `jCciD48k\*\*\*:lsBJ-cr-\*\*\*=`/);
		const after = checkFix(
			text,
			action,
			replaceOnce(text, '只有 jCciD48kMK0Ba3dxvdU8Aw9JCXjia4Qts7jbA2tG:lsBJ-cr-sxjsb5fyDZMpXaAHUms=这边', '只有 jCciD48k***:lsBJ-cr-***=这边'),
		);
		// Answer 2 now reads as staff turn 2 does.
		assert.ok(after.includes('2. 您好，或者您将完整的请求提供下，这边帮您确认下只有 jCciD48k***:lsBJ-cr-***=这边不支持'));
	});
});
