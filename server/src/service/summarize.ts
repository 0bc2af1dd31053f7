/**
 * A ticket's searchable and listable fields read from its lines alone, without the Markdown parse:
 * the workspace index reads every ticket of every dump (100k tickets at 1 ms of remark each would
 * take minutes), and needs only the title, the category, the root cause and the sections' text.
 * Section boundaries are `### ` lines that name a known section; title and category are read by
 * the same code as the full parse (parseTicket.ts), so both agree on them.
 */
import type { Range } from 'vscode-languageserver-types';
import type { SectionKind, TicketLabels } from './labels';
import { findCategory, patternsFor, readTitle } from './parseTicket';
import { makeRange, shiftRange } from './positions';
import { scanFile } from './scan';

/** The text a ticket is searched by, one string per field. */
export interface TicketFields {
	readonly title: string;
	readonly description: string;
	/** 客服解答 items without their numbers, one per line. */
	readonly answers: string;
	/** 完整对话记录 without the speaker labels. */
	readonly dialog: string;
}

/** One ticket of a file, placed in the file. */
export interface TicketDigest {
	readonly ordinal: number;
	readonly title: string;
	readonly titleRange: Range;
	/** From the title line to the ticket's last non-blank line. */
	readonly range: Range;
	readonly product?: string;
	readonly subcategory?: string;
	readonly rootCause?: string;
	/** The first lines of 问题描述, for tooltips and quick-pick details. */
	readonly preview: string;
	readonly fields: TicketFields;
}

const previewLines = 3;
const previewChars = 240;
const blankLine = /^[ \t\u00a0\u3000]*$/;
const h3Line = /^ {0,3}###[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const trailingSeparator = /^ {0,3}-{3,}[ \t]*$/;
const answerNumber = /^[ \t]*\d{1,9}[.)][ \t]*/;

/** Every ticket of a dump's text. */
export function summarizeTickets(text: string, labels: TicketLabels): TicketDigest[] {
	const { chunks } = scanFile(text);
	return chunks.map((chunk, ordinal) => summarizeTicket(chunk.text, labels, ordinal, chunk.startLine));
}

/** One ticket's text (from its `## ` line); `startLine` places it in its file. */
export function summarizeTicket(text: string, labels: TicketLabels, ordinal = 0, startLine = 0): TicketDigest {
	const lines = text.split(/\r\n|\r|\n/);
	let last = lines.length - 1;
	while (last > 0 && blankLine.test(lines[last])) last--;
	// The trailing `---` belongs to the ticket's range but to no section.
	let bodyEnd = last;
	if (bodyEnd > 0 && trailingSeparator.test(lines[bodyEnd])) bodyEnd--;

	const sectionKinds = new Map(Object.entries(labels.sections).map(([kind, name]) => [name, kind as SectionKind]));
	const heads: { line: number; kind: SectionKind }[] = [];
	for (let line = 1; line <= bodyEnd; line++) {
		const c = lines[line].charCodeAt(0);
		if (c !== 35 /* # */ && c !== 32) continue;
		const m = h3Line.exec(lines[line]);
		const kind = m ? sectionKinds.get(m[1].replace(/[\u00a0\u3000]/g, ' ').trim()) : undefined;
		if (kind) heads.push({ line, kind });
	}
	const content: Partial<Record<SectionKind, string[]>> = {};
	for (let i = 0; i < heads.length; i++) {
		const end = i + 1 < heads.length ? heads[i + 1].line - 1 : bodyEnd;
		// A repeated section adds to the first one: its text is still the ticket's.
		(content[heads[i].kind] ??= []).push(...lines.slice(heads[i].line + 1, end + 1));
	}

	const patterns = patternsFor(labels);
	const title = readTitle(lines[0] ?? '');
	const category = findCategory(lines, 1, heads.length ? heads[0].line : bodyEnd + 1, patterns, labels);
	const description = joinText(content.description);
	const rootCause = content.rootCause?.find((line) => !blankLine.test(line))?.trim();
	const answers = joinText(content.answers?.map((line) => line.replace(answerNumber, '')));
	const dialog = joinText(content.dialog?.map((line) => line.replace(patterns.speaker, '')));
	return {
		ordinal,
		title: title.text,
		titleRange: shiftRange(title.range, startLine),
		range: makeRange(startLine, 0, startLine + last, lines[last]?.length ?? 0),
		product: category?.product?.text,
		subcategory: category?.subcategory?.text,
		rootCause: rootCause || undefined,
		preview: preview(description),
		fields: { title: title.text, description, answers, dialog },
	};
}

function joinText(lines: readonly string[] | undefined): string {
	return lines ? lines.filter((line) => !blankLine.test(line)).join('\n').trim() : '';
}

function preview(description: string): string {
	const head = description.split('\n', previewLines).join('\n');
	return head.length > previewChars ? `${head.slice(0, previewChars - 1)}…` : head;
}
