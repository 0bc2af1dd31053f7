import { strict as assert } from 'node:assert';
import { detectOrgIds } from '../../../server/src/service/leaks/orgId';
import { values } from '../../support/leaks';

describe('leaks/orgId', () => {
	it('finds unified social credit codes with a valid check character, right against Chinese text', () => {
		const text = '公司名称：北京国信云服科技有限公司纳税人识别号: 91110108MA003UN95A开户银行，另一家税号：91440300MA5HM7HT6F';
		assert.deepEqual(values(detectOrgIds, text), ['91110108MA003UN95A', '91440300MA5HM7HT6F']);
	});

	it('finds an all-digit code only after a word naming it', () => {
		assert.deepEqual(values(detectOrgIds, '统一社会信用代码 911101087000100061'), ['911101087000100061']);
		assert.deepEqual(values(detectOrgIds, '订单 911101087000100061'), []);
	});

	it('ignores a wrong check character, lowercase, longer runs and masked codes', () => {
		assert.deepEqual(values(detectOrgIds, '税号 91110108MA003UN95B 91110108ma003un95a 91110108MA003UN95AB 91110108MA***'), []);
	});
});
