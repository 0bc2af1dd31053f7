/**
 * A ticket's searchable and listable fields read from its lines alone, without the Markdown parse:
 * the workspace index reads every ticket of every dump (100k tickets at 1 ms of remark each would
 * take minutes), and needs only the title, the category, the root cause and the sections' text.
 * Title, category, sections and the trailing `---` come from the ticket's line outline (outline.ts),
 * which the Outline view reads too; a section's text runs to the next known section.
 */
import type { Range } from 'vscode-languageserver-types';
import type { SectionKind, TicketLabels } from '../config/labels';
import { outlineLines, splitLines } from './lineOutline';
import { patternsFor } from './parseTicket';
import { makeRange, shiftRange } from './positions';
import { chunkAtLine, scanFile } from './scan';
import { runSteps, type Steps } from './steps';

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
/** Enough for a tooltip; 100k tickets keep it in memory. */
const previewChars = 160;
const blankLine = /^[ \t\u00a0\u3000]*$/;
const answerNumber = /^[ \t]*\d{1,9}[.)][ \t]*/;

/** Tickets digested between two steps (about 2 ms). */
const ticketsPerStep = 32;

/** Every ticket of a dump's text. */
export function digestTickets(text: string, labels: TicketLabels): TicketDigest[] {
	return runSteps(digestTicketsSteps(text, labels));
}

/** The same in steps. */
export function* digestTicketsSteps(text: string, labels: TicketLabels): Steps<TicketDigest[]> {
	const { chunks } = scanFile(text);
	yield; // The scan of a 20 MB dump is one slice already.
	const digests: TicketDigest[] = [];
	for (const [ordinal, chunk] of chunks.entries()) {
		if (ordinal % ticketsPerStep === ticketsPerStep - 1) yield;
		digests.push(digestTicket(chunk.text, labels, ordinal, chunk.startLine));
	}
	return digests;
}

/**
 * Digests of one document as it is edited: a ticket whose text did not change is not read again,
 * only moved to its new line (an edit in a 20 MB dump of 13,000 tickets reads one ticket). Keeps the
 * tickets of the last text only.
 */
export class LiveDigests {
	private byText = new Map<string, TicketDigest>();
	/** Tickets digested anew (steps are counted in those: reused ones cost nothing). */
	private fresh = 0;

	constructor(private readonly labels: TicketLabels) {}

	digest(text: string): TicketDigest[] {
		return runSteps(this.digestSteps(text));
	}

	/** The same in steps (the digests kept are replaced only at the end). */
	*digestSteps(text: string): Steps<TicketDigest[]> {
		const { chunks } = scanFile(text);
		yield; // The scan of a 20 MB dump is one slice already.
		const next = new Map<string, TicketDigest>();
		const digests: TicketDigest[] = [];
		for (const [ordinal, chunk] of chunks.entries()) {
			let own = next.get(chunk.text) ?? this.byText.get(chunk.text);
			if (!own) {
				if (++this.fresh % ticketsPerStep === 0) yield;
				own = digestTicket(chunk.text, this.labels);
			}
			next.set(chunk.text, own);
			digests.push(ordinal === own.ordinal && chunk.startLine === 0 ? own : placed(own, ordinal, chunk.startLine));
		}
		this.byText = next;
		return digests;
	}
}

/** A ticket's digest in its own coordinates, moved to its place in the file. */
function placed(own: TicketDigest, ordinal: number, startLine: number): TicketDigest {
	return { ...own, ordinal, titleRange: shiftRange(own.titleRange, startLine), range: shiftRange(own.range, startLine) };
}

/** The ticket whose lines hold `line` (from its title to the line before the next title), if any. */
export function digestTicketAt(text: string, line: number, labels: TicketLabels): TicketDigest | undefined {
	const { chunks } = scanFile(text);
	const i = chunkAtLine(chunks, line);
	return i === undefined ? undefined : digestTicket(chunks[i].text, labels, i, chunks[i].startLine);
}

/** One ticket's text (from its `## ` line); `startLine` places it in its file. */
function digestTicket(text: string, labels: TicketLabels, ordinal = 0, startLine = 0): TicketDigest {
	const lines = splitLines(text);
	// Title, category, sections and the trailing `---` as the Outline reads them.
	const outline = outlineLines(lines, labels);
	const last = outline.lastContentLine;
	const bodyEnd = (outline.separatorLine ?? lines.length) - 1;
	const heads = outline.sections.flatMap((s) => (s.kind ? [{ line: s.heading.start.line, kind: s.kind }] : []));
	const content: Partial<Record<SectionKind, string[]>> = {};
	for (let i = 0; i < heads.length; i++) {
		const end = i + 1 < heads.length ? heads[i + 1].line - 1 : bodyEnd;
		// A repeated section adds to the first one: its text is still the ticket's.
		(content[heads[i].kind] ??= []).push(...lines.slice(heads[i].line + 1, end + 1));
	}

	const patterns = patternsFor(labels);
	const title = outline.title;
	const category = outline.category;
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
	return lines
		? lines
				.filter((line) => !blankLine.test(line))
				.join('\n')
				.trim()
		: '';
}

function preview(description: string): string {
	const head = description.split('\n', previewLines).join('\n');
	return head.length > previewChars ? `${head.slice(0, previewChars - 1)}…` : head;
}
