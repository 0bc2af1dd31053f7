import { strict as assert } from 'node:assert';
import { maskValue } from '../../../server/src/service/leaks/maskValue';

describe('leaks/mask', () => {
	it("uses the dump's placeholders for personal data", () => {
		assert.equal(maskValue('mobile', '+86 139-1234-5678'), '[REDACTED_PHONE]');
		assert.equal(maskValue('landline', '010-62345678'), '[REDACTED_LANDLINE]');
		assert.equal(maskValue('email', 'a@b.cn'), '[REDACTED_EMAIL]');
		assert.equal(maskValue('idCard', '11010519491231002X'), '[REDACTED_ID_CARD_18]');
		assert.equal(maskValue('password', 'hunter22'), '[REDACTED_PASSWORD]');
	});

	it('masks an IPv4 as the dump does: the last two numbers starred', () => {
		assert.equal(maskValue('ip', '101.132.101.86'), '101.132.*.*');
	});

	it('keeps 8 characters of each part of a key, and its padding, as the dump does', () => {
		// The dump's own masking of this key: `jCciD48k***:lsBJ-cr-***=`.
		assert.equal(maskValue('accessKey', 'jCciD48kMK0Ba3dxvdU8Aw9JCXjia4Qts7jbA2tG:lsBJ-cr-sxjsb5fyDZMpXaAHUms='), 'jCciD48k***:lsBJ-cr-***=');
		assert.equal(maskValue('bearerToken', '9f8e7d6c5b4a39281706f5e4d3c2b1a0'), '9f8e7d6c***');
		// Never more than a third of a short secret.
		assert.equal(maskValue('secretValue', 'abcdef123456'), 'abcd***');
	});
});
