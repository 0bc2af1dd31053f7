import { strict as assert } from 'node:assert';
import { forEachTerm, isCjkCode, TermKind, termKind, tokenize } from '../../../server/src/service/search/tokenize';

describe('tokenize (search terms)', () => {
	it('turns CJK runs into every character and every adjacent pair', () => {
		assert.deepEqual(tokenize('证书过期'), ['证', '证书', '书', '书过', '过', '过期', '期']);
	});

	it('does not pair characters across a break in the CJK run', () => {
		assert.deepEqual(tokenize('证书，过期'), ['证', '证书', '书', '过', '过期', '期']);
		assert.deepEqual(tokenize('域名cdn证书'), ['域', '域名', '名', 'cdn', '证', '证书', '书']);
	});

	it('lower-cases Latin words and keeps numbers, splitting on punctuation', () => {
		assert.deepEqual(tokenize('HTTPS配置 uploadId=671f6a43, error 612'), ['https', '配', '配置', '置', 'uploadid', '671f6a43', 'error', '612']);
		assert.deepEqual(tokenize('https://developer.qiniu.com/fusion/kb/1325'), ['https', 'developer', 'qiniu', 'com', 'fusion', 'kb', '1325']);
	});

	it('folds full-width letters and digits to ASCII', () => {
		assert.deepEqual(tokenize('ＨＴＴＰＳ１２３'), ['https123']);
	});

	it('drops hashes and long numbers that match nothing else', () => {
		assert.deepEqual(tokenize('订单 66f6c6fab32fad84195b7488aaaaaaaaaaaaaaaaa 电话 13800138000 年份 2024'), [
			'订',
			'订单',
			'单',
			'电',
			'电话',
			'话',
			'年',
			'年份',
			'份',
			'2024',
		]);
	});

	it('keeps redaction placeholders as words (they say what was there)', () => {
		assert.deepEqual(tokenize('[REDACTED_PHONE] [图片]'), ['redacted', 'phone', '图', '图片', '片']);
	});

	it('reports the kind of each term', () => {
		const kinds: TermKind[] = [];
		forEachTerm('证书 ssl', (_, kind) => kinds.push(kind));
		assert.deepEqual(kinds, [TermKind.Unigram, TermKind.Bigram, TermKind.Unigram, TermKind.Word]);
		assert.equal(termKind('证'), TermKind.Unigram);
		assert.equal(termKind('证书'), TermKind.Bigram);
		assert.equal(termKind('ssl'), TermKind.Word);
	});

	it('treats kana and Hangul as CJK, and Latin with accents as words', () => {
		assert.ok(isCjkCode('か'.charCodeAt(0)));
		assert.ok(isCjkCode('한'.charCodeAt(0)));
		assert.deepEqual(tokenize('Café'), ['café']);
	});

	it('handles empty text, lone surrogates and control characters', () => {
		assert.deepEqual(tokenize(''), []);
		assert.deepEqual(tokenize('\ud800\u0000a\udfff'), ['a']);
	});
});
