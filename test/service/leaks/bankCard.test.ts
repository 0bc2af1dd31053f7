import { strict as assert } from 'node:assert';
import { detectBankCards } from '../../../server/src/service/leaks/bankCard';
import { found, values } from '../../support/leaks';

describe('leaks/bankCard', () => {
	it('finds card numbers that pass Luhn, plain or in groups of four', () => {
		assert.deepEqual(found(detectBankCards, '提现到银行卡6222021234567890128，备用卡 6217 0000 1234 5670，信用卡 4367-4212-3456-7896。'), [
			['bankCard', '6222021234567890128'],
			['bankCard', '6217 0000 1234 5670'],
			['bankCard', '4367-4212-3456-7896'],
		]);
	});

	it('finds account numbers after 开户行/账号, which carry no check digit', () => {
		// The real dump's invoice request: a bank between the cue and the number.
		assert.deepEqual(found(detectBankCards, '开户行及账号：中国农业银行深圳翠竹支行  41011300040042765'), [['bankAccount', '41011300040042765']]);
		assert.deepEqual(values(detectBankCards, '对公账户 1100 1234 5678 9012 3456，收款账号：622848001234567890123'), [
			'1100 1234 5678 9012 3456',
			'622848001234567890123',
		]);
	});

	it('ignores order, request and device numbers, failed checks, other networks and short account IDs', () => {
		const text = [
			'订单号 6222021234567890128', // valid card shape, but named an order
			'请求ID 4367421234567896',
			'写错一位的卡号 6222021234567890129', // fails Luhn
			'流水号 2024102800012348', // passes Luhn, but 2024… is no card network
			'模板 1840665307232874496',
			'设备 31011500991320060350',
			'七牛账号 1380456789', // the cloud account's own ID
			'账号下资源包 438b8b51***',
			'开户账号: [REDACTED_ID_CARD_15]',
			'账号是多少。12345678901234', // past the end of the sentence
		].join('\n');
		assert.deepEqual(values(detectBankCards, text), []);
	});
});
