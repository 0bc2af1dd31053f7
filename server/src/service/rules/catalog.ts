/**
 * Every rule the service checks: its stable code (the LSP Diagnostic's `code`), its default
 * severity and a one-line description (used by the CLI's SARIF output and the README).
 */
import * as l10n from '@vscode/l10n';
import type { SeverityName } from '../config/ticketConfig';

export interface RuleInfo {
	readonly code: string;
	readonly severity: SeverityName;
	readonly description: () => string;
}

function rule<C extends string>(code: C, severity: SeverityName, description: () => string) {
	return { code, severity, description } as const;
}

export const rules = [
	rule('file-title', 'error', () => l10n.t('The file has exactly one H1 title.')),
	rule('declared-count', 'warning', () => l10n.t('The declared ticket count matches the tickets in the file.')),
	rule('separator', 'warning', () => l10n.t('Every ticket is followed by one `---`, and no `---` stands elsewhere between tickets.')),
	rule('ticket-title', 'error', () => l10n.t('Every ticket has a non-empty H2 title.')),
	rule('category-missing', 'error', () => l10n.t('Every ticket has a category line.')),
	rule('category-format', 'warning', () => l10n.t('The category line is written `**问题分类**: product｜subcategory`.')),
	rule('category-unknown', 'warning', () => l10n.t('The category belongs to the taxonomy.')),
	rule('section-missing', 'error', () => l10n.t('Every ticket has the sections 问题描述, 根本原因分析 and 完整对话记录.')),
	rule('section-empty', 'warning', () => l10n.t('No section is empty.')),
	rule('section-order', 'warning', () => l10n.t('Sections come in the order 问题描述, 客服解答, 根本原因分析, 完整对话记录.')),
	rule('section-duplicate', 'error', () => l10n.t('No section appears twice in one ticket.')),
	rule('section-unknown', 'warning', () => l10n.t('Every H3 is a known section.')),
	rule('root-cause-unknown', 'warning', () => l10n.t('The root cause is one known label.')),
	rule('answers-numbering', 'warning', () => l10n.t('客服解答 items are numbered 1..n.')),
	rule('speaker-format', 'warning', () => l10n.t('Dialog turns start with `**客户**：` or `**客服**：`.')),
	rule('speaker-unknown', 'warning', () => l10n.t('Every dialog turn has a known speaker.')),
	rule('dialog-empty', 'error', () => l10n.t('The dialog has at least one turn.')),
	rule('answers-mismatch', 'information', () => l10n.t('客服解答 item k is staff turn k of the dialog.')),
	rule('description-mismatch', 'hint', () => l10n.t('问题描述 is the first customer turn.')),
	rule('stray-structure', 'warning', () => l10n.t('No heading, `---` or setext underline inside a ticket splits or corrupts it.')),
	rule('duplicate-title', 'hint', () => l10n.t('No two tickets of a file share a title.')),
	// Leaks (issue 5): secrets and sensitive personal data (ID, bank) are errors, other personal data warnings.
	rule('pii-phone', 'warning', () => l10n.t('No unmasked mobile or landline phone number.')),
	rule('pii-email', 'warning', () => l10n.t('No unmasked e-mail address.')),
	rule('pii-id-card', 'error', () => l10n.t('No unmasked resident ID card number.')),
	rule('pii-bank-card', 'error', () => l10n.t('No unmasked bank card or bank account number.')),
	rule('pii-ip', 'warning', () => l10n.t('No unmasked public IPv4 address.')),
	rule('secret-credential', 'error', () => l10n.t('No access key with signature, token, private key or password in clear text.')),
	rule('pii-org-id', 'warning', () => l10n.t('No unmasked unified social credit code (company tax ID).')),
	rule('redaction-leak', 'warning', () => l10n.t('No value written in full that the same ticket masks elsewhere.')),
	// Files that are not checked, said once at line 1 (issue 7) instead of freezing on them or staying silent.
	rule('file-too-large', 'information', () => l10n.t('A file larger than `ticketCurator.limits.maxFileSizeMB` is outlined but not checked.')),
	rule('file-encoding', 'warning', () => l10n.t('A dump is UTF-8 text: not binary, not GBK or another encoding.')),
	// Duplicates across the workspace (issue 5): found by the host over every file, not per ticket.
	rule('duplicate-ticket', 'warning', () => l10n.t('No ticket is an exact copy of another ticket in the workspace.')),
	rule('near-duplicate', 'information', () => l10n.t('No ticket is nearly the same as another ticket in the workspace.')),
] as const;

export type RuleCode = (typeof rules)[number]['code'];

export const ruleCodes: readonly RuleCode[] = rules.map((r) => r.code);

const byCode = new Map<string, RuleInfo>(rules.map((r) => [r.code, r]));

export function ruleInfo(code: string): RuleInfo | undefined {
	return byCode.get(code);
}

export const diagnosticSource = 'tickets';
