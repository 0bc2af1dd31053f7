import { strict as assert } from 'node:assert';
import { foldHalfWidth } from '../../../server/src/service/leaks/halfWidth';
import { leaksIn } from '../../support/leaks';

describe('leaks/fullWidth', () => {
	it('reads full-width digits and letters as ASCII, keeping every offset', () => {
		const text = '手机：１３８１２３４５６７８，ＡＫ：ａｂｃ';
		assert.equal(foldHalfWidth(text).length, text.length);
		assert.equal(foldHalfWidth(text), '手机：13812345678，AK：abc');
	});

	it('finds values written in full-width digits, the range being the value as written', () => {
		assert.deepEqual(leaksIn('手机：１３８１２３４５６７８，身份证 １１０１０５１９４９１２３１００２Ｘ，电话 ０１０－'), [
			['pii-phone', '１３８１２３４５６７８'],
			['pii-id-card', '１１０１０５１９４９１２３１００２Ｘ'],
		]);
	});
});
