/**
 * The leak rule through the service, on crafted dumps (test/fixtures/leaks): every kind found on
 * the right range with the right mask, look-alikes not found, and the configuration honoured.
 */
import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { createTicketService, resolveConfig, type PartialTicketConfig } from '../../../server/src/service/index';
import { leakCodes } from '../../../server/src/service/leaks/leak';
import { covered, fixturesDir, readText, severityNames, textDocument } from '../../support/fixtures';

const leaksDir = join(fixturesDir, 'leaks');
const leakText = (name: string) => readText(join(leaksDir, name));

/** [code, severity, 1-based line, the text the range covers, the mask the fix writes, 1-based line of the masked occurrence]. */
type Case = readonly [code: string, severity: string, line: number, value: string, mask: string, maskedLine?: number];

const cases: Record<string, readonly Case[]> = {
	'pii-phone.md': [
		['pii-phone', 'warning', 13, '13812345678', '[REDACTED_PHONE]'],
		['pii-phone', 'warning', 13, '+86 139-1234-5678', '[REDACTED_PHONE]'],
		['pii-phone', 'warning', 17, '010-62345678', '[REDACTED_LANDLINE]'],
		['pii-phone', 'warning', 17, '(0755)86001234', '[REDACTED_LANDLINE]'],
	],
	'pii-email.md': [
		['pii-email', 'warning', 13, 'zhang.wei+invoice@example-corp.cn', '[REDACTED_EMAIL]'],
		['pii-email', 'warning', 17, 'FINANCE@Qiniu-Partner.com.cn', '[REDACTED_EMAIL]'],
	],
	'pii-id-card.md': [
		['pii-id-card', 'error', 13, '11010519491231002X', '[REDACTED_ID_CARD_18]'],
		['pii-id-card', 'error', 13, '440306199003071232', '[REDACTED_ID_CARD_18]'],
		['pii-id-card', 'error', 21, '440306199003071232', '[REDACTED_ID_CARD_18]'],
	],
	'pii-bank-card.md': [
		['pii-bank-card', 'error', 13, '6222021234567890128', '[REDACTED_BANK_CARD]'],
		['pii-bank-card', 'error', 13, '6217 0000 1234 5670', '[REDACTED_BANK_CARD]'],
		['pii-bank-card', 'error', 13, '4367-4212-3456-7896', '[REDACTED_BANK_CARD]'],
		['pii-bank-card', 'error', 29, '41011300040042765', '[REDACTED_BANK_ACCOUNT]'],
		['pii-bank-card', 'error', 29, '1100 1234 5678 9012 3456', '[REDACTED_BANK_ACCOUNT]'],
	],
	'pii-ip.md': [
		['pii-ip', 'warning', 13, '101.132.101.86', '101.132.*.*'],
		['pii-ip', 'warning', 13, '101.132.101.87', '101.132.*.*'],
		// Masked in the staff turn as `http://47.112.*.*/***`.
		['pii-ip', 'warning', 17, '47.112.246.194', '47.112.*.*', 27],
		['pii-ip', 'warning', 25, '101.132.101.86', '101.132.*.*'],
		['pii-ip', 'warning', 25, '101.132.101.87', '101.132.*.*'],
		['pii-ip', 'warning', 33, '2408:8000:1010:1::2b', '2408:8000:*'],
		['pii-ip', 'warning', 33, '2400:3200::1', '2400:3200:*'],
	],
	'pii-chat-id.md': [
		['pii-chat-id', 'warning', 13, 'zhang_san88', '[REDACTED_WECHAT]'],
		['pii-chat-id', 'warning', 13, '12345678', '[REDACTED_QQ]'],
		['pii-chat-id', 'warning', 25, 'zhang_san88', '[REDACTED_WECHAT]'],
		['pii-chat-id', 'warning', 25, '12345678', '[REDACTED_QQ]'],
	],
	'pii-passport.md': [
		['pii-passport', 'error', 13, 'E12345678', '[REDACTED_PASSPORT]'],
		['pii-passport', 'error', 13, 'EA1234567', '[REDACTED_PASSPORT]'],
		['pii-passport', 'error', 25, 'E12345678', '[REDACTED_PASSPORT]'],
		['pii-passport', 'error', 25, 'EA1234567', '[REDACTED_PASSPORT]'],
	],
	'pii-plate.md': [
		['pii-plate', 'warning', 13, '京A·12345', '[REDACTED_PLATE]'],
		['pii-plate', 'warning', 13, '沪AD12345', '[REDACTED_PLATE]'],
		['pii-plate', 'warning', 25, '京A·12345', '[REDACTED_PLATE]'],
		['pii-plate', 'warning', 25, '沪AD12345', '[REDACTED_PLATE]'],
	],
	'secret-credential.md': [
		['secret-credential', 'error', 13, 'jCciD48kMK0Ba3dxvdU8Aw9JCXjia4Qts7jbA2tG:lsBJ-cr-sxjsb5fyDZMpXaAHUms=', 'jCciD48k***:lsBJ-cr-***=', 25],
		[
			'secret-credential',
			'error',
			17,
			'o5wkhBmOq7Zx2Lr9Tv4NcW8yKe1JdF6hPsAm3GuB:yh648J6aQ2mXv7Rk9Lp4Zs1Td8W=:eyJzY29wZSI6ImJ1Y2tldCIsImRlYWRsaW5lIjoxNzMwMTY3ODg3fQ==',
			'o5wkhBmO***:yh648J6a***=:eyJzY29w***==',
			27,
		],
		['secret-credential', 'error', 29, '9f8e7d6c5b4a39281706f5e4d3c2b1a0', '9f8e7d6c***'],
		['secret-credential', 'error', 29, 'Zq8Lm2Xv7Rk9Lp4Zs1Td8Wc5Nb0HjE3GuBa', 'Zq8Lm2Xv***'],
		['secret-credential', 'error', 31, 'Qiniu@2024!', '[REDACTED_PASSWORD]'],
		['secret-credential', 'error', 31, 'hunter22', '[REDACTED_PASSWORD]'],
	],
	'pii-org-id.md': [
		['pii-org-id', 'warning', 13, '91110108MA003UN95A', '[REDACTED_ORG_ID]'],
		['pii-org-id', 'warning', 13, '91440300MA5HM7HT6F', '[REDACTED_ORG_ID]'],
		['pii-org-id', 'warning', 21, '91110108MA003UN95A', '[REDACTED_ORG_ID]'],
		['pii-org-id', 'warning', 21, '91440300MA5HM7HT6F', '[REDACTED_ORG_ID]'],
		['pii-org-id', 'warning', 23, '12100000400000123X', '[REDACTED_ORG_ID]'],
		['pii-org-id', 'warning', 23, '911101087000100061', '[REDACTED_ORG_ID]'],
		['pii-org-id', 'warning', 23, '91440300708461136T', '[REDACTED_ORG_ID]'],
	],
	'redaction-leak.md': [
		['redaction-leak', 'warning', 17, 'zhxiaofang-cn-idvoina.qiniudns.com', 'zhxiaofa***.qiniudns.com', 29],
		// A link to public documentation (publicDocHosts): lower by default.
		['redaction-leak', 'information', 17, 'https://developer.qiniu.com/kodo/1302/qshell#9batchexpire', 'https://developer.qiniu.com/***', 29],
		['redaction-leak', 'warning', 19, 'https://portal.qiniu.com/certificate/apply', 'https://portal.qiniu.com/***', 31],
		['redaction-leak', 'warning', 19, 'createMultipartUploadV2Task', 'createMu***', 31],
	],
	'lookalikes.md': [],
};

function leakDiagnostics(text: string, partial: PartialTicketConfig = {}): Diagnostic[] {
	const service = createTicketService({ config: resolveConfig(partial), log: assert.fail });
	const all = service.validate(textDocument(text));
	assert.ok(all);
	return all.filter((d) => (leakCodes as readonly string[]).includes(String(d.code)));
}

describe('rules/leaks', () => {
	it('has a case for every fixture, and every leak code is found in one', () => {
		assert.deepEqual(Object.keys(cases).sort(), readdirSync(leaksDir).sort());
		assert.deepEqual([...new Set(Object.values(cases).flatMap((c) => c.map((x) => x[0])))].sort(), [...leakCodes].sort());
	});

	for (const [name, expected] of Object.entries(cases)) {
		it(`${name}: ${expected.length} finding(s) on the value itself`, () => {
			const text = leakText(name);
			const found = leakDiagnostics(text).map((d): Case => {
				const related = d.relatedInformation?.[0];
				const row = [String(d.code), severityNames[d.severity!], d.range.start.line + 1, covered(text, d), String(d.data?.replacement)] as const;
				return related ? [...row, related.location.range.start.line + 1] : row;
			});
			assert.deepEqual(found, expected);
		});
	}

	it('points the related information at the masked text itself, in the same file', () => {
		const text = leakText('redaction-leak.md');
		const [first] = leakDiagnostics(text);
		const location = first.relatedInformation![0].location;
		assert.equal(location.uri, 'file:///work/dump.md');
		assert.equal(covered(text, { ...first, range: location.range }), 'zhxiaofa***.qiniudns.com');
	});

	it('never repeats the leaked value in the message', () => {
		for (const name of Object.keys(cases)) {
			const text = leakText(name);
			for (const d of leakDiagnostics(text)) {
				assert.ok(!d.message.includes(covered(text, d)), `${name}: ${d.message}`);
				assert.ok(d.message.length > 20);
			}
		}
	});

	it('the allow-list silences known values, exactly or with `*`', () => {
		const text = leakText('pii-phone.md');
		const found = leakDiagnostics(text, { allowList: ['138 1234 5678', '(0755)*'] }).map((d) => covered(text, d));
		assert.deepEqual(found, ['+86 139-1234-5678', '010-62345678']);
	});

	it('a code switched off is not reported; a value it would claim may still be a redaction leak', () => {
		const text = leakText('pii-ip.md');
		const found = leakDiagnostics(text, { rules: { 'pii-ip': 'off' } }).map((d) => [d.code, covered(text, d)]);
		// With pii-ip off, the URL holding the address is what the ticket masks elsewhere.
		assert.deepEqual(found, [['redaction-leak', 'http://47.112.246.194/1.html']]);
		const severity = leakDiagnostics(leakText('pii-phone.md'), { rules: { 'pii-phone': 'error' } }).map((d) => d.severity);
		assert.deepEqual(severity, [DiagnosticSeverity.Error, DiagnosticSeverity.Error, DiagnosticSeverity.Error, DiagnosticSeverity.Error]);
	});

	it('lowers a redaction leak of a public documentation link unless the rule is configured or the host list is emptied', () => {
		const text = leakText('redaction-leak.md');
		const severities = (partial: PartialTicketConfig) => leakDiagnostics(text, partial).map((d) => severityNames[d.severity!]);
		assert.deepEqual(severities({}), ['warning', 'information', 'warning', 'warning']);
		assert.deepEqual(severities({ publicDocHosts: [] }), ['warning', 'warning', 'warning', 'warning']);
		assert.deepEqual(severities({ rules: { 'redaction-leak': 'warning' } }), ['warning', 'warning', 'warning', 'warning']);
		assert.deepEqual(severities({ publicDocHosts: ['*.qiniu.com'] }), ['warning', 'information', 'information', 'warning']);
		const lowered = leakDiagnostics(text).find((d) => d.severity === DiagnosticSeverity.Information)!;
		assert.match(lowered.message, /public documentation \(`publicDocHosts`\)/);
	});

	it('finds the same leaks on CRLF text', () => {
		for (const name of Object.keys(cases)) {
			const lf = leakText(name);
			const crlf = leakDiagnostics(lf.replace(/\n/g, '\r\n')).map((d) => [d.code, d.range]);
			assert.deepEqual(
				crlf,
				leakDiagnostics(lf).map((d) => [d.code, d.range]),
				name,
			);
		}
	});
});
