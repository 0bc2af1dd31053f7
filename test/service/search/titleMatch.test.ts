import { strict as assert } from 'node:assert';
import { matchTitles, titleQuery, titleScore } from '../../../server/src/service/search/titleMatch';

const titles = ['SSL证书已经过期', '证书过期提醒', '过期证书', '域名配置长时间为处理中', 'https降级', 'HTTPS 配置超时', '账号注销'];

describe('titleMatch (workspace symbols)', () => {
	it('matches every character of a Chinese query in any order, the contiguous ones first, then by pairs kept, then shorter', () => {
		assert.deepEqual(
			matchTitles('证书过期', titles, (t) => t, 10),
			['证书过期提醒', '过期证书', 'SSL证书已经过期'],
		);
	});

	it('matches Latin words case-insensitively and ignores spaces', () => {
		assert.deepEqual(
			matchTitles('https 配置', titles, (t) => t, 10),
			['HTTPS 配置超时'],
		);
		assert.deepEqual(
			matchTitles('HTTPS', titles, (t) => t, 10),
			['https降级', 'HTTPS 配置超时'],
		);
	});

	it('keeps pairs of characters together above scattered ones', () => {
		const q = titleQuery('处理');
		assert.ok(titleScore(q, '域名配置长时间为处理中') > titleScore(q, '处置理由'));
		assert.equal(titleScore(q, '配置'), 0);
	});

	it('returns everything (up to the limit) for an empty query', () => {
		assert.equal(matchTitles('', titles, (t) => t, 3).length, 3);
	});
});
