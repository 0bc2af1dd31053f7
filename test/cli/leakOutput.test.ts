/**
 * Nothing private in what `tickets check` writes: on a copy of the real dump with leaks of every
 * kind planted, no format (text, JSON, SARIF) carries a planted value, nor any 6 characters in a
 * row of a secret (a mask keeps a secret's first characters, so no mask may be printed either).
 */
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { realDump, runCli, tempDir } from './runCli';

const secrets = [
	'Qw7!pLm2x9Zk',
	'Zq8Lm2Xv7Rk9Lp4Zs1Td8Wc5Nb0HjE3GuBa',
	'LTAI5tQm8Xk2Rz7Wp4Lc9Nv3',
	'ghp_4Xk9Rz2Wp7Lc3Nv8Bm6Hs1Jt5Yd0Ga2QeTu9',
	'My5qlPw9xK',
	// The real dump's own key (ticket 12), masked in its dialog as `jCciD48k***:lsBJ-cr-***=`.
	'jCciD48kMK0Ba3dxvdU8Aw9JCXjia4Qts7jbA2tG:lsBJ-cr-sxjsb5fyDZMpXaAHUms=',
];
const personal = ['15012345678', '11010519491231002X', 'li.ming@corp-mail.cn', '2408:8000:1010:1::2b', 'zhang_san88', 'E12345678', '京A·12345'];

const planted = [
	`登录密码：${secrets[0]}，AccessKeySecret: ${secrets[1]}，ID ${secrets[2]}，令牌 ${secrets[3]}`,
	`连接串 mysql://root:${secrets[4]}@10.0.0.8:3306/app，手机 150 1234 5678，身份证 ${personal[1]}，邮箱 ${personal[2]}`,
	`源站 ${personal[3]}，微信：${personal[4]}，护照号：${personal[5]}，车牌${personal[6]}`,
].join('，');

/** Every run of `n` characters of a value. */
const windows = (value: string, n: number) => Array.from({ length: Math.max(0, value.length - n + 1) }, (_, i) => value.slice(i, i + n));

describe('tickets check: nothing private in any output', () => {
	it('prints the kind and the position of planted leaks, never a value or 6 characters of a secret, as text, JSON and SARIF', () => {
		const dir = tempDir();
		try {
			// Into the first ticket's description and its first customer turn alike, which other rules compare.
			const real = readFileSync(realDump, 'utf8');
			const description = /### 问题描述\n\n(.+)/.exec(real)![1];
			const text = real
				.replace(`### 问题描述\n\n${description}`, `### 问题描述\n\n${planted}${description}`)
				.replace(`**客户**：${description}`, `**客户**：${planted}${description}`);
			assert.equal(text.split(planted).length, 3);
			writeFileSync(join(dir.path, 'dump.md'), text);
			for (const format of ['text', 'json', 'sarif']) {
				const result = runCli(['check', '--exit-zero', '--format', format, 'dump.md'], { cwd: dir.path });
				assert.equal(result.code, 0, result.stderr);
				// The planted leaks are found (one per kind at least) …
				for (const code of ['secret-credential', 'pii-phone', 'pii-id-card', 'pii-email', 'pii-ip', 'pii-chat-id', 'pii-passport', 'pii-plate'])
					assert.ok(result.stdout.includes(code), `${format}: ${code} reported`);
				// … and the output holds none of them.
				for (const value of [...personal, '150 1234 5678']) assert.ok(!result.stdout.includes(value), `${format}: ${value}`);
				for (const secret of secrets) for (const w of windows(secret, 6)) assert.ok(!result.stdout.includes(w), `${format}: ${w} of a secret`);
			}
		} finally {
			dir.remove();
		}
	});
});
