/**
 * Every rule the service checks, and the one place its metadata is written: the stable code (the
 * LSP Diagnostic's `code`), the category, the default severity, a one-line description in English
 * and Simplified Chinese, and what it finds (longer, for the README). `npm run generate`
 * (scripts/generate.ts) writes them into package.json, package.nls*.json, the configuration
 * schema and README.md; the CLI's SARIF output and the settings read them from here.
 */
import * as l10n from '@vscode/l10n';

const severityNames = ['error', 'warning', 'information', 'hint'] as const;
export type SeverityName = (typeof severityNames)[number];

/** What a rule may be set to: a severity, or `off`. */
export const ruleSettings = [...severityNames, 'off'] as const;
export type RuleSetting = (typeof ruleSettings)[number];

/**
 * - structure: the file's and each ticket's Markdown shape, per file.
 * - leaks: personal data and secrets the anonymiser missed; secrets and sensitive personal data (ID, bank) are errors, other personal data warnings.
 * - files: files that are not checked, said once at line 1 instead of freezing on them or staying silent.
 * - duplicates: copies across the workspace, found by the host over every file, not per ticket.
 * - labels: root causes and products that their ticket's own words give no evidence for.
 */
export type RuleCategory = 'structure' | 'leaks' | 'files' | 'duplicates' | 'labels';

/** The languages descriptions are translated into: each has its package.nls.<language>.json and l10n/bundle.l10n.<language>.json. */
export const ruleLanguages = ['zh-cn'] as const;
export type RuleLanguage = (typeof ruleLanguages)[number];

export interface RuleInfo {
	readonly code: string;
	readonly category: RuleCategory;
	readonly severity: SeverityName;
	/** One line: the setting's description, the schema's and SARIF's. */
	readonly description: { readonly en: string } & { readonly [L in RuleLanguage]: string };
	/** What a finding is, in more detail: the README's rule table (Markdown, `|` unescaped). */
	readonly finds: string;
}

export const rules = [
	{
		code: 'file-title',
		category: 'structure',
		severity: 'error',
		description: { en: 'The file has exactly one H1 title.', 'zh-cn': '文件有且只有一个一级标题。' },
		finds: 'no H1 file title, or more than one',
	},
	{
		code: 'declared-count',
		category: 'structure',
		severity: 'warning',
		description: { en: 'The declared ticket count matches the tickets in the file.', 'zh-cn': '声明的工单数量与文件中的工单数一致。' },
		finds: 'the declared "本文档包含 N 个…" count differs from the tickets found',
	},
	{
		code: 'separator',
		category: 'structure',
		severity: 'warning',
		description: {
			en: 'Every ticket is followed by one `---`, and no `---` stands elsewhere between tickets.',
			'zh-cn': '每个工单后有且只有一个 `---`，工单之间没有多余的 `---`。',
		},
		finds: 'a ticket not followed by `---`, a `---` directly under text (it turns the text into a heading), a doubled `---`',
	},
	{
		code: 'ticket-title',
		category: 'structure',
		severity: 'error',
		description: { en: 'Every ticket has a non-empty H2 title.', 'zh-cn': '每个工单都有非空的二级标题。' },
		finds: 'an empty H2 title',
	},
	{
		code: 'category-missing',
		category: 'structure',
		severity: 'error',
		description: { en: 'Every ticket has a category line.', 'zh-cn': '每个工单都有问题分类行。' },
		finds: 'no `**问题分类**:` line',
	},
	{
		code: 'category-format',
		category: 'structure',
		severity: 'warning',
		description: { en: 'The category line is written `**问题分类**: product｜subcategory`.', 'zh-cn': '问题分类行写作 `**问题分类**: 产品｜子类`。' },
		finds:
			'a wrong separator (`|`, `/`, `-` instead of `｜`), a missing product or subcategory, stray spaces, a fullwidth `：` after the key, a key not in bold',
	},
	{
		code: 'category-unknown',
		category: 'structure',
		severity: 'warning',
		description: { en: 'The category belongs to the taxonomy.', 'zh-cn': '问题分类属于分类体系。' },
		finds:
			'a category outside the configured taxonomy; without one, a category seen once whose product or subcategory is a near spelling of a frequent one ("did you mean …")',
	},
	{
		code: 'section-missing',
		category: 'structure',
		severity: 'error',
		description: {
			en: 'Every ticket has the sections 问题描述, 根本原因分析 and 完整对话记录.',
			'zh-cn': '每个工单都有 问题描述、根本原因分析 和 完整对话记录 三节。',
		},
		finds: '问题描述, 根本原因分析 or 完整对话记录 absent (not reported again when a misspelt heading is the cause)',
	},
	{
		code: 'section-empty',
		category: 'structure',
		severity: 'warning',
		description: { en: 'No section is empty.', 'zh-cn': '没有空的小节。' },
		finds: 'a section with no content',
	},
	{
		code: 'section-order',
		category: 'structure',
		severity: 'warning',
		description: {
			en: 'Sections come in the order 问题描述, 客服解答, 根本原因分析, 完整对话记录.',
			'zh-cn': '小节按 问题描述、客服解答、根本原因分析、完整对话记录 的顺序排列。',
		},
		finds: 'sections out of the order 问题描述, 客服解答, 根本原因分析, 完整对话记录',
	},
	{
		code: 'section-duplicate',
		category: 'structure',
		severity: 'error',
		description: { en: 'No section appears twice in one ticket.', 'zh-cn': '同一工单中没有重复的小节。' },
		finds: 'the same section twice in one ticket',
	},
	{
		code: 'section-unknown',
		category: 'structure',
		severity: 'warning',
		description: { en: 'Every H3 is a known section.', 'zh-cn': '每个三级标题都是已知的小节。' },
		finds: 'an H3 that is no known section (`### 问题描叙` gets "did you mean 问题描述")',
	},
	{
		code: 'root-cause-unknown',
		category: 'structure',
		severity: 'warning',
		description: { en: 'The root cause is one known label.', 'zh-cn': '根本原因是一个已知标签。' },
		finds: 'a root-cause label outside the known set (with "did you mean")',
	},
	{
		code: 'answers-numbering',
		category: 'structure',
		severity: 'warning',
		description: { en: '客服解答 items are numbered 1..n.', 'zh-cn': '客服解答各项编号为 1..n。' },
		finds: '客服解答 items not numbered 1..n',
	},
	{
		code: 'speaker-format',
		category: 'structure',
		severity: 'warning',
		description: { en: 'Dialog turns start with `**客户**：` or `**客服**：`.', 'zh-cn': '对话轮次以 `**客户**：` 或 `**客服**：` 开头。' },
		finds: 'a turn label written `**客户**:`, `客户：`, `**客户** ：`…',
	},
	{
		code: 'speaker-unknown',
		category: 'structure',
		severity: 'warning',
		description: { en: 'Every dialog turn has a known speaker.', 'zh-cn': '每个对话轮次都有已知的说话人。' },
		finds: 'a bold label that is neither 客户 nor 客服 at the start of a turn, or dialog text before the first label',
	},
	{
		code: 'dialog-empty',
		category: 'structure',
		severity: 'error',
		description: { en: 'The dialog has at least one turn.', 'zh-cn': '对话至少有一个轮次。' },
		finds: 'a dialog with no turns',
	},
	{
		code: 'answers-mismatch',
		category: 'structure',
		severity: 'information',
		description: { en: '客服解答 item k is staff turn k of the dialog.', 'zh-cn': '客服解答第 k 项即对话中客服的第 k 次发言。' },
		finds: '客服解答 item k is not staff turn k (differences by redaction or by dropped continuation lines are not reported)',
	},
	{
		code: 'description-mismatch',
		category: 'structure',
		severity: 'hint',
		description: { en: '问题描述 is the first customer turn.', 'zh-cn': '问题描述即客户的第一次发言。' },
		finds: '问题描述 is not the first customer turn (ignoring `[图片]` and redaction)',
	},
	{
		code: 'stray-structure',
		category: 'structure',
		severity: 'warning',
		description: {
			en: 'No heading, `---` or setext underline inside a ticket splits or corrupts it.',
			'zh-cn': '工单内没有会拆分或破坏结构的标题、`---` 或 setext 下划线。',
		},
		finds: "a heading, `---` or setext underline inside a ticket's text",
	},
	{
		code: 'duplicate-title',
		category: 'structure',
		severity: 'hint',
		description: { en: 'No two tickets of a file share a title.', 'zh-cn': '同一文件中没有两个工单使用相同标题。' },
		finds: 'a title used by another ticket in the same file',
	},
	{
		code: 'pii-phone',
		category: 'leaks',
		severity: 'warning',
		description: { en: 'No unmasked mobile or landline phone number.', 'zh-cn': '没有未脱敏的手机号或固定电话号码。' },
		finds: 'a mainland mobile (11 digits, `+86`, separators) or a landline with area code',
	},
	{
		code: 'pii-email',
		category: 'leaks',
		severity: 'warning',
		description: { en: 'No unmasked e-mail address.', 'zh-cn': '没有未脱敏的电子邮箱地址。' },
		finds: 'an e-mail address (not `pkg@1.0.2`, `root@host`, `logo@2x.png`, `git@github.com:…`)',
	},
	{
		code: 'pii-id-card',
		category: 'leaks',
		severity: 'error',
		description: { en: 'No unmasked resident ID card number.', 'zh-cn': '没有未脱敏的居民身份证号码。' },
		finds: 'an 18-character resident ID number with a real birth date and a valid GB 11643 check character',
	},
	{
		code: 'pii-bank-card',
		category: 'leaks',
		severity: 'error',
		description: { en: 'No unmasked bank card or bank account number.', 'zh-cn': '没有未脱敏的银行卡号或银行账号。' },
		finds: 'a 16–19 digit card number of a card network that passes Luhn; an account number after 开户行/账号',
	},
	{
		code: 'pii-ip',
		category: 'leaks',
		severity: 'warning',
		description: { en: 'No unmasked public IPv4 or IPv6 address.', 'zh-cn': '没有未脱敏的公网 IPv4 或 IPv6 地址。' },
		finds:
			'a public IPv4 address, also against Chinese text (not private, masked, a `/24` range, a public DNS resolver or a version); a public IPv6 address, compressed or in `[…]:port` (not loopback, link-local, unique-local or documentation ranges)',
	},
	{
		code: 'pii-chat-id',
		category: 'leaks',
		severity: 'warning',
		description: { en: 'No unmasked WeChat ID or QQ number.', 'zh-cn': '没有未脱敏的微信号或 QQ 号。' },
		finds: 'a WeChat ID after 微信/微信号/vx/V信/wechat…, a `wxid_…` anywhere; a QQ number after QQ/扣扣/企鹅号',
	},
	{
		code: 'pii-passport',
		category: 'leaks',
		severity: 'error',
		description: { en: 'No unmasked passport number.', 'zh-cn': '没有未脱敏的护照号码。' },
		finds: 'a mainland passport or travel permit number (`E12345678`, `EA1234567`…) shortly after 护照/passport/通行证',
	},
	{
		code: 'pii-plate',
		category: 'leaks',
		severity: 'warning',
		description: { en: 'No unmasked vehicle number plate.', 'zh-cn': '没有未脱敏的车牌号。' },
		finds: 'a mainland number plate, with or without `·`, including 8-character new-energy plates',
	},
	{
		code: 'secret-credential',
		category: 'leaks',
		severity: 'error',
		description: { en: 'No access key, API key, token, private key or password in clear text.', 'zh-cn': '没有明文的访问密钥、API 密钥、令牌、私钥或密码。' },
		finds:
			'a value after a key word (密码, 登录密码…, 口令, 密钥, 私钥, 令牌, AK/SK, AccessKeySecret, SecretId, api_key, client_secret, token… with `:`, `=`, 是, 为, 改成 or a space; `X:Y` pairs); a known token format (AWS, Alibaba Cloud, Tencent Cloud, GitHub, GitLab, Slack, OpenAI, Google, JWT, PEM private key, `AK:SIGN=`, upload token, bearer token); the password of a connection string (`mysql://u:pw@…`) or JDBC `password=`; a key literal passed to an SDK auth call. Not placeholders (`<your_ak>`, `${SK}`, `******`)',
	},
	{
		code: 'pii-org-id',
		category: 'leaks',
		severity: 'warning',
		description: { en: 'No unmasked unified social credit code (company tax ID).', 'zh-cn': '没有未脱敏的统一社会信用代码（企业税号）。' },
		finds: 'a unified social credit code (税号) with a valid GB 32100 check character',
	},
	{
		code: 'redaction-leak',
		category: 'leaks',
		severity: 'warning',
		description: { en: 'No value written in full that the same ticket masks elsewhere.', 'zh-cn': '同一工单别处已脱敏的值，不在其他地方完整写出。' },
		finds:
			'a value the same ticket masks elsewhere (`jCciD48k***`, `https://github.com/***`, `47.112.*.*`) written in full; related information points at the masked text',
	},
	{
		code: 'file-too-large',
		category: 'files',
		severity: 'information',
		description: {
			en: 'A file larger than `ticketCurator.limits.maxFileSizeMB` is outlined but not checked; this says so at line 1.',
			'zh-cn': '大于 `ticketCurator.limits.maxFileSizeMB` 的文件只显示大纲、不做检查；在第 1 行说明这一点。',
		},
		finds: 'a file over `limits.maxFileSizeMB` (default 50 MB): one finding at line 1 instead of checks; its Outline, folding and Tickets view entries stay',
	},
	{
		code: 'file-encoding',
		category: 'files',
		severity: 'warning',
		description: {
			en: 'A dump is UTF-8 text: a binary file or one in another encoding (GBK…) gets one diagnostic at line 1 instead of checks.',
			'zh-cn': '工单导出文件应为 UTF-8 文本：二进制文件或其他编码（GBK 等）的文件在第 1 行得到一条诊断，而不做检查。',
		},
		finds: 'a binary file (NUL characters) or one not in UTF-8 (GBK…; the message says how to convert it): one finding at line 1 instead of checks',
	},
	{
		code: 'duplicate-ticket',
		category: 'duplicates',
		severity: 'warning',
		description: { en: 'No ticket is an exact copy of another ticket in the workspace.', 'zh-cn': '工作区中没有与其他工单完全相同的工单。' },
		finds: 'an exact copy of another ticket anywhere in the workspace; the first copy (file order) is kept',
	},
	{
		code: 'near-duplicate',
		category: 'duplicates',
		severity: 'information',
		description: { en: 'No ticket is nearly the same as another ticket in the workspace.', 'zh-cn': '工作区中没有与其他工单几乎相同的工单。' },
		finds: 'a ticket nearly the same as another (estimated Jaccard similarity of 5-shingles at or above the threshold)',
	},
	{
		code: 'root-cause-unsupported',
		category: 'labels',
		severity: 'hint',
		description: {
			en: "The root cause has evidence in the ticket's own words.",
			'zh-cn': '根本原因在工单自身的文字中有依据。',
		},
		finds:
			'a root cause none of whose evidence terms (`ticketCurator.rootCauseEvidence`) the title, description, answers or dialog mention outside URLs, e-mail addresses, domain and file names, code and log lines; suggests the root causes whose evidence is there (the catch-all 需要进一步排查具体原因 when none)',
	},
	{
		code: 'category-unsupported',
		category: 'labels',
		severity: 'hint',
		description: {
			en: "The category's product has evidence in the ticket's own words.",
			'zh-cn': '问题分类的产品在工单自身的文字中有依据。',
		},
		finds:
			'a product none of whose evidence terms (`ticketCurator.productEvidence`) the ticket mentions outside URLs, names and code; suggests the products whose evidence is there',
	},
] as const satisfies readonly RuleInfo[];

export type RuleCode = (typeof rules)[number]['code'];

export const ruleCodes: readonly RuleCode[] = rules.map((r) => r.code);

const byCode = new Map<string, RuleInfo>(rules.map((r) => [r.code, r]));

export function ruleInfo(code: string): RuleInfo | undefined {
	return byCode.get(code);
}

/** The description in the language the l10n bundle was loaded for (see ruleTranslations). */
export function ruleDescription(rule: RuleInfo): string {
	return l10n.t(rule.description.en);
}

/**
 * The descriptions' translations as l10n bundle entries (English → `locale`), merged into the
 * bundle when it is loaded, so the translation is written here only, not also in the bundle file.
 */
export function ruleTranslations(locale: string): Record<string, string> {
	const language = ruleLanguages.find((l) => l === locale);
	return language ? Object.fromEntries(rules.map((r) => [r.description.en, r.description[language]])) : {};
}

export const diagnosticSource = 'tickets';
