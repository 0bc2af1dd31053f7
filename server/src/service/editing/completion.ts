/**
 * Completions inside a dump, from the line the cursor is on and the ticket around it:
 * - after `**问题分类**: ` the workspace's categories, most frequent first (the taxonomy's when one is set);
 * - on the line under `### 根本原因分析` the known root-cause labels, the file's most used first;
 * - after `###` the sections this ticket still lacks, in the format's order;
 * - at the start of a line of the dialog the two speaker labels, the one whose turn it is first,
 *   and the turn snippet;
 * - a word alone on a line outside the tickets (or after a ticket's `---`): the ticket snippet;
 *   in an empty file that is no dump yet, the dump snippet (snippets.ts).
 */
import * as l10n from '@vscode/l10n';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position, type Range } from 'vscode-languageserver-types';
import type { TicketConfig } from '../config/ticketConfig';
import type { TicketDocument } from '../document/ticketDocument';
import { thematicBreakLine } from '../document/header';
import { escapeRegExp, sectionOrder, type SectionKind, type Speaker } from '../config/labels';
import type { Section, Ticket } from '../document/model';
import { makeRange } from '../document/positions';
import { countCategories, type CategoryCounts } from '../rules/file';
import { snippetDefaults, ticketSnippets, type SnippetName } from './snippets';

interface CompletionContext {
	readonly config: TicketConfig;
	/** The workspace's category counts; the file's own are used when undefined. */
	readonly categoryCounts?: CategoryCounts;
	/** Whether the client expands snippets (LSP `snippetSupport`); without, a snippet inserts its default text. */
	readonly snippetSupport?: boolean;
}

/** The characters that open a completion on their own (the server announces them). */
export const completionTriggerCharacters = [' ', '#', '*', ':', '：'];

export function completions(doc: TicketDocument, position: Position, context: CompletionContext): CompletionItem[] {
	const { line, character } = position;
	if (line >= doc.index.lineCount) return [];
	const text = doc.index.lineText(line);
	const before = text.slice(0, character);
	const labels = context.config.labels;

	const category = new RegExp(`^[ \\t]*\\*\\*${escapeRegExp(labels.categoryKey)}\\*\\*[ \\t]*[:：]`).exec(before);
	if (category) return categoryItems(doc, context, makeRange(line, category[0].length, line, text.length));

	const word = wordAlone(text, line, character);
	const i = doc.ticketAtLine(line);
	if (i === undefined) return word ? snippetItems(['ticket'], word, context) : [];
	const ticket = doc.ticket(i);
	if (line === ticket.startLine || (ticket.separator && line >= ticket.separator.start.line)) return [];
	// A word typed under the ticket's `---` (which is then no longer its last block, nor its separator): a next ticket begins.
	if (word && belowBreak(doc, line, ticket.startLine)) return snippetItems(['ticket'], word, context);

	const heading = /^ {0,3}###(?!#)/.exec(before);
	if (heading) return sectionItems(ticket, line, context, makeRange(line, 0, line, text.length));
	if (/^ {0,3}#/.test(text)) return [];

	const section = sectionAt(ticket, line);
	if (section?.kind === 'rootCause' && !/^[ \t]*\*\*/.test(text)) return rootCauseItems(doc, context, makeRange(line, 0, line, text.length));
	if (section?.kind === 'dialog' && /^\**[^*\s:：]{0,8}$/.test(before)) {
		const speakers = speakerItems(ticket, line, context, makeRange(line, 0, line, character));
		return word ? [...speakers, ...snippetItems(['turn'], word, context, speakers.length)] : speakers;
	}
	return [];
}

/**
 * Completions in a document that is no dump: only in an empty one (nothing but the word being
 * typed), the dump and ticket snippets; a README next to the dumps gets nothing.
 */
export function newDumpCompletions(text: string, position: Position, context: CompletionContext): CompletionItem[] {
	const lines = text.split(/\r\n|\r|\n/);
	if (position.line >= lines.length || lines.some((l, i) => i !== position.line && l.trim())) return [];
	const word = wordAlone(lines[position.line], position.line, position.character);
	return word ? snippetItems(['dump', 'ticket'], word, context) : [];
}

/**
 * The word being typed, when it is alone on its line (nothing after the cursor): where a snippet
 * may go. At least one letter: a space typed at the start of a line (a trigger character) offers none.
 */
function wordAlone(text: string, line: number, character: number): Range | undefined {
	if (text.slice(character).trim()) return undefined;
	const m = /^[ \t]*([\p{L}\p{N}_]+)$/u.exec(text.slice(0, character));
	return m ? makeRange(line, character - m[1].length, line, character) : undefined;
}

/** One item per prefix of each snippet, replacing the word typed. */
function snippetItems(names: readonly SnippetName[], word: Range, context: CompletionContext, rankFrom = 0): CompletionItem[] {
	const snippets = ticketSnippets(context.config.labels);
	const items: CompletionItem[] = [];
	for (const name of names) {
		const { prefixes, title, description, body } = snippets[name];
		for (const prefix of prefixes) {
			items.push({
				label: prefix,
				kind: CompletionItemKind.Snippet,
				detail: title,
				documentation: description,
				sortText: rank(rankFrom + items.length),
				filterText: prefix,
				insertTextFormat: context.snippetSupport === false ? InsertTextFormat.PlainText : InsertTextFormat.Snippet,
				textEdit: { range: word, newText: context.snippetSupport === false ? snippetDefaults(body) : body },
			});
		}
	}
	return items;
}

/** Whether the last non-blank line above `line` (and below the ticket's title) is a `---`. */
function belowBreak(doc: TicketDocument, line: number, titleLine: number): boolean {
	let above = line - 1;
	while (above > titleLine && !doc.index.lineText(above).trim()) above--;
	return above > titleLine && thematicBreakLine.test(doc.index.lineText(above));
}

/** The section whose heading is the last one above `line`. */
function sectionAt(ticket: Ticket, line: number): Section | undefined {
	let found: Section | undefined;
	for (const s of ticket.sections) if (s.heading.start.line < line) found = s;
	return found;
}

const rank = (i: number) => String(i).padStart(5, '0');

function categoryItems(doc: TicketDocument, context: CompletionContext, range: Range): CompletionItem[] {
	const separator = context.config.labels.categorySeparator;
	const counts = context.categoryCounts ?? countCategories(doc, separator);
	const taxonomy = context.config.categories;
	const names = taxonomy.length ? [...taxonomy] : [...counts.keys()];
	// Most frequent first; equal counts keep the taxonomy's order (or the order first seen).
	const ordered = names.map((name, i) => ({ name, n: counts.get(name) ?? 0, i })).sort((a, b) => b.n - a.n || a.i - b.i);
	return ordered.map(({ name, n }, i) => {
		const newText = ` ${name}`;
		return {
			label: name,
			kind: CompletionItemKind.EnumMember,
			detail: n === 1 ? l10n.t('1 ticket') : l10n.t('{0} tickets', n),
			sortText: rank(i),
			filterText: newText,
			preselect: i === 0,
			textEdit: { range, newText },
		};
	});
}

function rootCauseItems(doc: TicketDocument, context: CompletionContext, range: Range): CompletionItem[] {
	const used = new Map<string, number>();
	// From the line outlines: no Markdown parse of every ticket of a huge dump for one completion.
	for (let i = 0; i < doc.chunks.length; i++) {
		const section = doc.outline(i).sections.find((s) => s.kind === 'rootCause');
		const label = section && !isEmpty(section.content) ? doc.index.lineText(doc.chunks[i].startLine + section.content.start.line).trim() : '';
		if (label) used.set(label, (used.get(label) ?? 0) + 1);
	}
	const ordered = context.config.rootCauses.map((label, i) => ({ label, n: used.get(label) ?? 0, i })).sort((a, b) => b.n - a.n || a.i - b.i);
	return ordered.map(({ label, n }, i) => ({
		label,
		kind: CompletionItemKind.EnumMember,
		detail: l10n.t('used {0} times in this file', n),
		sortText: rank(i),
		filterText: label,
		textEdit: { range, newText: label },
	}));
}

function sectionItems(ticket: Ticket, line: number, context: CompletionContext, range: Range): CompletionItem[] {
	const present = new Set<SectionKind>();
	for (const s of ticket.sections) if (s.kind && s.heading.start.line !== line) present.add(s.kind);
	const names = context.config.labels.sections;
	return sectionOrder
		.filter((kind) => !present.has(kind))
		.map((kind, i) => {
			const newText = `### ${names[kind]}`;
			return {
				label: names[kind],
				kind: CompletionItemKind.Module,
				detail: kind === 'answers' ? l10n.t('section (optional)') : l10n.t('section'),
				sortText: rank(i),
				filterText: newText,
				preselect: i === 0,
				textEdit: { range, newText },
			};
		});
}

function speakerItems(ticket: Ticket, line: number, context: CompletionContext, range: Range): CompletionItem[] {
	const labels = context.config.labels;
	const previous = [...ticket.turns].reverse().find((t) => t.range.start.line < line)?.speaker;
	// The dialog starts with the customer; after that, the other speaker is the likelier next.
	const order: Speaker[] = previous === 'customer' ? ['staff', 'customer'] : ['customer', 'staff'];
	return order.map((speaker, i) => {
		const label = `**${labels.speakers[speaker]}**${labels.speakerColon}`;
		return {
			label,
			kind: CompletionItemKind.Keyword,
			detail: speaker === 'customer' ? l10n.t('customer turn') : l10n.t('staff turn'),
			sortText: rank(i),
			filterText: label,
			preselect: i === 0,
			insertTextFormat: InsertTextFormat.PlainText,
			textEdit: { range, newText: label },
		};
	});
}

function isEmpty(range: Range): boolean {
	return range.start.line === range.end.line && range.start.character === range.end.character;
}
