import { strict as assert } from 'node:assert';
import { findMaskForms, findRedactionCandidates, formMatches } from '../../../server/src/service/leaks/redaction';

/** [unmasked value, the masked occurrence it matches] for every candidate in a text. */
function leaks(text: string): [string, string][] {
	return findRedactionCandidates(text, findMaskForms(text)).map((c) => [text.slice(c.start, c.end), c.form.occurrences[0].text]);
}

describe('leaks/redaction', () => {
	it('reads the masked forms: kept prefix, dotted suffix, URL and IP wildcards', () => {
		const forms = findMaskForms(
			'记录值 zhxiaofa***.qiniudns.com，文档 https://developer.qiniu.com/***，ak jCciD48k***:lsBJ-cr-***=，curl http://47.112.*.*/*** 节点 148.153.*.*',
		);
		assert.deepEqual(
			forms.map((f) => [f.type, f.parts, f.occurrences[0].text]),
			[
				['url', ['https://developer.qiniu.com/', ''], 'https://developer.qiniu.com/***'],
				['url', ['http://47.112.', '.', '/', ''], 'http://47.112.*.*/***'],
				['word', ['zhxiaofa', '.qiniudns.com'], 'zhxiaofa***.qiniudns.com'],
				['word', ['jCciD48k', ''], 'jCciD48k***'],
				['word', ['lsBJ-cr-', ''], 'lsBJ-cr-***'],
				['ip', ['47.112.', '.', ''], '47.112.*.*'],
				['ip', ['148.153.', '.', ''], '148.153.*.*'],
			],
		);
	});

	it('gives no form for masked numbers, plain lowercase words, bare schemes or short prefixes', () => {
		assert.deepEqual(findMaskForms('参考ID：31011500*** complete*** = new http://*** abc*** /******分片上传********/ **客户**：'), []);
	});

	it('finds values written in full that the ticket masks elsewhere', () => {
		const text = [
			'**客服**：记录值 zhxiaofa***.qiniudns.com，参考文档：https://developer.qiniu.com/***，调用 createMu***(file)',
			'1. 记录值 zhxiaofang-cn-idvoina.qiniudns.com，参考文档：https://developer.qiniu.com/kodo/1302/qshell#9batchexpire，调用 createMultipartUploadV2Task(file)',
		].join('\n');
		assert.deepEqual(leaks(text), [
			['zhxiaofang-cn-idvoina.qiniudns.com', 'zhxiaofa***.qiniudns.com'],
			['https://developer.qiniu.com/kodo/1302/qshell#9batchexpire', 'https://developer.qiniu.com/***'],
			['createMultipartUploadV2Task', 'createMu***'],
		]);
	});

	it('drops a list number glued to the end of a URL', () => {
		const text = '申请入口https://portal.qiniu.com/***.补全信息\n申请入口https://portal.qiniu.com/certificate/apply2.补全信息3.免费证书验证';
		assert.deepEqual(leaks(text), [['https://portal.qiniu.com/certificate/apply', 'https://portal.qiniu.com/***']]);
	});

	it('needs every kept part: the suffix, the host, a character for every wildcard', () => {
		const text = [
			'空间名zhxiaofang，记录值 zhxiaofa***.qiniudns.com，zhxiaofang.cn',
			'http://47.112.*.*/*** http://47.112.246.194/1.html http://47.112.246.194/ http://47.113.1.1/x',
		].join('\n');
		// The address inside each URL matches the masked address; overlaps are settled later (findLeaks).
		assert.deepEqual(leaks(text), [
			['http://47.112.246.194/1.html', 'http://47.112.*.*/***'],
			['47.112.246.194', '47.112.*.*'],
			['47.112.246.194', '47.112.*.*'],
		]);
	});

	it('matches forms against values', () => {
		const [ip] = findMaskForms('47.112.*.*');
		assert.ok(formMatches(ip, '47.112.246.194'));
		assert.ok(!formMatches(ip, '47.112.246'));
		assert.ok(!formMatches(ip, '47.112.1.2.3'));
		assert.ok(!formMatches(ip, '47.112.*.*'));
	});
});
