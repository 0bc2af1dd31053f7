/**
 * The typed model of a ticket dump. A ticket's ranges are in its own coordinates (line 0 is its
 * `## ` title line) so that its parse can be cached by its text and reused wherever the ticket
 * moves; `placeTicket` moves them into the file's coordinates.
 */
import type { Range } from 'vscode-languageserver-types';
import type { SectionKind, Speaker } from '../config/labels';
import type { Located } from './types';

export interface CategoryLine {
	/** The whole line. */
	readonly range: Range;
	/** The key as written, with its markup (`**问题分类**`). */
	readonly key: Located;
	/** Whether the key is exactly bold, without inner spaces. */
	readonly keyWellFormed: boolean;
	/** The colon after the key; absent when missing. */
	readonly colon?: Located;
	/** Everything after the colon (untrimmed). */
	readonly value: Located;
	/** The character found between product and subcategory, when any. */
	readonly separator?: Located;
	/** Trimmed product and subcategory; absent when empty. */
	readonly product?: Located;
	readonly subcategory?: Located;
}

export interface Section {
	/** Undefined for an H3 that is no known section. */
	readonly kind: SectionKind | undefined;
	readonly name: Located;
	/** The heading line. */
	readonly heading: Range;
	/** From the line after the heading to the last non-blank line before the next block; empty range when no content. */
	readonly content: Range;
	readonly contentText: string;
	/** From the heading to the end of the content. */
	readonly range: Range;
}

export interface Answer {
	/** The number written before the item, when it is a numbered list item. */
	readonly number?: number;
	readonly numberRange?: Range;
	readonly text: string;
	readonly range: Range;
}

export interface Turn {
	/** Undefined for a bold label that names no known speaker. */
	readonly speaker: Speaker | undefined;
	/** The label as written, with markup and colon. */
	readonly label: Located;
	/** The speaker name inside the label. */
	readonly name: string;
	/** Whether the label is written exactly as the format wants (`**客户**：`). */
	readonly wellFormed: boolean;
	/** The turn's text: the rest of the label line and its continuation lines. */
	readonly text: string;
	readonly range: Range;
}

/** `extraSeparator` is a `---` followed only by more `---` (a doubled separator). */
type StrayKind = 'heading' | 'setext' | 'thematicBreak' | 'extraSeparator';

export interface Stray {
	readonly kind: StrayKind;
	/** Heading depth for headings. */
	readonly depth?: number;
	readonly range: Range;
	readonly text: string;
}

export interface ParsedTicket {
	/** The ticket's source text, from its `## ` line to the line before the next ticket (rules that scan text read it). */
	readonly text: string;
	readonly lineCount: number;
	/** Title text after `## `, trimmed; its range is the text, or the `##` when empty. */
	readonly title: Located;
	/** The title line. */
	readonly heading: Range;
	readonly category?: CategoryLine;
	readonly sections: readonly Section[];
	readonly answers: readonly Answer[];
	readonly turns: readonly Turn[];
	/** Dialog text that comes before any speaker label. */
	readonly unlabelled: readonly Located[];
	/** Headings, underlines and `---` inside the ticket that split or corrupt its structure. */
	readonly strays: readonly Stray[];
	/** The trailing `---`. */
	readonly separator?: Range;
	/** The trailing `---` directly under text, so Markdown reads the text as a heading. */
	readonly separatorUnderText?: Range;
	/** Last line with content, and its length (for folding and the ticket's range). */
	readonly lastContentLine: number;
	readonly lastContentCharacter: number;
}

/** A ticket placed in its file. */
export interface Ticket extends ParsedTicket {
	/** Position of the ticket in its file, from 0. */
	readonly ordinal: number;
	readonly startLine: number;
	readonly endLine: number;
	/** From the title line to the ticket's last content line. */
	readonly range: Range;
}

export interface DeclaredCount {
	readonly value: number;
	readonly number: Located;
	readonly line: Range;
}

export interface FileHeader {
	/** Every H1 of the header. */
	readonly titles: readonly Located[];
	readonly declaredCount?: DeclaredCount;
	/** Every `---` of the header. */
	readonly separators: readonly Range[];
	readonly endLine: number;
}
