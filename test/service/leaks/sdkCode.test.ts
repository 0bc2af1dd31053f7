import { strict as assert } from 'node:assert';
import { detectSdkSecrets } from '../../../server/src/service/leaks/sdkCode';
import { values } from '../../support/leaks';

const ak = 'Xk9Rz2Wp7Lc3Nv8Bm6Hs1Jt5Yd0Ga2QeTu9Ws4Ky';
const sk = 'Qm3Lp8Zs1Td8Wc5Nb0HjE3GuBaR7Vx2Kq9Ny4Fw6';

describe('leaks/sdkCode', () => {
	it('finds generated literals passed to credential constructors and auth calls in Java, Python, JavaScript, Go and PHP', () => {
		const samples = [
			`Auth auth = Auth.create("${ak}", "${sk}");`,
			`q = qiniu.Auth('${ak}', '${sk}')`,
			`const mac = new qiniu.auth.digest.Mac('${ak}', '${sk}');`,
			`mac := qbox.NewMac("${ak}", "${sk}")`,
			`$auth = new Auth('${ak}', '${sk}');`,
			`creds := credentials.NewStaticCredentials("${ak}", "${sk}", "")`,
			`cred = credential.Credential("${ak}", "${sk}")`,
			`qshell account ${ak} ${sk} mybucket`,
		];
		for (const sample of samples) assert.deepEqual(values(detectSdkSecrets, sample), [ak, sk], sample);
	});

	it('ignores variables, placeholders, names and addresses', () => {
		const text = [
			'Auth auth = Auth.create(accessKey, secretKey);',
			"q = qiniu.Auth('<your_ak>', 'your-secret-key')",
			'const mac = new qiniu.auth.digest.Mac(process.env.QINIU_AK, process.env.QINIU_SK);',
			'client := NewClient("https://api.qiniu.com", "my-bucket-2023")',
			'login("zhangsan", "1")',
		].join('\n');
		assert.deepEqual(values(detectSdkSecrets, text), []);
	});
});
