/**
 * The block structure of a plain ticket without remark: remark spends about a millisecond on each
 * ticket (twelve seconds on a 20 MB dump), while almost every real ticket is paragraphs, ATX
 * headings, thematic breaks and one numbered list, whose blocks a line reader finds exactly. This
 * reader builds the few mdast fields parseTicket reads (top-level blocks with their positions, list
 * items with theirs) and gives up, returning undefined, at the first line that could start anything
 * else (fences, HTML, quotes, bullets, indented or nested content, link definitions, tabs in the
 * indentation); remark then parses the ticket. Where it does not give up it agrees with remark,
 * which test/service/blocks.test.ts checks on the real dump, the defect fixtures and random edits.
 */
import type { Heading, List, ListItem, Paragraph, Root, RootContent, ThematicBreak } from 'mdast';
import type { Point, Position } from 'unist';
import { thematicBreakLine } from './header';
import { LineIndex } from './positions';

const atxHeading = /^ {0,3}(#{1,6})(?:[ \t]|$)/;
const setextUnderline = /^ {0,3}(=+|-+)[ \t]*$/;
const orderedItem = /^( {0,3})(\d{1,9})([.)])( *)(.*)$/;
const cmBlank = /^[ \t]*$/;
/** After the indentation: what starts a block this reader leaves to remark (quotes, HTML, fences, bullets). */
const foreignBlock = /^(?:[><]|`{3}|~{3}|[-+*](?:[ \t]|$))/;
/** After an item's content column: anything but plain text continuing its paragraph. */
const nestedBlock = /^(?:[><#[]|`{3}|~{3}|[-+*=_]|\d{1,9}[.)])/;

interface OpenParagraph {
	readonly startLine: number;
	readonly startOffset: number;
	lastLine: number;
}

interface OpenList {
	readonly delimiter: string;
	readonly items: { readonly startLine: number; readonly startOffset: number; lastLine: number }[];
	/** Content column of the last item. */
	content: number;
	/** A blank line came after the last item's text: only a new item or an unindented block may follow. */
	blank: boolean;
}

/** The top-level blocks of a ticket's text, or undefined when it holds what only remark reads right. */
export function readPlainBlocks(text: string, index = new LineIndex(text)): Root | undefined {
	if (text.charCodeAt(0) === 0xfeff || text.includes('\u0000')) return undefined;
	const blocks: RootContent[] = [];
	const point = (offset: number): Point => {
		const { line, character } = index.positionAt(offset);
		return { line: line + 1, column: character + 1, offset };
	};
	const span = (start: number, end: number): Position => ({ start: point(start), end: point(end) });
	let paragraph: OpenParagraph | undefined;
	let list: OpenList | undefined;
	const closeParagraph = () => {
		if (!paragraph) return;
		blocks.push({ type: 'paragraph', children: [], position: span(paragraph.startOffset, index.lineEnd(paragraph.lastLine)) } satisfies Paragraph);
		paragraph = undefined;
	};
	const closeList = () => {
		if (!list) return;
		const children = list.items.map((item): ListItem => ({ type: 'listItem', children: [], position: span(item.startOffset, index.lineEnd(item.lastLine)) }));
		blocks.push({
			type: 'list',
			ordered: true,
			children,
			position: { start: children[0].position!.start, end: children.at(-1)!.position!.end },
		} satisfies List);
		list = undefined;
	};
	const closeAll = () => {
		closeParagraph();
		closeList();
	};

	if (!atxHeading.test(text.slice(0, index.lineEnd(0)))) return undefined; // A ticket starts with its `## ` title.
	for (let line = 0; line < index.lineCount; line++) {
		const start = index.lineStart(line);
		const lineText = text.slice(start, index.lineEnd(line));
		if (cmBlank.test(lineText)) {
			closeParagraph();
			if (list) list.blank = true;
			continue;
		}
		let indent = 0;
		while (lineText.charCodeAt(indent) === 32) indent++;
		if (lineText.charCodeAt(indent) === 9) return undefined; // Tab stops: remark's business.
		const rest = lineText.slice(indent);
		const lazy = list !== undefined && !list.blank;
		const lastItem = list?.items.at(-1);

		if (list && indent >= list.content) {
			// Inside the last item: text continuing its paragraph, or nested blocks only remark reads.
			if (list.blank || (indent - list.content < 4 && nestedBlock.test(rest))) return undefined;
			lastItem!.lastLine = line;
			continue;
		}
		if (indent >= 4) {
			if (paragraph) paragraph.lastLine = line;
			else if (lazy) lastItem!.lastLine = line;
			else return undefined; // Indented code.
			continue;
		}

		const atx = atxHeading.exec(lineText);
		if (atx) {
			closeAll();
			blocks.push({
				type: 'heading',
				depth: atx[1].length as Heading['depth'],
				children: [],
				position: span(start + indent, index.lineEnd(line)),
			} satisfies Heading);
			continue;
		}
		const underline = setextUnderline.exec(lineText);
		if (underline && paragraph) {
			const depth = underline[1][0] === '=' ? 1 : 2;
			blocks.push({ type: 'heading', depth, children: [], position: span(paragraph.startOffset, index.lineEnd(line)) } satisfies Heading);
			paragraph = undefined;
			continue;
		}
		if (underline && lazy && underline[1][0] === '=') return undefined;
		if (thematicBreakLine.test(lineText)) {
			closeAll();
			blocks.push({ type: 'thematicBreak', position: span(start + indent, index.lineEnd(line)) } satisfies ThematicBreak);
			continue;
		}

		const ordered = orderedItem.exec(lineText);
		// `1.5` or `3)号` is text: a marker is followed by a space, a tab or the end of the line.
		if (ordered && !(ordered[4] === '' && ordered[5] !== '' && ordered[5][0] !== '\t')) {
			const [, lead, number, delimiter, spaces, content] = ordered;
			const proper = spaces.length >= 1 && spaces.length <= 4 && content !== '' && content[0] !== '\t';
			if (paragraph && Number(number) !== 1) {
				paragraph.lastLine = line; // Only a list starting at 1 interrupts a paragraph.
				continue;
			}
			// An empty item, code after the marker, or a link definition opening the item: remark decides.
			if (!proper || content[0] === '[') return undefined;
			if (list && list.delimiter !== delimiter) {
				if (lazy) return undefined;
				closeList();
			}
			closeParagraph();
			list ??= { delimiter, items: [], content: 0, blank: false };
			list.items.push({ startLine: line, startOffset: start + lead.length, lastLine: line });
			list.content = lead.length + number.length + 1 + spaces.length;
			list.blank = false;
			continue;
		}
		if (foreignBlock.test(rest)) return undefined;
		// A link definition may open a paragraph.
		if (rest[0] === '[' && !paragraph && !lazy) return undefined;
		if (lazy) {
			lastItem!.lastLine = line; // Lazy continuation of the item's paragraph.
			continue;
		}
		closeList();
		if (paragraph) paragraph.lastLine = line;
		else paragraph = { startLine: line, startOffset: start + indent, lastLine: line };
	}
	closeAll();
	return { type: 'root', children: blocks, position: span(0, text.length) };
}
