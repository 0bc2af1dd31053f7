/** "Did you mean …": edit distance and the closest known spelling within a typo budget. */
import { strict as assert } from 'node:assert';
import { closest, editDistance, typoBudget } from '../../../server/src/service/rules/didYouMean';

describe('didYouMean', () => {
	it('measures the Levenshtein distance', () => {
		assert.equal(editDistance('问题描叙', '问题描述'), 1);
		assert.equal(editDistance('', '客服'), 2);
		assert.equal(editDistance('客服', ''), 2);
		assert.equal(editDistance('kitten', 'sitting'), 3);
		assert.equal(editDistance('根本原因分析', '根本原因分析'), 0);
		assert.equal(editDistance('完整对话', '完整对话记录'), 2);
	});

	it('allows one edit for short names and up to a third of a long one, at most three', () => {
		assert.equal(typoBudget('客服'), 1);
		assert.equal(typoBudget('问题描述'), 1);
		assert.equal(typoBudget('根本原因分析'), 2);
		assert.equal(typoBudget('网络连接问题或DNS解析异常'), 3);
	});

	it('suggests the closest candidate within its budget', () => {
		const sections = ['问题描述', '客服解答', '根本原因分析', '完整对话记录'];
		assert.equal(closest('问题描叙', sections), '问题描述');
		assert.equal(closest('根本原因', sections), '根本原因分析');
		assert.equal(closest('完整对话', sections), '完整对话记录');
		assert.equal(closest('附件', sections), undefined, 'too far from all');
		assert.equal(closest('问题描述', sections), undefined, 'a known name needs no suggestion');
		assert.equal(closest('配置参数错误或不档', ['SSL/TLS证书配置问题', '配置参数错误或不当']), '配置参数错误或不当');
	});

	it('prefers the nearer candidate, then the earlier one', () => {
		assert.equal(closest('abcd', ['abxx', 'abcx']), 'abcx');
		assert.equal(closest('abcx', ['abcy', 'abcz']), 'abcy');
	});
});
