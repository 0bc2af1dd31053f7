/**
 * `tickets check` never prints a leaked value, in any format: messages that quote ticket text (a
 * duplicated title holding a phone or an ID number, the start of a first customer turn, an answer,
 * a root cause) quote it masked. test/fixtures/cli/quoted-leaks.md has one of each.
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { cliFixtures, runCli } from './runCli';

const dump = join(cliFixtures, 'quoted-leaks.md');
/** The leaked values of the dump, and the first 12 digits of its ID number (what a cut quote kept of it). */
const leaked = ['13812345678', '13912345678', '440306199003071232', '440306199003'];

describe('tickets check on quoted leaks', () => {
	it('--format json: no message repeats a phone or ID number, and each quoting rule says where it is masked', () => {
		const result = runCli(['check', '--format', 'json', dump]);
		assert.equal(result.code, 1, result.stderr);
		const findings = (JSON.parse(result.stdout) as { files: { findings: { code: string; line: number; message: string }[] }[] }).files[0].findings;
		for (const value of leaked) assert.ok(!result.stdout.includes(value), `${value} is printed`);
		assert.doesNotMatch(result.stdout, /\d{7,}/);
		// The label rules (…-unsupported) name labels and evidence terms: the checks above cover them.
		const quoted = findings.filter((f) => !f.code.startsWith('pii-') && !f.code.endsWith('-unsupported')).map((f) => [f.code, f.line, f.message]);
		assert.deepEqual(quoted, [
			['duplicate-title', 7, 'The title "手机[REDACTED_PHONE]无法登录" is also used by another ticket in this file.'],
			['duplicate-title', 31, 'The title "手机[REDACTED_PHONE]无法登录" is also used by another ticket in this file.'],
			['duplicate-title', 55, 'The title "身份证[REDACTED_ID_CARD_18]认证失败" is also used by another ticket in this file.'],
			['duplicate-title', 79, 'The title "身份证[REDACTED_ID_CARD_18]认证失败" is also used by another ticket in this file.'],
			['description-mismatch', 109, 'The description is not the first customer turn: "请帮忙查询实名认证进度" vs "[REDACTED_PHONE]…".'],
			['description-mismatch', 133, 'The description is not the first customer turn: "认证一直失败" vs "[REDACTED_ID_CARD_18]…".'],
			['answers-mismatch', 161, 'Answer 1 differs from staff turn 1 of the dialog: "请拨打[REDACTED_PHONE]…" vs "请拨打商务电话联系商务".'],
			['root-cause-unknown', 189, 'Unknown root cause `客户电话[REDACTED_PHONE]无法接通`; expected one of the known labels.'],
		]);
	});

	it('text and SARIF: no message repeats them either', () => {
		for (const format of ['text', 'sarif']) {
			const result = runCli(['check', '--format', format, dump]);
			assert.equal(result.code, 1, result.stderr);
			for (const value of leaked) assert.ok(!result.stdout.includes(value), `${format}: ${value} is printed`);
			assert.match(result.stdout, /手机\[REDACTED_PHONE\]无法登录/);
		}
	});

	it('in Chinese too', () => {
		const result = runCli(['check', '--format', 'json', dump], { env: { LANG: 'zh_CN.UTF-8' } });
		for (const value of leaked) assert.ok(!result.stdout.includes(value), `${value} is printed`);
		assert.match(result.stdout, /标题“手机\[REDACTED_PHONE\]无法登录”在本文件中还被另一个工单使用/);
	});
});
