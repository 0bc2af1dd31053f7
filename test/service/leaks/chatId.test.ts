import { strict as assert } from 'node:assert';
import { detectChatIds } from '../../../server/src/service/leaks/chatId';
import { found, values } from '../../support/leaks';

describe('leaks/chatId', () => {
	it('finds WeChat IDs after the words people use for WeChat, and wxid_ anywhere', () => {
		const cases: [string, string][] = [
			['加我微信：zhang_san88', 'zhang_san88'],
			['微信号 li-si-2020', 'li-si-2020'],
			['我的微信是Wang5566kk', 'Wang5566kk'],
			['vx: qiniu_fan01', 'qiniu_fan01'],
			['VX：abcde12345', 'abcde12345'],
			['V信 tom_cat_9', 'tom_cat_9'],
			['wechat: jerry_2023x', 'jerry_2023x'],
			['薇信：mary0809', 'mary0809'],
			['扫码或者 wxid_k2x9m4p7q1z8 都行', 'wxid_k2x9m4p7q1z8'],
		];
		for (const [text, id] of cases) assert.deepEqual(found(detectChatIds, text), [['wechat', id]], text);
	});

	it('finds QQ numbers after QQ and its nicknames', () => {
		assert.deepEqual(found(detectChatIds, 'QQ：12345678，qq号 987654321，扣扣 5566778，企鹅号:1122334455'), [
			['qq', '12345678'],
			['qq', '987654321'],
			['qq', '5566778'],
			['qq', '1122334455'],
		]);
	});

	it('ignores code, product words, group numbers and e-mail domains', () => {
		const text = 'wx.request({url})，wx.login()，微信支付，微信 SDK，微信 openid: oXyz，微信小程序 appid，QQ群 123456789，12345678@qq.com，QQ 9.7.1，QQ浏览器';
		assert.deepEqual(values(detectChatIds, text), []);
	});
});
