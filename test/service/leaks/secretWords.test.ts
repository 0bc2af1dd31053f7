import { strict as assert } from 'node:assert';
import { detectSecretWords } from '../../../server/src/service/leaks/secretWords';
import { found, leaksIn, values } from '../../support/leaks';

const key = 'Zq8Lm2Xv7Rk9Lp4Zs1Td8Wc5Nb0HjE3GuBa';
const key2 = 'p7Hx2Kq9Wm4Rt6Yz1Bn3Vc8Xl5Jd0Fg2Sa';

describe('leaks/secretWords', () => {
	it('finds a password after 密码, 口令 and any word glued before 密码, with every separator', () => {
		const cases: [string, string][] = [
			['密码：Qiniu@2024!', 'Qiniu@2024!'],
			['登录密码: Tk8#mq2Lx', 'Tk8#mq2Lx'],
			['管理员密码=Adm1n_pass', 'Adm1n_pass'],
			['数据库密码是db9Pw2x7，请查收', 'db9Pw2x7'],
			['新密码为 Hx72kq!z。', 'Hx72kq!z'],
			['我把密码设成了Rq84nmx2', 'Rq84nmx2'],
			['密码设置成 Wm2024xx9', 'Wm2024xx9'],
			['帮我把root密码改成 Yy7788qq', 'Yy7788qq'],
			['口令 Pp56zz91', 'Pp56zz91'],
			['服务器密码 "a8K!x2Lm" 已发', 'a8K!x2Lm'],
			['PASSWORD: Hunter22x', 'Hunter22x'],
			['db_password = "s3cr3tPw"', 's3cr3tPw'],
			['账号 admin 密码 Adm!n2023 麻烦看下', 'Adm!n2023'],
			['账号/密码：root/Root#2024', 'Root#2024'],
		];
		for (const [text, value] of cases) assert.deepEqual(found(detectSecretWords, text), [['password', value]], text);
	});

	it('finds a key after its name in Chinese or any English spelling, and both values of a pair', () => {
		const cases: [string, string[]][] = [
			[`密钥：${key}`, [key]],
			[`秘钥 ${key}`, [key]],
			[`私钥是${key}`, [key]],
			[`AK: ${key}`, [key]],
			[`sk=${key}`, [key]],
			[`AccessKey：${key}`, [key]],
			[`AccessKeyId = ${key}`, [key]],
			[`AccessKeySecret: "${key}"`, [key]],
			[`SecretId=${key}`, [key]],
			[`"SecretKey": "${key}"`, [key]],
			[`access_key='${key}'`, [key]],
			[`secret_key => '${key}'`, [key]],
			[`api_key: ${key}`, [key]],
			[`client_secret=${key}`, [key]],
			[`token: ${key}`, [key]],
			[`access_token=${key}&expires=3600`, [key]],
			[`令牌为 ${key}`, [key]],
			[`Access Key ID: ${key}`, [key]],
			[`X-Auth-Token: ${key}`, [key]],
			[`QINIU_SECRET_KEY=${key}`, [key]],
			[`String accessKey = "${key}";`, [key]],
			[`AK/SK: ${key}:${key2}`, [key, key2]],
			[`ak:sk 是 ${key}:${key2}`, [key, key2]],
		];
		for (const [text, expected] of cases) assert.deepEqual(values(detectSecretWords, text), expected, text);
	});

	it('ends a JDBC or URL password at the next parameter', () => {
		assert.deepEqual(values(detectSecretWords, 'jdbc:mysql://10.0.0.5:3306/app?user=root&password=Pw9x!kq2&useSSL=false'), ['Pw9x!kq2']);
		assert.deepEqual(values(detectSecretWords, 'jdbc:sqlserver://db:1433;user=sa;password=Sa2024pw;encrypt=true'), ['Sa2024pw']);
	});

	it('stays silent on placeholders, variables, code and prose', () => {
		const text = [
			'AK: <your_ak>，SK: ${SK}，密码：******，access_key = your-access-key，secret_key: xxx',
			'AccessKey=xxxxxxxxxxxxxxxx，SecretKey: YOUR_SECRET_KEY，api_key=${API_KEY}，token: {{token}}',
			'accessKey = config.accessKey，token = getUploadToken()，password: string，String sk = System.getenv("QINIU_SK");',
			'密码：******，密码为空，忘记了远程登录密码 我该怎么处理，密码重置无法设置，密码错误',
			'reset your password: click Reset，the token expired，secret key is required',
			'tokenizer: ApiUploadV2InitUploadRequest，tokenType=bearer，key: images/2023/banner01.png',
			'pwd: /home/ubuntu/app，ak/sk 在控制台 密钥管理 里查看',
		].join('\n');
		assert.deepEqual(values(detectSecretWords, text), []);
	});

	it('settles with the other detectors: file hashes, UUID request IDs and ETags are not secrets', () => {
		const text = [
			'文件 hash: Fq3a9Zx0b7TgYk2LmN4pQr8sVw1cEd5Hj，md5 5d41402abc4b2a76b9719d911017c592',
			'X-Reqid: 550e8400-e29b-41d4-a716-446655440000，请求ID 7a1f3c2e-9b4d-4e8f-a6c1-2d3b4e5f6a7b',
			'ETag: "FpLiHSz3hYBqXk2Nm9Lr7Tv4Wc8Yd1Zs"，sha1 da39a3ee5e6b4b0d3255bfef95601890afd80709',
		].join('\n');
		assert.deepEqual(leaksIn(text), []);
	});
});
