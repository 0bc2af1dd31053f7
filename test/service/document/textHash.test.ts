import { strict as assert } from 'node:assert';
import { hash53 } from '../../../server/src/service/document/textHash';

describe('textHash', () => {
	it('hashes to 53 bits, stably', () => {
		assert.equal(hash53('证书'), hash53('证书'));
		assert.notEqual(hash53('证书'), hash53('证明'));
		assert.ok(Number.isSafeInteger(hash53('x'.repeat(1000))));
	});
});
