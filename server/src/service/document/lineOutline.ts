/**
 * A ticket's outline read from its lines alone, without the Markdown parse: its title, category,
 * sections with their extent, and the trailing `---`. The Outline, folding and the workspace index
 * need no more, and remark on every ticket of a 20 MB dump takes over ten seconds where this takes
 * a fraction of one. Title, category and sections are read by the same code as the full parse
 * (parseTicket.ts); which lines are top-level `###` headings and whether the ticket ends with a
 * `---` follow CommonMark's block rules as far as they decide that: fenced and indented code, HTML
 * blocks, block quotes and list items hide what looks like a heading, and dashes under text are a
 * setext underline. Nested containers (a fence inside a list item inside a quote) are read
 * approximately; the full parse stays the reference for validation.
 */
import type { Range } from 'vscode-languageserver-types';
import { fenceCloserOf } from './fences';
import { thematicBreakLine } from './header';
import type { SectionKind, TicketLabels } from '../config/labels';
import type { CategoryLine } from './model';
import { findCategory, isBlank, patternsFor, readSectionLines, readTitle, sectionContent } from './parseTicket';
import type { Located } from './types';

interface OutlineSection {
	/** Undefined for an H3 that is no known section. */
	readonly kind: SectionKind | undefined;
	readonly name: Located;
	/** The heading line. */
	readonly heading: Range;
	/** From the line after the heading to the last non-blank line; an empty range when there is none. */
	readonly content: Range;
	/** From the heading to the section's last non-blank line. */
	readonly range: Range;
}

/** In the ticket's own coordinates (line 0 is its `## ` title line), like a parse. */
export interface TicketOutline {
	readonly lineCount: number;
	readonly title: Located;
	readonly category?: CategoryLine;
	readonly sections: readonly OutlineSection[];
	/** The trailing `---` line, when the ticket ends with one. */
	readonly separatorLine?: number;
	/** Last line with content, and its length. */
	readonly lastContentLine: number;
	readonly lastContentCharacter: number;
}

/** Lines as LineIndex counts them: a line ends at LF, CRLF or a lone CR. */
export function splitLines(text: string): string[] {
	return text.indexOf('\r') < 0 ? text.split('\n') : text.split(/\r\n|\r|\n/);
}

export function outlineTicket(text: string, labels: TicketLabels): TicketOutline {
	return outlineLines(splitLines(text), labels);
}

export function outlineLines(lines: readonly string[], labels: TicketLabels): TicketOutline {
	const p = patternsFor(labels);
	const { heads, separatorLine } = readBlocks(lines);
	let lastContentLine = 0;
	for (let i = lines.length - 1; i >= 0; i--) {
		if (!isBlank(lines[i])) {
			lastContentLine = i;
			break;
		}
	}
	const bodyEnd = separatorLine ?? lines.length;
	const sections = heads.map((line, i): OutlineSection => {
		const { kind, name, heading, range, first, last } = readSectionLines(line, i + 1 < heads.length ? heads[i + 1] : bodyEnd, lines, p);
		return { kind, name, heading, content: sectionContent(line, first, last, lines), range };
	});
	return {
		lineCount: lines.length,
		title: readTitle(lines[0] ?? ''),
		category: findCategory(lines, 1, heads.length ? heads[0] : bodyEnd, p, labels),
		sections,
		separatorLine,
		lastContentLine,
		lastContentCharacter: lines[lastContentLine]?.length ?? 0,
	};
}

// ---- CommonMark block structure, as far as the outline needs it.

const atxHeading = /^ {0,3}(#{1,6})(?:[ \t]|$)/;
const setextDashes = /^ {0,3}-+[ \t]*$/;
const setextEquals = /^ {0,3}=+[ \t]*$/;
const bulletItem = /^ {0,3}([-+*])([ \t]+|$)(.*)$/;
const orderedItem = /^ {0,3}(\d{1,9})([.)])([ \t]+|$)(.*)$/;
const cmBlank = /^[ \t]*$/;

/** HTML block starts (CommonMark 0.31 kinds 1–7) with the line that ends each; `undefined` = a blank line. */
const htmlBlocks: readonly { start: RegExp; end?: RegExp; interrupts: boolean }[] = [
	{ start: /^ {0,3}<(?:pre|script|style|textarea)(?:[ \t>]|$)/i, end: /<\/(?:pre|script|style|textarea)>/i, interrupts: true },
	{ start: /^ {0,3}<!--/, end: /-->/, interrupts: true },
	{ start: /^ {0,3}<\?/, end: /\?>/, interrupts: true },
	{ start: /^ {0,3}<![A-Za-z]/, end: />/, interrupts: true },
	{ start: /^ {0,3}<!\[CDATA\[/, end: /\]\]>/, interrupts: true },
	{
		start:
			/^ {0,3}<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t]|\/?>|$)/i,
		interrupts: true,
	},
	{
		start:
			/^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:[ \t]+[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \t]*=[ \t]*(?:[^ \t"'=<>`]+|'[^']*'|"[^"]*"))?)*[ \t]*\/?>|<\/[A-Za-z][A-Za-z0-9-]*[ \t]*>)[ \t]*$/,
		interrupts: false,
	},
];

/** The column of the first non-blank character (tabs to the next multiple of 4). */
function indentColumns(line: string): number {
	let column = 0;
	for (let i = 0; i < line.length; i++) {
		const c = line.charCodeAt(i);
		if (c === 32) column++;
		else if (c === 9) column += 4 - (column % 4);
		else break;
	}
	return column;
}

/** The block a line may continue. */
type Open = 'none' | 'paragraph' | 'fence' | 'html' | 'indentedCode';

/**
 * The lines of top-level `###` headings (after the title line) and the trailing separator: the
 * last block, when it is a thematic break or dashes underlining text (as parseTicket reads them).
 */
function readBlocks(lines: readonly string[]): { heads: number[]; separatorLine?: number } {
	const heads: number[] = [];
	let open: Open = 'none';
	/** An open paragraph inside a list item or quote, which unmarked lines continue lazily. */
	let lazyParagraph = false;
	/** What closes the open fence or HTML block (undefined for an HTML block: a blank line). */
	let closer: RegExp | undefined;
	let fenceInItem = false;
	/** Content column of the list item we are in, if any. */
	let item: number | undefined;
	let blankBefore = false;
	/** The last non-blank line and whether it is a top-level `---` (thematic break or setext underline). */
	let lastLine = 0;
	let lastIsSeparator = false;

	for (let line = 1; line < lines.length; line++) {
		const text = lines[line];
		const blank = cmBlank.test(text);
		if (!blank) {
			lastLine = line;
			lastIsSeparator = false;
		}
		if (open === 'fence' && !(fenceInItem && item !== undefined && !blank && indentColumns(text) < item)) {
			if (closer!.test(text)) open = 'none';
			continue;
		}
		if (open === 'html') {
			if (closer ? closer.test(text) : blank) open = 'none';
			blankBefore = blank;
			continue;
		}
		if (blank) {
			blankBefore = true;
			if (open !== 'indentedCode') open = 'none';
			continue;
		}
		const afterBlank = blankBefore;
		blankBefore = false;
		const columns = indentColumns(text);
		const paragraph: boolean = open === 'paragraph';

		// Inside a list item: hidden from the top level (a fence there still runs to its end or the item's).
		if (item !== undefined && columns >= item) {
			const fence = columns - item <= 3 ? fenceCloserOf(text.replace(/^[ \t]*/, '')) : undefined;
			if (fence) {
				[open, closer, fenceInItem] = ['fence', fence, true];
			} else if (!paragraph || afterBlank) [open, lazyParagraph] = ['paragraph', true];
			continue;
		}
		if (columns >= 4) {
			if (paragraph && !afterBlank) continue; // Paragraph continuation text.
			open = 'indentedCode';
			continue;
		}
		if (open === 'indentedCode') open = 'none';

		const lazy = paragraph && lazyParagraph && !afterBlank;
		const topParagraph = paragraph && !lazyParagraph;
		// Only a few first characters start a block: test the patterns of the one found.
		const c = text.charCodeAt(columns === 0 ? 0 : text.search(/[^ ]/));
		if (c === 96 /* ` */ || c === 126 /* ~ */) {
			const fence = fenceCloserOf(text);
			if (fence) {
				item = undefined;
				[open, closer, fenceInItem] = ['fence', fence, false];
				continue;
			}
		} else if (c === 35 /* # */) {
			const atx = atxHeading.exec(text);
			if (atx) {
				item = undefined;
				if (atx[1].length === 3) heads.push(line);
				open = 'none';
				continue;
			}
		} else if (c === 45 /* - */ || c === 61 /* = */ || c === 42 /* * */ || c === 95 /* _ */) {
			if (topParagraph && (setextDashes.test(text) || setextEquals.test(text))) {
				lastIsSeparator = c === 45;
				open = 'none';
				continue;
			}
			if (thematicBreakLine.test(text)) {
				item = undefined;
				lastIsSeparator = true;
				open = 'none';
				continue;
			}
		} else if (c === 60 /* < */) {
			const html: (typeof htmlBlocks)[number] | undefined = htmlBlocks.find((h) => (h.interrupts || !paragraph) && h.start.test(text));
			if (html) {
				item = undefined;
				// Kinds 1–5 may end on their first line.
				open = html.end?.test(text.slice(text.indexOf('<') + 2)) ? 'none' : 'html';
				closer = html.end;
				continue;
			}
		} else if (c === 62 /* > */) {
			item = undefined;
			[open, lazyParagraph] = ['paragraph', true];
			continue;
		}
		if (c === 45 || c === 42 || c === 43 /* + */ || (c >= 48 && c <= 57)) {
			const listItem = readListItem(text, topParagraph);
			if (listItem !== undefined) {
				item = listItem.content;
				if (listItem.empty) open = 'none';
				else [open, lazyParagraph] = ['paragraph', true];
				continue;
			}
		}
		if (lazy) continue; // Lazy continuation of a list item's or a quote's paragraph.
		item = undefined;
		if (!topParagraph) [open, lazyParagraph] = ['paragraph', false];
	}
	return { heads, separatorLine: lastLine > 0 && lastIsSeparator ? lastLine : undefined };
}

/** A list item's content column; undefined when the line starts none (or may not interrupt the paragraph above). */
function readListItem(text: string, interruptsParagraph: boolean): { content: number; empty: boolean } | undefined {
	const ordered = orderedItem.exec(text);
	const bullet = ordered ? undefined : bulletItem.exec(text);
	const m = ordered ?? bullet;
	if (!m) return undefined;
	const rest = ordered ? ordered[4] : bullet![3];
	const spacing = ordered ? ordered[3] : bullet![2];
	const empty = !rest.trim();
	if (interruptsParagraph && (empty || (ordered && Number(ordered[1]) !== 1))) return undefined;
	const markerEnd = indentColumns(text) + (ordered ? ordered[1].length + 1 : 1);
	const spaces = indentColumns(' '.repeat(markerEnd) + spacing) - markerEnd;
	return { content: markerEnd + (empty || spaces > 4 ? 1 : spaces), empty };
}
