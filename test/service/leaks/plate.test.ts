import { strict as assert } from 'node:assert';
import { detectPlates } from '../../../server/src/service/leaks/plate';
import { found, values } from '../../support/leaks';

describe('leaks/plate', () => {
	it('finds plates with or without ·, including 8-character new-energy plates', () => {
		assert.deepEqual(found(detectPlates, '车牌京A·12345，粤B8K2L3，沪AD12345，浙A12345F，苏E·D23456，川A 2345挂'), [
			['plate', '京A·12345'],
			['plate', '粤B8K2L3'],
			['plate', '沪AD12345'],
			['plate', '浙A12345F'],
			['plate', '苏E·D23456'],
			['plate', '川A 2345挂'],
		]);
	});

	it('ignores province characters before ASCII words and codes', () => {
		assert.deepEqual(values(detectPlates, '更新API接口，新ABCDEF，云CDN，京ICP备12345678号，沪ICP备2021号，新A1234'), []);
	});
});
