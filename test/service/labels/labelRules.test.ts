/**
 * root-cause-unsupported and category-unsupported through the service: every default evidence set
 * found and not found, evidence that is only inside a URL, a name or a code line not counted, the
 * configured evidence, the catch-all, and labels kept after review.
 */
import { strict as assert } from 'node:assert';
import type { Diagnostic } from 'vscode-languageserver-types';
import {
	catchAllRootCause,
	createTicketService,
	defaultProductEvidence,
	defaultRootCauseEvidence,
	resolveConfig,
	type LabelSuggestion,
	type PartialTicketConfig,
} from '../../../server/src/service/index';
import { textDocument } from '../../support/fixtures';

interface Parts {
	readonly title?: string;
	readonly product?: string;
	readonly rootCause?: string;
	readonly description?: string;
	readonly dialog?: string;
}

/** One well-formed ticket whose own words are `description` (title, description and dialog). */
function dump({ title = '咨询', product = '对象存储', rootCause = catchAllRootCause, description = '请帮忙看一下', dialog }: Parts): string {
	return [
		'# 技术支持工单数据 - Part 1',
		'',
		'本文档包含 1 个结构化技术支持问答记录',
		'',
		'---',
		'',
		`## ${title}`,
		'',
		`**问题分类**: ${product}｜其他类咨询`,
		'',
		'### 问题描述',
		'',
		description,
		'',
		'### 客服解答',
		'',
		'1. 您好，请稍等',
		'',
		'### 根本原因分析',
		'',
		rootCause,
		'',
		'### 完整对话记录',
		'',
		`**客户**：${dialog ?? description}`,
		'',
		'**客服**：您好，请稍等',
		'',
		'---',
		'',
	].join('\n');
}

const uri = 'file:///work/dumps/part-1.md';

function findings(text: string, config?: PartialTicketConfig, at = uri): Diagnostic[] {
	const service = createTicketService({ config: resolveConfig(config), log: (m) => assert.fail(m) });
	return service.validate(textDocument(text, at))!.filter((d) => String(d.code).endsWith('-unsupported'));
}

/** The root-cause findings (the tickets' product is left without evidence here). */
const labelFindings = (text: string, config?: PartialTicketConfig, at = uri) => findings(text, config, at).filter((d) => d.code === 'root-cause-unsupported');
const productFindings = (text: string, config?: PartialTicketConfig) => findings(text, config).filter((d) => d.code === 'category-unsupported');

const suggestions = (d: Diagnostic) => (d.data as { suggestions: LabelSuggestion[] }).suggestions.map((s) => s.label);

/** A sentence that mentions `term` in prose, and nothing else any label looks for. */
const prose = (term: string) => `我们这边遇到 ${term} 的情况，麻烦看一下`;

describe('label evidence rules', () => {
	describe('every default root cause', () => {
		for (const [label, terms] of Object.entries(defaultRootCauseEvidence)) {
			if (!terms.length) continue;
			it(`${label}: supported by each of its terms, unsupported without them`, () => {
				for (const term of terms) assert.deepEqual(labelFindings(dump({ rootCause: label, description: prose(term) })), [], term);
				const [finding] = labelFindings(dump({ rootCause: label, description: '请帮忙看一下这个问题' }));
				assert.equal(finding.code, 'root-cause-unsupported');
				assert.equal(finding.severity, 4, 'a hint by default');
				assert.equal(finding.range.start.line, 20, 'on the root-cause label');
				assert.ok(finding.message.includes(`\`${label}\``), 'names the label');
				assert.ok(finding.message.includes(terms[0]), 'names the evidence looked for');
				assert.ok(!finding.message.includes('请帮忙看一下这个问题'), 'never quotes the ticket');
				assert.deepEqual(suggestions(finding), [catchAllRootCause], 'the catch-all when no label has evidence');
			});
		}
	});

	describe('every default product', () => {
		for (const [product, terms] of Object.entries(defaultProductEvidence)) {
			it(`${product}: supported by each of its terms, unsupported without them`, () => {
				for (const term of terms) assert.deepEqual(productFindings(dump({ product, description: prose(term) })), [], term);
				const [finding] = productFindings(dump({ product, description: '请帮忙看一下这个问题' }));
				assert.equal(finding.code, 'category-unsupported');
				assert.equal(finding.range.start.line, 8, 'on the category line');
				assert.ok(finding.message.includes(`\`${product}\``));
				assert.deepEqual(suggestions(finding), [], 'no catch-all among products');
			});
		}
	});

	it('does not count evidence that is only inside a URL, an e-mail address, a host or file name, or a code line', () => {
		const only = [
			'请看 https://cdn.example.com/a.png 这个链接',
			'文件名是 ssl.conf 和 cert.key',
			'发到 ssl@example.com 这个邮箱了',
			'访问 ssl.example.com 时出错',
			'报错如下：\n    at com.example.Ssl.verify(Ssl.java:42) { "ssl": true, "tls": "1.2", "https": [1, 2] }',
			'日志：2024-10-28 19:22:08 ERROR https handshake failed',
			'代码 `https = true` 已经加上了',
		];
		for (const description of only) {
			const [finding] = labelFindings(dump({ rootCause: 'SSL/TLS证书配置问题', description }));
			assert.equal(finding?.code, 'root-cause-unsupported', description);
		}
		// The same words in prose count.
		assert.deepEqual(labelFindings(dump({ rootCause: 'SSL/TLS证书配置问题', description: '访问 https 时提示不安全' })), []);
	});

	it("does not count a company's name or the 认证 of an account's identity", () => {
		const network = '网络连接问题或DNS解析异常';
		const auth = '认证凭证或权限配置问题';
		assert.equal(labelFindings(dump({ rootCause: network, description: '开票信息：公司名称：深圳市某某网络科技有限公司' })).length, 1);
		assert.equal(labelFindings(dump({ rootCause: network, description: '我们公司的网络不稳定' })).length, 0, 'the word in prose counts');
		for (const phrase of ['支持未认证用户申请提现', '企业认证还没通过', '实名认证的资料'])
			assert.equal(labelFindings(dump({ rootCause: auth, description: phrase })).length, 1, phrase);
		assert.equal(labelFindings(dump({ rootCause: auth, description: '接口认证失败' })).length, 0, 'the 认证 of a request counts');
	});

	it('does not read the label itself, the category line or a placeholder as evidence', () => {
		// 证书 is in the label, 证书问题 in the category, 图片 (智能多媒体) in the placeholder.
		const text = dump({ product: 'CDN', rootCause: 'SSL/TLS证书配置问题', description: '加速域名 [图片] 访问异常' }).replace(
			'CDN｜其他类咨询',
			'CDN｜证书问题',
		);
		const [finding] = labelFindings(text);
		assert.equal(finding.code, 'root-cause-unsupported');
		assert.deepEqual(suggestions(finding), [catchAllRootCause]);
		assert.deepEqual(productFindings(dump({ product: '智能多媒体', description: '[图片] 请看' })).length, 1);
	});

	it('matches a Latin term as a whole word only', () => {
		assert.equal(labelFindings(dump({ rootCause: '认证凭证或权限配置问题', description: '我们 break 了' })).length, 1, 'AK is not in break');
		assert.equal(labelFindings(dump({ rootCause: '认证凭证或权限配置问题', description: '填写的 AK 不对' })).length, 0);
	});

	it('suggests the labels whose evidence the ticket has, most evidence first', () => {
		const [finding] = labelFindings(dump({ rootCause: 'SSL/TLS证书配置问题', description: '上传大文件时分片失败，断点续传也不行，也配置过参数' }));
		assert.deepEqual(suggestions(finding), ['文件传输或分片处理问题', '配置参数错误或不当']);
		assert.match(finding.message, /`文件传输或分片处理问题` \(上传, 分片, 断点, 续传\)/);
	});

	it('leaves the catch-all alone: it needs no evidence', () => {
		assert.deepEqual(labelFindings(dump({ rootCause: catchAllRootCause, description: '请帮忙看一下这个问题' })), []);
	});

	it('leaves a label without evidence in the configuration alone', () => {
		assert.deepEqual(labelFindings(dump({ rootCause: '其他原因', description: '请帮忙看一下' }), { rootCauses: ['其他原因'] }), []);
	});

	describe('configured evidence', () => {
		it('adds terms to a default label', () => {
			const text = dump({ rootCause: 'SSL/TLS证书配置问题', description: '小绿锁不见了' });
			assert.equal(labelFindings(text).length, 1);
			assert.deepEqual(labelFindings(text, { rootCauseEvidence: { 'SSL/TLS证书配置问题': ['小绿锁'] } }), []);
		});

		it('replaces the defaults of a label', () => {
			const text = dump({ rootCause: 'SSL/TLS证书配置问题', description: '证书过期了' });
			const [finding] = labelFindings(text, { rootCauseEvidence: { 'SSL/TLS证书配置问题': { terms: ['小绿锁'], replace: true } } });
			assert.equal(finding.code, 'root-cause-unsupported');
			assert.match(finding.message, /小绿锁/);
		});

		it('gives a new label evidence, and an empty list makes a catch-all', () => {
			const config: PartialTicketConfig = { rootCauses: ['欠费停服', '其他'], rootCauseEvidence: { 欠费停服: ['欠费', '停服'], 其他: [] } };
			const [finding] = labelFindings(dump({ rootCause: '欠费停服', description: '请帮忙看一下' }), config);
			assert.deepEqual(suggestions(finding), ['其他']);
			assert.deepEqual(labelFindings(dump({ rootCause: '欠费停服', description: '账户欠费了' }), config), []);
		});

		it('adds product evidence', () => {
			const text = dump({ product: '云短信', description: '国际号码收不到' });
			assert.equal(productFindings(text).length, 1);
			assert.deepEqual(productFindings(text, { productEvidence: { 云短信: ['国际号码'] } }), []);
		});

		it('turns off with the rule setting', () => {
			const text = dump({ rootCause: 'SSL/TLS证书配置问题', product: 'CDN', description: '请帮忙看一下' });
			assert.equal(findings(text).length, 2);
			assert.deepEqual(findings(text, { rules: { 'root-cause-unsupported': 'off', 'category-unsupported': 'off' } }), []);
		});
	});

	describe('kept labels', () => {
		const text = dump({ title: '开发票', product: '账户与财务', rootCause: 'SSL/TLS证书配置问题', description: '开取未开的发票' });
		const kept = (file: string, title = '开发票', label = 'SSL/TLS证书配置问题'): PartialTicketConfig => ({ keptLabels: [{ file, title, label }] });

		it('does not report a kept label on that ticket of that file again', () => {
			assert.equal(labelFindings(text).length, 1);
			assert.deepEqual(labelFindings(text, kept('dumps/part-1.md')), []);
			assert.deepEqual(labelFindings(text, kept('part-1.md')), [], 'a path relative to a folder further down');
		});

		it('still reports it in another file, on another title, or for another label', () => {
			assert.equal(labelFindings(text, kept('dumps/part-2.md')).length, 1);
			assert.equal(labelFindings(text, kept('art-1.md')).length, 1, 'a whole file name, not its tail');
			assert.equal(labelFindings(text, kept('dumps/part-1.md', '账号注销')).length, 1);
			assert.equal(labelFindings(text, kept('dumps/part-1.md', '开发票', '配置参数错误或不当')).length, 1);
		});

		it('matches a path with spaces and non-ASCII characters', () => {
			const at = 'file:///work/%E5%B7%A5%E5%8D%95%20dumps/part-1.md';
			assert.deepEqual(labelFindings(text, kept('工单 dumps/part-1.md'), at), []);
		});
	});
});
