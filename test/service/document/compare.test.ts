/** Comparison that forgives what the dump's own processing changes: spacing, image markers, markup, redaction. */
import { strict as assert } from 'node:assert';
import { firstDifference, normalizeSpace, sameModuloRedaction } from '../../../server/src/service/document/compare';

describe('compare', () => {
	it('normalizes every kind of space to one', () => {
		assert.equal(normalizeSpace('  a\u00a0\u00a0b\u3000c\r\n\td  '), 'a b c d');
	});

	describe('sameModuloRedaction', () => {
		it('forgives spacing, non-breaking spaces and dropped image markers', () => {
			assert.ok(sameModuloRedaction('你好，\u00a0 我想咨询下', '你好，我想咨询下'));
			assert.ok(sameModuloRedaction('看图', '看图[图片]'));
			// The real dump drops markers mid-text too (line 2699 against its dialog).
			assert.ok(sameModuloRedaction('接口报错了：原因是', '[图片]接口报错了：[图片]原因是'));
		});

		it('treats `***` in either text as any run of characters', () => {
			assert.ok(sameModuloRedaction('uploadId 是 671f6a43***', 'uploadId 是 671f6a43d0c8e1'));
			assert.ok(sameModuloRedaction('https://developer.qiniu.com/kodo/1234/abc 看下', 'https://developer.qiniu.com/*** 看下'));
			assert.ok(sameModuloRedaction('ak=o5wkhBmO***:yh648J6a***=', 'ak=o5wkhBmOAbC:yh648J6aXyZ='));
			assert.ok(!sameModuloRedaction('ak=o5wkhBmO***:yh648J6a***=', 'ak=o5wkhBmOAbC;yh648J6aXyZ='), 'the fixed parts must match');
			assert.ok(!sameModuloRedaction('前缀***后缀', '前缀后'), 'prefix and suffix may not overlap');
		});

		it('treats a masked IPv4 octet as a wildcard', () => {
			// Real dump line 2903 against its staff turn: the URL tail is masked with the octets.
			assert.ok(
				sameModuloRedaction("curl -I 'http://47.112.246.194/1.html' -H 'host:www.xxzrjzx.com'", "curl -I 'http://47.112.*.*/*** -H 'host:www.xxzrjzx.com'"),
			);
			assert.ok(sameModuloRedaction('源站 148.153.12.7 不通', '源站 148.153.*.* 不通'));
			// Compared without whitespace, `IP 148.153.*.*` reads `IP148.153.*.*`: still a masked address.
			assert.ok(sameModuloRedaction('源站 IP 148.153.12.7 不通', '源站 IP 148.153.*.* 不通'));
			assert.ok(!sameModuloRedaction('源站 148.154.12.7 不通', '源站 148.153.*.* 不通'));
		});

		it('treats a [REDACTED_…] placeholder as a wildcard for the value it replaced', () => {
			assert.ok(sameModuloRedaction('请拨打 13812345678 联系我们', '请拨打 [REDACTED_PHONE] 联系我们'));
			assert.ok(sameModuloRedaction('发到 [REDACTED_EMAIL] 即可', '发到 ops@example.com 即可'));
			assert.ok(!sameModuloRedaction('请拨打 13812345678 联系', '请拨打 [REDACTED_PHONE] 联系我们'), 'the text around it must match');
		});

		it('matches a URL masked together with the `[图片` after it', () => {
			// Real dump line 1431: the anonymiser ate `fusion/kb/…faq[图片`, leaving `***]`.
			assert.ok(sameModuloRedaction('说明：https://developer.qiniu.com/fusion/kb/3887/faq[图片]', '说明：https://developer.qiniu.com/***]'));
		});

		it('forgives markup an HTML stripper removed', () => {
			// Real dump line 2853: the description lost `<WARNING>` and `<INFO>`.
			assert.ok(sameModuloRedaction('juicefs[47] : Upload chunks', 'juicefs[47] <WARNING>: Upload chunks'));
			assert.ok(sameModuloRedaction('回调 是\u00a0 这个', "回调 是<?php echo 'ok'; ?>\u00a0 这个"));
		});

		it('still tells different texts apart', () => {
			assert.ok(!sameModuloRedaction('您好，请提供解析记录的截图', '您好，您的解析配置如何配置的，截图看下呢'));
			assert.ok(!sameModuloRedaction('CDN 域名一直显示处理中', '一直显示处理中'));
			assert.ok(!sameModuloRedaction('已经部署完成', '已经部署完成了吗'));
		});
	});

	describe('firstDifference', () => {
		it('shows both texts around the first differing character', () => {
			assert.deepEqual(firstDifference('abcdef', 'abcxef', 2), { left: '…bcde…', right: '…bcxe…' });
			assert.deepEqual(firstDifference('一直显示处理中', 'CDN 一直显示处理中', 3), { left: '一直显…', right: 'CDN…' });
			const long = 'x'.repeat(40);
			assert.deepEqual(firstDifference(`${long}A${long}`, `${long}B${long}`, 4), { left: '…xxxxAxxx…', right: '…xxxxBxxx…' });
		});
	});
});
