import { strict as assert } from 'node:assert';
import { detectCredentials } from '../../../server/src/service/leaks/credential';
import { found, values } from '../../support/leaks';

const accessKey = 'jCciD48kMK0Ba3dxvdU8Aw9JCXjia4Qts7jbA2tG:lsBJ-cr-sxjsb5fyDZMpXaAHUms=';
const uploadToken = 'o5wkhBmOq7Zx2Lr9Tv4NcW8yKe1JdF6hPsAm3GuB:yh648J6aQ2mXv7Rk9Lp4Zs1Td8W=:eyJzY29wZSI6ImJ1Y2tldCIsImRlYWRsaW5lIjoxNzMwMTY3ODg3fQ==';

describe('leaks/credential', () => {
	it('finds an access key with its signature and an upload token, the whole value', () => {
		assert.deepEqual(found(detectCredentials, `这边帮您确认下只有 ${accessKey}这边不支持`), [['accessKey', accessKey]]);
		assert.deepEqual(found(detectCredentials, `Authorization: Qiniu ${accessKey}\nuploadToken=${uploadToken} 已过期`), [
			['accessKey', accessKey],
			['uploadToken', uploadToken],
		]);
	});

	it('finds bearer tokens, JWTs and private keys', () => {
		const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
		const key = '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA7d\n-----END RSA PRIVATE KEY-----';
		assert.deepEqual(found(detectCredentials, `Authorization: Bearer 9f8e7d6c5b4a39281706f5e4d3c2b1a0\n${jwt}\n${key}`), [
			['bearerToken', '9f8e7d6c5b4a39281706f5e4d3c2b1a0'],
			['jwt', jwt],
			['privateKey', key],
		]);
	});

	it('ignores masked values, placeholders, code and prose', () => {
		const text = [
			'jCciD48k***:lsBJ-cr-***=',
			'uploadToken=o5wkhBmO***:yh648J6a***=:eyJzY29w***',
			'ak=IAM-DAv5***',
			'auth.uploadToken(bucket)，token = getUploadToken()，password: string，password = config.password',
			'密码：******，密码为空，忘记了远程登录密码 我该怎么处理，密码重置无法设置',
			'reset your password: click Reset',
			'com.qiniu.storage.ApiUploadV2InitUpload:request，ApiUploadV2InitUploadRequest:ApiUploadV2UploadPartRequest',
			'Bearer token，Bearer xxxxxxxxxxxxxxxxxxxx',
			'哈希 Fq3a9Zx0b7TgYk2LmN4pQr8sVw1cEd5Hj',
		].join('\n');
		assert.deepEqual(values(detectCredentials, text), []);
	});
});
