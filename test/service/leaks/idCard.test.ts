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
});
