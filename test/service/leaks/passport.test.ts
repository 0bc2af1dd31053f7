import { strict as assert } from 'node:assert';
import { detectPassports } from '../../../server/src/service/leaks/passport';
import { found, values } from '../../support/leaks';

describe('leaks/passport', () => {
	it('finds mainland passport numbers shortly after 护照', () => {
		assert.deepEqual(found(detectPassports, '护照号：E12345678，护照 EA1234567，护照号码为G87654321，passport no. E98765432'), [
			['passport', 'E12345678'],
			['passport', 'EA1234567'],
			['passport', 'G87654321'],
			['passport', 'E98765432'],
		]);
	});

	it('ignores the same shapes without the word, and other codes after it', () => {
		assert.deepEqual(values(detectPassports, '错误码 E12345678，订单 G87654321'), []);
		assert.deepEqual(values(detectPassports, '护照已过期，订单 E1234，版本 E123456789012'), []);
	});
});
