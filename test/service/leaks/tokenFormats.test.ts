import { strict as assert } from 'node:assert';
import { detectTokenFormats } from '../../../server/src/service/leaks/tokenFormats';
import { detectCredentials } from '../../../server/src/service/leaks/credential';
import { found, leaksIn, values } from '../../support/leaks';

describe('leaks/tokenFormats', () => {
	it('finds provider token formats with no key word around them, the whole token', () => {
		const tokens = [
			'AKIAQ3EGT5XK7Z2MRW4N',
			'LTAI5tQm8Xk2Rz7Wp4Lc9Nv3',
			'AKIDq7Xk2Rz9Wp4Lc8Nv3Bm6Hs1Jt5Yd0Ga2Qe',
			'ghp_4Xk9Rz2Wp7Lc3Nv8Bm6Hs1Jt5Yd0Ga2QeTu9',
			'github_pat_11ABCDE2Q0xK9Rz2Wp7Lc3_Nv8Bm6Hs1Jt5Yd0Ga2QeTu9Ws4Ky7Lr3Mz',
			'glpat-Xk9Rz2Wp7Lc3Nv8Bm6Hs',
			'xoxb-2048117293-4711094352-Xk9Rz2Wp7Lc3Nv8Bm6Hs1Jt5',
			'sk-proj-Xk9Rz2Wp7Lc3Nv8Bm6Hs1Jt5Yd0Ga2QeTu9Ws4Ky7Lr3Mz',
			'sk-Xk9Rz2Wp7Lc3Nv8Bm6Hs1Jt5Yd0Ga2QeTu9Ws4Ky7Lr3M',
			'AIzaSyXk9Rz2Wp7Lc3Nv8Bm6Hs1Jt5Yd0Ga2QeT',
		];
		for (const token of tokens) assert.deepEqual(values(detectTokenFormats, `日志里有 ${token}，请看`), [token], token);
		assert.deepEqual(found(detectTokenFormats, `key=${tokens[0]}`), [['apiKey', tokens[0]]]);
	});

	it('finds JWTs, PEM private keys (also cut short) and Qiniu AK:SIGN and upload tokens by shape', () => {
		const pem = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\nAAAAMwAAAAtzc2gtZWQyNTUxOQAAACB3x9Kq2Lm7Rz';
		assert.deepEqual(found(detectCredentials, `${pem}\n\n后面的没贴`), [['privateKey', pem]]);
	});

	it('ignores hashes, UUIDs, ETags and words that share a prefix', () => {
		const text = [
			'md5 5d41402abc4b2a76b9719d911017c592 sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
			'X-Reqid: 550e8400-e29b-41d4-a716-446655440000，ETag "FpLiHSz3hYBqXk2Nm9Lr7Tv4Wc8Yd1Zs"',
			'sk-learn-is-a-library，AKIA 是前缀，LTAI 开头的是 AccessKeyId，ghp_ 开头的是令牌',
		].join('\n');
		assert.deepEqual(values(detectTokenFormats, text), []);
		assert.deepEqual(leaksIn(text), []);
	});
});
