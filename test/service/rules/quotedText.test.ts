/**
 * Messages that quote ticket text, through the service: every quote goes through the leak masker (a
 * phone or ID number in a title, a section heading, a speaker label, a root cause, the start of a
 * turn never comes back whole, nor cut to 12 digits), and duplicate-title's related information stays
 * bounded however many tickets share the title.
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createTicketService, resolveConfig, type PartialTicketConfig } from '../../../server/src/service/index';
import { fixturesDir, readText, textDocument } from '../../support/fixtures';

const phone = '13812345678';

interface TicketParts {
	readonly title: string;
	readonly description?: string;
	readonly answer?: string;
	readonly rootCause?: string;
	readonly customer?: string;
	readonly staff?: string;
	readonly extraSection?: string;
	readonly extraTurn?: string;
	readonly category?: string;
}

/** A well-formed ticket but for what `parts` changes. */
function ticket(parts: TicketParts): string {
	const description = parts.description ?? '控制台无法登录';
	const staff = parts.staff ?? '您好，请提供报错截图。';
	return [
		`## ${parts.title}`,
		`**问题分类**: ${parts.category ?? '对象存储｜其他类咨询'}`,
		'### 问题描述',
		description,
		...(parts.extraSection ? [parts.extraSection, '补充说明'] : []),
		'### 客服解答',
		`1. ${parts.answer ?? staff}`,
		'### 根本原因分析',
		parts.rootCause ?? '需要进一步排查具体原因',
		'### 完整对话记录',
		`**客户**：${parts.customer ?? description}`,
		`**客服**：${staff}`,
		...(parts.extraTurn ? [parts.extraTurn] : []),
		'---',
		'',
	].join('\n\n');
}

function dump(tickets: readonly string[]): string {
	return `# 技术支持工单数据 - Part 1\n\n本文档包含 ${tickets.length} 个结构化技术支持问答记录\n\n---\n\n${tickets.join('')}`;
}

function validate(text: string, config?: PartialTicketConfig): Diagnostic[] {
	return createTicketService(config ? { config: resolveConfig(config) } : {}).validate(textDocument(text)) ?? [];
}

/** Every message and related message of the findings that are not themselves leak findings. */
/** The label rules (`…-unsupported`) quote the label alone; a test below checks it masked. */
const quoting = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => !/^(pii-|secret-|redaction-)|-unsupported$/.test(String(d.code)));
const texts = (diagnostics: readonly Diagnostic[]) => diagnostics.flatMap((d) => [d.message, ...(d.relatedInformation ?? []).map((r) => r.message)]);
const titleLines = (text: string) => text.split('\n').flatMap((line, i) => (line.startsWith('## ') ? [i] : []));

describe('messages quoting ticket text', () => {
	it('mask a phone in a root cause the label rules quote', () => {
		// A taxonomy whose root cause holds a phone: the label is the ticket's text, so it is quoted masked.
		const label = `客户${phone}回访`;
		const config = { rootCauses: [label, '其他'], rootCauseEvidence: { [label]: ['回访'], 其他: [] } };
		const found = validate(dump([ticket({ title: '控制台无法登录', rootCause: label })]), config).filter((d) => d.code === 'root-cause-unsupported');
		assert.equal(found.length, 1, 'the root cause is judged');
		assert.ok(!found[0].message.includes(phone), found[0].message);
		assert.match(found[0].message, /客户\[REDACTED_PHONE\]回访/);
	});

	it('mask a phone and an ID number in every rule that quotes them (the CLI fixture)', () => {
		const diagnostics = quoting(validate(readText(join(fixturesDir, 'cli', 'quoted-leaks.md'))));
		assert.deepEqual([...new Set(diagnostics.map((d) => d.code))].sort(), [
			'answers-mismatch',
			'description-mismatch',
			'duplicate-title',
			'root-cause-unknown',
		]);
		for (const message of texts(diagnostics)) assert.doesNotMatch(message, /\d{7,}/, message);
		const description = diagnostics.filter((d) => d.code === 'description-mismatch').map((d) => d.message);
		// The first customer turn starts with the value: its mask is quoted whole, not 12 digits of the ID number.
		assert.deepEqual(description, [
			'The description is not the first customer turn: "请帮忙查询实名认证进度" vs "[REDACTED_PHONE]…".',
			'The description is not the first customer turn: "认证一直失败" vs "[REDACTED_ID_CARD_18]…".',
		]);
	});

	it('mask a section heading, a speaker label and a category that hold a phone number', () => {
		const text = dump([
			ticket({ title: '无法登录', extraSection: `### 联系${phone}` }),
			ticket({ title: '验证码错误', extraTurn: `**${phone}**：您好` }),
			ticket({ title: '上传失败', category: `对象存储｜${phone}` }),
		]);
		const diagnostics = quoting(validate(text, { categories: ['对象存储｜其他类咨询'] }));
		assert.deepEqual(
			diagnostics.map((d) => [d.code, d.message]),
			[
				['section-unknown', 'Unknown section `联系[REDACTED_PHONE]`; the sections are 问题描述, 客服解答, 根本原因分析, 完整对话记录.'],
				['speaker-unknown', '`[REDACTED_PHONE]` is no known speaker; a turn is spoken by `客户` or `客服`.'],
				['category-unknown', 'Category `对象存储｜[REDACTED_PHONE]` is not in the taxonomy.'],
			],
		);
	});

	it('mask a value the ticket masks elsewhere (a secret as a placeholder, no part of it), keep allow-listed values, and mask whatever the rules’ severities', () => {
		const masked = ticket({ title: '密钥 671f6a43c0ffee2024 无效', description: '密钥 671f6a43*** 无效' });
		const text = dump([masked, masked, ticket({ title: `热线${phone}` }), ticket({ title: `热线${phone}` })]);
		const titles = (config?: PartialTicketConfig) =>
			validate(text, config)
				.filter((d) => d.code === 'duplicate-title')
				.map((d) => d.message);
		assert.deepEqual(titles(), [
			'The title "密钥 [REDACTED_SECRET] 无效" is also used by another ticket in this file.',
			'The title "密钥 [REDACTED_SECRET] 无效" is also used by another ticket in this file.',
			'The title "热线[REDACTED_PHONE]" is also used by another ticket in this file.',
			'The title "热线[REDACTED_PHONE]" is also used by another ticket in this file.',
		]);
		// Switched off, the leak rules report nothing; messages still do not print the values.
		assert.deepEqual(titles({ rules: { 'pii-phone': 'off', 'redaction-leak': 'off' } }), titles());
		// An allow-listed number is no leak: it is quoted as written.
		assert.ok(titles({ allowList: [phone] }).includes(`The title "热线${phone}" is also used by another ticket in this file.`));
	});
});

describe('duplicate-title related information', () => {
	const group = (n: number, title: string) => Array.from({ length: n }, (_, i) => ticket({ title, description: `问题${i}` }));

	it('lists every other ticket of a title used up to 6 times', () => {
		const text = dump(group(6, '咨询'));
		const lines = titleLines(text);
		const findings = validate(text).filter((d) => d.code === 'duplicate-title');
		assert.equal(findings.length, 6);
		findings.forEach((d, k) => {
			assert.equal(d.message, 'The title "咨询" is also used by 5 other tickets in this file.');
			assert.deepEqual(
				d.relatedInformation?.map((r) => [r.location.range.start.line, r.message]),
				lines.filter((_, j) => j !== k).map((line) => [line, 'Same title']),
			);
		});
	});

	it('lists five and how many more on the first use of a title used more often, and names its line on the others', () => {
		const text = dump([...group(8, '咨询'), ...group(2, '免费 from 自动催单')]);
		const lines = titleLines(text);
		const findings = validate(text).filter((d) => d.code === 'duplicate-title');
		assert.equal(findings.length, 10);
		const [first, ...later] = findings.slice(0, 8);
		assert.equal(first.message, 'The title "咨询" is also used by 7 other tickets in this file.');
		assert.deepEqual(
			first.relatedInformation?.map((r) => [r.location.range.start.line, r.message]),
			[...lines.slice(1, 6).map((line) => [line, 'Same title']), [lines[6], '…and 2 more']],
		);
		for (const d of later) {
			assert.equal(d.message, `The title "咨询" is also used by 7 other tickets in this file; its first use is on line ${lines[0] + 1}.`);
			assert.equal(d.relatedInformation, undefined);
		}
		// A pair still points each at the other.
		assert.deepEqual(
			findings.slice(8).map((d) => d.relatedInformation?.map((r) => r.location.range.start.line)),
			[[lines[9]], [lines[8]]],
		);
	});

	it('stays bounded in Chinese', async () => {
		const l10n = await import('@vscode/l10n');
		const bundle = JSON.parse(readText(join(__dirname, '..', '..', '..', 'l10n', 'bundle.l10n.zh-cn.json'))) as Record<string, string>;
		l10n.config({ contents: bundle });
		try {
			const text = dump(group(8, '咨询'));
			const [first, second] = validate(text).filter((d) => d.code === 'duplicate-title');
			assert.equal(first.relatedInformation?.at(-1)?.message, '……还有 2 个');
			assert.equal(second.message, `标题“咨询”在本文件中还被 7 个其他工单使用；第一次使用在第 ${titleLines(text)[0] + 1} 行。`);
		} finally {
			l10n.config({ contents: {} });
		}
	});
});
