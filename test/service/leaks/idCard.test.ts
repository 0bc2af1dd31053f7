import { strict as assert } from 'node:assert';
import { detectIdCards } from '../../../server/src/service/leaks/idCard';
import { values } from '../../support/leaks';

describe('leaks/idCard', () => {
	it('finds 18-character ID numbers with a valid check character, X included', () => {
		assert.deepEqual(values(detectIdCards, '法人身份证号11010519491231002X提交失败，另一个 440306199003071232。'), [
			'11010519491231002X',
			'440306199003071232',
		]);
	});

	it('ignores a wrong check character, an impossible date, longer numbers and masked ones', () => {
		const text = '440306199003071233 440306199013071236 440306199002301234 4403061990030712320 A440306199003071232 44030619900307***';
		assert.deepEqual(values(detectIdCards, text), []);
	});

	it('finds an ID number split into groups by spaces', () => {
		assert.deepEqual(values(detectIdCards, '身份证 110105 19491231 002X，另一个 1101 0519 4912 3100 2X。'), ['110105 19491231 002X', '1101 0519 4912 3100 2X']);
		assert.deepEqual(values(detectIdCards, '单号 110105 19491231 0021'), []);
	});
});
