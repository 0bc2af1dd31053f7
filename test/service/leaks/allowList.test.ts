import { strict as assert } from 'node:assert';
import { allowListFor } from '../../../server/src/service/leaks/allowList';

describe('leaks/allowList', () => {
	it('matches exact values, ignoring case and the separators inside numbers', () => {
		const allow = allowListFor(['400-820-8820', 'Support@Qiniu.com', '138 1234 5678']);
		assert.ok(allow('support@qiniu.com'));
		assert.ok(allow('13812345678'));
		assert.ok(allow('138-1234-5678'));
		assert.ok(!allow('13812345679'));
		assert.ok(!allow('support@qiniu.cn'));
	});

	it('treats `*` as any run of characters, and nothing else as a pattern', () => {
		const allow = allowListFor(['https://developer.qiniu.com/*', 'a.b(c)']);
		assert.ok(allow('https://developer.qiniu.com/kodo/1302/qshell'));
		assert.ok(!allow('https://portal.qiniu.com/cdn/log'));
		assert.ok(allow('a.b(c)'));
		assert.ok(!allow('aXb(c)'));
	});

	it('an empty list allows nothing', () => {
		assert.ok(!allowListFor([])('13812345678'));
		assert.ok(!allowListFor(['', '  '])(''));
	});
});
