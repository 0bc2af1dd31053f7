import { strict as assert } from 'node:assert';
import { detectPhones } from '../../../server/src/service/leaks/phone';
import { found, values } from '../../support/leaks';

describe('leaks/phone', () => {
	it('finds mobiles with or without +86 and separators, right against Chinese text', () => {
		assert.deepEqual(found(detectPhones, '我的手机号是13812345678，备用 +86 139-1234-5678，或0086 150 1234 5678，8615012345678'), [
			['mobile', '13812345678'],
			['mobile', '+86 139-1234-5678'],
			['mobile', '0086 150 1234 5678'],
			['mobile', '8615012345678'],
		]);
	});

	it('finds landlines with an area code, with or without separators, parentheses and extension', () => {
		assert.deepEqual(found(detectPhones, '座机 010-62345678，(0755)86001234，02163456789，0571 8765432-801'), [
			['landline', '010-62345678'],
			['landline', '(0755)86001234'],
			['landline', '02163456789'],
			['landline', '0571 8765432-801'],
		]);
	});

	it('ignores order, request and device numbers, service numbers, masked numbers and versions', () => {
		const text =
			'订单号 202410281234567890，请求ID 17301167608636478，时间戳1730167887123，设备 31011500991320000033，热线 400-820-8820、95555，10 位 1380013800，掩码 13800138***，版本 13.9.1，哈希 a13812345678b，混合 138-0013 8000，[REDACTED_PHONE]';
		assert.deepEqual(values(detectPhones, text), []);
	});

	it('finds mobiles in any grouping, with a (+86) or +86 prefix as part of the range', () => {
		assert.deepEqual(values(detectPhones, '电话 150 1234 5678，150 12345678，1501234 5678，(+86)15012345678，(+86) 150-1234-5678，+86 15012345678'), [
			'150 1234 5678',
			'150 12345678',
			'1501234 5678',
			'(+86)15012345678',
			'(+86) 150-1234-5678',
			'+86 15012345678',
		]);
	});

	it('finds landlines with spaces inside the number', () => {
		assert.deepEqual(found(detectPhones, '座机 010 6552 8866，0755-8600 1234，(021) 6345 6789，+86 10 6552 8866'), [
			['landline', '010 6552 8866'],
			['landline', '0755-8600 1234'],
			['landline', '(021) 6345 6789'],
			['landline', '+86 10 6552 8866'],
		]);
	});

	it('ignores quantities: after a size, count, traffic or money word, or before a unit', () => {
		const text = '本月流量 13812345678 字节，文件大小：15012345678，共 13912345678 次请求，金额 ¥15800001234，用量 13600001111GB，请求数 18912345678';
		assert.deepEqual(values(detectPhones, text), []);
	});
});
