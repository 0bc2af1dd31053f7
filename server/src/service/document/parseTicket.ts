/**
 * Parses one ticket's text (from its `## ` line to the line before the next) into the typed model,
 * in the ticket's own coordinates. remark finds the block structure (headings, lists, thematic
 * breaks, code); category and dialog labels are line syntax, read from the source lines.
 */
import type { Heading, List, Root, RootContent } from 'mdast';
import type { Range } from 'vscode-languageserver-types';
import { escapeRegExp, type SectionKind, type Speaker, type TicketLabels } from '../config/labels';
import { readPlainBlocks } from './blocks';
import { parseMarkdown } from './markdown';
import type { Answer, CategoryLine, ParsedTicket, Section, Stray, Turn } from './model';
import { LineIndex, makeRange, offsetFromRemark, positionFromRemark } from './positions';
import type { Located } from './types';

/** Spaces the format treats as blank, including the non-breaking space pasted from chats. */
const blank = '[ \\t\\u00a0\\u3000]';
/** Blank for the format (sections, last content line): spaces, tabs, U+00A0 and U+3000. */
/** Space, tab, no-break space or ideographic space: what the line readers trim. */
function isSpace(c: number): boolean {
	return c === 32 || c === 9 || c === 0xa0 || c === 0x3000;
}

export function isBlank(line: string): boolean {
	for (let i = 0; i < line.length; i++) if (!isSpace(line.charCodeAt(i))) return false;
	return true;
}

/** Compiled once per label set. */
interface Patterns {
	readonly category: RegExp;
	readonly speaker: RegExp;
	/** A bold known speaker without the colon (`**客服** 您好`), taken for a turn at a block start only. */
	readonly speakerWithoutColon: RegExp;
	readonly boldLabel: RegExp;
	readonly sectionByName: ReadonlyMap<string, SectionKind>;
	readonly speakerByName: ReadonlyMap<string, Speaker>;
}

const patternCache = new WeakMap<TicketLabels, Patterns>();

export function patternsFor(labels: TicketLabels): Patterns {
	let p = patternCache.get(labels);
	if (!p) {
		const speakers = Object.values(labels.speakers).map(escapeRegExp).join('|');
		p = {
			category: new RegExp(`^${blank}*(\\*\\*)?${blank}*${escapeRegExp(labels.categoryKey)}${blank}*(\\*\\*)?${blank}*([:：])?`),
			speaker: new RegExp(`^${blank}*(\\*\\*)?${blank}*(${speakers})${blank}*(\\*\\*)?${blank}*([:：])(\\*\\*)?`),
			speakerWithoutColon: new RegExp(`^${blank}*(\\*\\*)${blank}*(${speakers})${blank}*(\\*\\*)`),
			boldLabel: /^\*\*([^*\n]{1,16})\*\*[ \t\u00a0]*[:：]/,
			sectionByName: new Map(Object.entries(labels.sections).map(([kind, name]) => [name, kind as SectionKind])),
			speakerByName: new Map(Object.entries(labels.speakers).map(([kind, name]) => [name, kind as Speaker])),
		};
		patternCache.set(labels, p);
	}
	return p;
}

/**
 * `tree` is the ticket's Markdown blocks: by default read by lines when the ticket is plain
 * (blocks.ts, a hundred times faster), else parsed by remark; tests pass remark's to compare.
 */
export function parseTicket(text: string, labels: TicketLabels, tree?: Root): ParsedTicket {
	const index = new LineIndex(text);
	tree ??= readPlainBlocks(text, index) ?? parseMarkdown(text);
	const p = patternsFor(labels);
	const lines: string[] = [];
	for (let i = 0; i < index.lineCount; i++) lines.push(index.lineText(i));

	let lastContentLine = 0;
	for (let i = lines.length - 1; i >= 0; i--) {
		if (!isBlank(lines[i])) {
			lastContentLine = i;
			break;
		}
	}

	// micromark drops a leading BOM from its offsets: read its positions in the text without it
	// (the same lines; only line 0, the title, is one character shorter).
	const blockIndex = text.charCodeAt(0) === 0xfeff ? new LineIndex(text.slice(1)) : index;
	const startLine = (node: RootContent) => positionFromRemark(node.position!.start, blockIndex).line;
	const endLine = (node: RootContent) => positionFromRemark(node.position!.end, blockIndex).line;

	// The trailing `---`: the last block, when it is a thematic break or the underline of a setext heading.
	const blocks = tree.children;
	const last = blocks[blocks.length - 1];
	let separator: Range | undefined;
	let separatorUnderText: Range | undefined;
	let trailing: RootContent | undefined;
	if (last && blocks.length > 1) {
		if (last.type === 'thematicBreak') {
			separator = index.lineRange(startLine(last));
			trailing = last;
		} else if (last.type === 'heading' && isSetext(last, lines, blockIndex) && /^ {0,3}-+[ \t]*$/.test(lines[endLine(last)])) {
			separatorUnderText = index.lineRange(endLine(last));
			separator = separatorUnderText;
		}
	}

	// Headings: the first is the title; H3s open sections; anything else is stray structure.
	const strays: Stray[] = [];
	const sectionHeads: { node: Heading; line: number }[] = [];
	for (let i = 0; i < blocks.length; i++) {
		const node = blocks[i];
		if (node === trailing) continue;
		if (node.type === 'thematicBreak') {
			// A `---` followed only by more `---` doubles the separator; one followed by text splits the ticket.
			const onlyBreaksAfter = trailing !== undefined && blocks.slice(i + 1).every((b) => b.type === 'thematicBreak');
			const kind = onlyBreaksAfter ? 'extraSeparator' : 'thematicBreak';
			strays.push({ kind, range: index.lineRange(startLine(node)), text: lines[startLine(node)] });
		} else if (node.type === 'heading') {
			if (i === 0) continue;
			const setext = isSetext(node, lines, blockIndex);
			if (setext) {
				if (separatorUnderText && endLine(node) === separatorUnderText.start.line) continue;
				const underline = endLine(node);
				strays.push({ kind: 'setext', depth: node.depth, range: index.lineRange(underline), text: lines[underline] });
			} else if (node.depth === 3) {
				sectionHeads.push({ node, line: startLine(node) });
			} else {
				const line = startLine(node);
				strays.push({ kind: 'heading', depth: node.depth, range: index.lineRange(line), text: lines[line] });
			}
		}
	}

	const title = readTitle(lines[0] ?? '');
	const bodyEnd = separator ? separator.start.line : lines.length; // exclusive
	const firstSectionLine = sectionHeads.length ? sectionHeads[0].line : bodyEnd;
	const category = findCategory(lines, 1, firstSectionLine, p, labels);

	const sections: Section[] = sectionHeads.map((head, i) => {
		const next = i + 1 < sectionHeads.length ? sectionHeads[i + 1].line : bodyEnd;
		return readSection(head.line, next, lines, p);
	});

	const answersSection = sections.find((s) => s.kind === 'answers');
	const answers = answersSection ? readAnswers(blocks, answersSection, lines, blockIndex, startLine) : [];
	const dialog = sections.find((s) => s.kind === 'dialog');
	const { turns, unlabelled } = dialog ? readTurns(dialog, lines, p, labels) : { turns: [], unlabelled: [] };

	return {
		text,
		lineCount: lines.length,
		title,
		heading: index.lineRange(0),
		category,
		sections,
		answers,
		turns,
		unlabelled,
		strays,
		separator,
		separatorUnderText,
		lastContentLine,
		lastContentCharacter: lines[lastContentLine]?.length ?? 0,
	};
}

/** A setext heading's first line does not start with `#`. */
function isSetext(node: Heading, lines: readonly string[], index: LineIndex): boolean {
	const line = positionFromRemark(node.position!.start, index).line;
	return node.depth <= 2 && !/^ {0,3}#/.test(lines[line]);
}

export function readTitle(line: string): Located {
	const open = /^(\uFEFF? {0,3}##)[ \t]*/.exec(line);
	const after = open ? open[0].length : 0;
	let end = line.length;
	const closing = headingTextEnd(line, after);
	if (closing < line.length) end = closing;
	const raw = line.slice(after, end);
	const lead = raw.length - raw.trimStart().length;
	const text = raw.trim();
	if (!text) return { text: '', range: makeRange(0, 0, 0, open ? open[1].length : line.length) };
	return { text, range: makeRange(0, after + lead, 0, after + lead + text.length) };
}

function located(line: number, start: number, text: string): Located {
	return { text, range: makeRange(line, start, line, start + text.length) };
}

function trimmedLocated(line: number, start: number, raw: string): Located | undefined {
	let from = 0;
	let to = raw.length;
	while (from < to && isSpace(raw.charCodeAt(from))) from++;
	while (to > from && isSpace(raw.charCodeAt(to - 1))) to--;
	return to > from ? located(line, start + from, raw.slice(from, to)) : undefined;
}

/** Where a heading's text ends: before a closing run of `#` preceded by a space or tab (CommonMark), and the blanks after it. */
function headingTextEnd(line: string, from: number): number {
	let end = line.length;
	while (end > from && (line.charCodeAt(end - 1) === 32 || line.charCodeAt(end - 1) === 9)) end--;
	let hashes = end;
	while (hashes > from && line.charCodeAt(hashes - 1) === 35 /* # */) hashes--;
	if (hashes === end) return line.length;
	let before = hashes;
	while (before > from && (line.charCodeAt(before - 1) === 32 || line.charCodeAt(before - 1) === 9)) before--;
	return before < hashes ? before : line.length;
}

export function findCategory(lines: readonly string[], from: number, to: number, p: Patterns, labels: TicketLabels): CategoryLine | undefined {
	for (let line = from; line < to; line++) {
		const m = p.category.exec(lines[line]);
		if (!m) continue;
		const text = lines[line];
		const keyStart = text.length - text.trimStart().length;
		const colonChar = m[3];
		const keyEnd = colonChar ? m[0].length - 1 : m[0].trimEnd().length;
		const key = located(line, keyStart, text.slice(keyStart, keyEnd).trimEnd());
		const keyWellFormed = key.text === `**${labels.categoryKey}**`;
		const colon = colonChar ? located(line, m[0].length - 1, colonChar) : undefined;
		const valueStart = m[0].length;
		const value = located(line, valueStart, text.slice(valueStart));
		let sepAt = value.text.indexOf(labels.categorySeparator);
		let sepText = labels.categorySeparator;
		if (sepAt < 0) {
			const alt = /[|/｜\\-]/.exec(value.text);
			if (alt) {
				sepAt = alt.index;
				sepText = alt[0];
			}
		}
		const separator = sepAt >= 0 ? located(line, valueStart + sepAt, sepText) : undefined;
		const productRaw = sepAt >= 0 ? value.text.slice(0, sepAt) : value.text;
		const subRaw = sepAt >= 0 ? value.text.slice(sepAt + sepText.length) : '';
		return {
			range: makeRange(line, 0, line, text.length),
			key,
			keyWellFormed,
			colon,
			value,
			separator,
			product: trimmedLocated(line, valueStart, productRaw),
			subcategory: sepAt >= 0 ? trimmedLocated(line, valueStart + sepAt + sepText.length, subRaw) : undefined,
		};
	}
	return undefined;
}

function readSection(headLine: number, nextLine: number, lines: readonly string[], p: Patterns): Section {
	const { kind, name, heading, range, first, last } = readSectionLines(headLine, nextLine, lines, p);
	const content = sectionContent(headLine, first, last, lines);
	const contentText = first <= last ? lines.slice(first, last + 1).join('\n') : '';
	return { kind, name, heading, content, contentText, range };
}

/** A section's content lines (`first` to `last`), or an empty range under its heading when it has none. */
export function sectionContent(headLine: number, first: number, last: number, lines: readonly string[]): Range {
	return first <= last ? makeRange(first, 0, last, lines[last].length) : makeRange(headLine + 1, 0, headLine + 1, 0);
}

/** A section's name, heading and extent from its lines, without its text (the line outline reads the same). */
export function readSectionLines(headLine: number, nextLine: number, lines: readonly string[], p: Patterns) {
	const headText = lines[headLine];
	const open = /^ {0,3}###[ \t]*/.exec(headText);
	const afterOpen = open ? open[0].length : 0;
	const raw = headText.slice(afterOpen, headingTextEnd(headText, afterOpen));
	const name = trimmedLocated(headLine, afterOpen, raw) ?? located(headLine, afterOpen, '');
	let first = headLine + 1;
	let last = nextLine - 1;
	while (first <= last && isBlank(lines[first])) first++;
	while (last >= first && isBlank(lines[last])) last--;
	return {
		kind: p.sectionByName.get(name.text) ?? p.sectionByName.get(name.text.replace(/[\u00a0\u3000]/g, ' ').trim()),
		name,
		heading: makeRange(headLine, 0, headLine, headText.length),
		range: first <= last ? makeRange(headLine, 0, last, lines[last].length) : makeRange(headLine, 0, headLine, headText.length),
		/** First and last content lines; first > last when the section is empty. */
		first,
		last,
	};
}

function readAnswers(
	blocks: readonly RootContent[],
	section: Section,
	lines: readonly string[],
	index: LineIndex,
	startLine: (node: RootContent) => number,
): Answer[] {
	const answers: Answer[] = [];
	if (!section.contentText) return answers;
	const from = section.content.start.line;
	const to = section.content.end.line;
	for (const block of blocks) {
		const line = startLine(block);
		if (line < from || line > to) continue;
		if (block.type === 'list') {
			for (const item of (block as List).children) {
				const start = offsetFromRemark(item.position!.start, index);
				const end = offsetFromRemark(item.position!.end, index);
				const range = index.rangeAt(start, end);
				const lineText = lines[range.start.line];
				const marker = /^([ \t]*)(\d{1,9})[.)][ \t]*/.exec(lineText.slice(range.start.character));
				const source = index.text.slice(start, end);
				if (marker) {
					const numberStart = range.start.character + marker[1].length;
					answers.push({
						number: Number(marker[2]),
						numberRange: makeRange(range.start.line, numberStart, range.start.line, numberStart + marker[2].length),
						text: source.slice(marker[0].length).trim(),
						range,
					});
				} else {
					answers.push({ text: source.replace(/^[ \t]*[-*+][ \t]*/, '').trim(), range });
				}
			}
		} else {
			const start = offsetFromRemark(block.position!.start, index);
			const end = offsetFromRemark(block.position!.end, index);
			answers.push({ text: index.text.slice(start, end).trim(), range: index.rangeAt(start, end) });
		}
	}
	return answers;
}

function readTurns(dialog: Section, lines: readonly string[], p: Patterns, labels: TicketLabels) {
	const turns: Turn[] = [];
	const unlabelled: Located[] = [];
	if (!dialog.contentText) return { turns, unlabelled };
	const canonical = new Map(Object.entries(labels.speakers).map(([, name]) => [name, `**${name}**${labels.speakerColon}`]));
	let current:
		| {
				label: Located;
				name: string;
				speaker: Speaker | undefined;
				wellFormed: boolean;
				firstText: string;
				lines: string[];
				startLine: number;
				lastLine: number;
		  }
		| undefined;
	const flush = () => {
		if (!current) return;
		const body = [current.firstText, ...current.lines].join('\n').trim();
		turns.push({
			speaker: current.speaker,
			label: current.label,
			name: current.name,
			wellFormed: current.wellFormed,
			text: body,
			range: makeRange(current.startLine, current.label.range.start.character, current.lastLine, lines[current.lastLine].length),
		});
		current = undefined;
	};
	let blockStart = true;
	for (let line = dialog.content.start.line; line <= dialog.content.end.line; line++) {
		const text = lines[line];
		if (isBlank(text)) {
			blockStart = true;
			continue;
		}
		const speakerMatch = p.speaker.exec(text) ?? (blockStart ? p.speakerWithoutColon.exec(text) : null);
		const bold = speakerMatch ? undefined : blockStart ? p.boldLabel.exec(text) : undefined;
		const match = speakerMatch ?? bold;
		if (match) {
			flush();
			const labelStart = text.length - text.trimStart().length;
			const labelText = text.slice(labelStart, match[0].length);
			const name = speakerMatch ? speakerMatch[2] : bold![1];
			const speaker = p.speakerByName.get(name);
			current = {
				label: located(line, labelStart, labelText),
				name,
				speaker,
				wellFormed: speaker !== undefined && labelText === canonical.get(name) && labelStart === 0,
				firstText: text.slice(match[0].length),
				lines: [],
				startLine: line,
				lastLine: line,
			};
		} else if (current) {
			current.lines.push(text);
			current.lastLine = line;
		} else {
			const lead = text.length - text.trimStart().length;
			unlabelled.push(located(line, lead, text.trim()));
		}
		blockStart = false;
	}
	flush();
	return { turns, unlabelled };
}
