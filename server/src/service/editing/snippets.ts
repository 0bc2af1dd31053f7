/**
 * The snippets: a whole ticket, a new dump with its first ticket, and a customer/staff turn pair,
 * written with the configured labels, so a dump with English labels gets English snippets. They are
 * completions, which any LSP client shows, and the templates of the New Ticket commands
 * (`tickets/snippet`). Served here rather than from a VS Code snippet file, whose descriptions
 * cannot be translated and which other editors do not read.
 */
import * as l10n from '@vscode/l10n';
import { chineseLabels, type TicketLabels } from '../config/labels';

export type SnippetName = 'ticket' | 'dump' | 'turn';

export interface TicketSnippet {
	readonly name: SnippetName;
	/** The words that offer it, in the order shown. */
	readonly prefixes: readonly string[];
	/** What the completion list shows next to a prefix. */
	readonly title: string;
	readonly description: string;
	/** LSP snippet syntax (`${1:default}`, `$0`), as VS Code's snippets use. */
	readonly body: string;
}

/** Placeholder text, in the dump's language (Chinese when its labels are), not the editor's. */
interface Placeholders {
	readonly dumpTitle: string;
	readonly title: string;
	readonly product: string;
	readonly subcategory: string;
	readonly description: string;
	readonly answer: string;
	readonly rootCause: string;
}

const chinesePlaceholders: Placeholders = {
	dumpTitle: '技术支持工单数据 - Part 1',
	title: '标题',
	product: '产品',
	subcategory: '子类',
	description: '客户描述的问题',
	answer: '客服的第一条回复',
	rootCause: '根本原因',
};

const englishPlaceholders: Placeholders = {
	dumpTitle: 'Support tickets - Part 1',
	title: 'Title',
	product: 'Product',
	subcategory: 'Subcategory',
	description: 'What the customer reports',
	answer: 'The first staff reply',
	rootCause: 'Root cause',
};

export function ticketSnippets(labels: TicketLabels): Record<SnippetName, TicketSnippet> {
	const words = /[\u3400-\u9fff]/.test(labels.categoryKey + labels.sections.description) ? chinesePlaceholders : englishPlaceholders;
	const countLine = declaredCountLine(labels, '${2:1}');
	return {
		ticket: {
			name: 'ticket',
			prefixes: ['ticket', '新工单'],
			title: l10n.t('New ticket'),
			description: l10n.t(
				'A whole ticket: title, category, the four sections and the first two turns. The first customer turn mirrors the description and the first staff turn the first answer, as in the real dumps; edit them apart afterwards if they differ.',
			),
			body: ticketBody(labels, words, 0),
		},
		dump: {
			name: 'dump',
			prefixes: ['dump', '新工单文件'],
			title: l10n.t('New ticket dump'),
			description: l10n.t('A new ticket dump: the file title, the declared ticket count, the separator and a first ticket.'),
			body: [`# \${1:${escape(words.dumpTitle)}}`, '', ...(countLine ? [countLine, ''] : []), '---', '', ticketBody(labels, words, 2)].join('\n'),
		},
		turn: {
			name: 'turn',
			prefixes: ['turn', '对话'],
			title: l10n.t('Dialog turns'),
			description: l10n.t('A customer turn and the staff reply.'),
			body: [`${speaker(labels, 'customer')}\${1}`, '', `${speaker(labels, 'staff')}\${2}`, '', '$0'].join('\n'),
		},
	};
}

/** A ticket whose tab stops start after `offset` (the dump snippet's title and count come first). */
function ticketBody(labels: TicketLabels, words: Placeholders, offset: number): string {
	const stop = (n: number, text?: string) => (text === undefined ? `\${${n + offset}}` : `\${${n + offset}:${escape(text)}}`);
	const colon = (c: string) => (c === ':' ? ': ' : c);
	const section = (kind: keyof TicketLabels['sections']) => `### ${escape(labels.sections[kind])}`;
	return [
		`## ${stop(1, words.title)}`,
		'',
		`**${escape(labels.categoryKey)}**${colon(labels.categoryColon)}${stop(2, words.product)}${escape(labels.categorySeparator)}${stop(3, words.subcategory)}`,
		'',
		section('description'),
		'',
		stop(4, words.description),
		'',
		section('answers'),
		'',
		`1. ${stop(5, words.answer)}`,
		'',
		section('rootCause'),
		'',
		stop(6, words.rootCause),
		'',
		section('dialog'),
		'',
		`${speaker(labels, 'customer')}${stop(4)}`,
		'',
		`${speaker(labels, 'staff')}${stop(5)}`,
		'',
		'---',
		'',
		'$0',
	].join('\n');
}

function speaker(labels: TicketLabels, who: keyof TicketLabels['speakers']): string {
	const colon = labels.speakerColon === ':' ? ': ' : labels.speakerColon;
	return `**${escape(labels.speakers[who])}**${escape(colon)}`;
}

/**
 * The declared-count line, read back from its pattern: its number group becomes `count`, `\s*` a
 * space. The real dumps' line goes on after the pattern ("…个结构化技术支持问答记录"). A pattern
 * that is more than plain text around the number gives no line (the dump then lacks only that).
 */
export function declaredCountLine(labels: TicketLabels, count: string): string | undefined {
	const parts = labels.declaredCount.split(/\\s\*\(\\d\+\)\\s\*|\(\\d\+\)/);
	if (parts.length !== 2) return undefined;
	// Only `\s`, `\s*`, `\s+` and escaped characters may remain: anything else is no plain text.
	if (parts.some((p) => /[[\](){}*+?^$|\\]/.test(p.replace(/\\s[*+]?/g, '').replace(/\\./g, '')))) return undefined;
	const plain = parts.map((p) => p.replace(/\\s[*+]?/g, ' ').replace(/\\(.)/g, '$1'));
	const tail = labels.declaredCount === chineseLabels.declaredCount ? '结构化技术支持问答记录' : '';
	return `${escape(plain[0].trimEnd())} ${count} ${escape(plain[1].trimStart())}${tail}`.trim();
}

/** A snippet's text with every tab stop at its default (a mirror `${n}` repeats stop n's): what a client without snippets inserts. */
export function snippetDefaults(body: string): string {
	const defaults = new Map<string, string>();
	for (const m of body.matchAll(/\$\{(\d+):((?:\\.|[^}\\])*)\}/g)) defaults.set(m[1], m[2]);
	return body
		.replace(/\$\{(\d+):((?:\\.|[^}\\])*)\}/g, (_, _n, value: string) => value)
		.replace(/\$\{(\d+)\}/g, (_, n: string) => defaults.get(n) ?? '')
		.replace(/\$0/g, '')
		.replace(/\\([$}\\])/g, '$1');
}

/** Snippet syntax gives `$`, `}` and `\` a meaning: labels and placeholders are text. */
function escape(text: string): string {
	return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}
