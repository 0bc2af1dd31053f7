import { strict as assert } from 'node:assert';
import { followedByMask, lineBefore, notAfterWord, notBeforeWord } from '../../../server/src/service/leaks/boundaries';

describe('leaks/boundaries', () => {
	it('a value stands alone against ASCII words but not against Chinese text', () => {
		const digits = new RegExp(`${notAfterWord}\\d{3}${notBeforeWord}`, 'g');
		assert.deepEqual(
			[...'号码123，a456 789b 012'.matchAll(digits)].map((m) => m[0]),
			['123', '012'],
		);
	});

	it('reads a masked tail and the same line before a value', () => {
		assert.ok(followedByMask('671f6a43***', 8));
		assert.ok(!followedByMask('**13800138000**', 13));
		assert.equal(lineBefore('第一行\n税号：9111', 7, 24), '税号：');
		assert.equal(lineBefore('abcdef', 6, 3), 'def');
	});
});
