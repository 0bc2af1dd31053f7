/**
 * The line outline (outline.ts): what the Outline, folding and the workspace index read instead of
 * the Markdown parse. It must say what the parse says: exactly, on the real dump and every defect
 * fixture, and on random edits of the real dump (fast-check, fixed seed); and the Outline and folding
 * built from it must be what they were when built from the parse.
 */
import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver-types';
import { TicketParser, type TicketDocument } from '../../../server/src/service/document/ticketDocument';
import { createTicketService } from '../../../server/src/service/index';
import { chineseLabels } from '../../../server/src/service/config/labels';
import { outlineTicket, type TicketOutline } from '../../../server/src/service/document/lineOutline';
import { parseTicket } from '../../../server/src/service/document/parseTicket';
import { scanFile } from '../../../server/src/service/document/scan';
import { defectsDir, readText, realDumpText, textDocument } from '../../support/fixtures';
import { editedDump, fuzzRuns, fuzzSeed } from '../../support/mutations';

/** What the outline holds, as the full parse says it. */
function outlineFromParse(text: string): TicketOutline {
	const p = parseTicket(text, chineseLabels);
	return {
		lineCount: p.lineCount,
		title: p.title,
		category: p.category,
		sections: p.sections.map(({ kind, name, heading, content, range }) => ({ kind, name, heading, content, range })),
		separatorLine: p.separator?.start.line,
		lastContentLine: p.lastContentLine,
		lastContentCharacter: p.lastContentCharacter,
	};
}

/** The Outline as it was built from the parse before the line outline (symbols.ts at 9dfe635). */
function symbolsFromParse(doc: TicketDocument): DocumentSymbol[] {
	const tickets = doc.tickets().map((ticket): DocumentSymbol => {
		const c = ticket.category;
		return {
			name: ticket.title.text || '(untitled ticket)',
			detail: c?.product ? [c.product.text, c.subcategory?.text].filter(Boolean).join('｜') : '',
			kind: SymbolKind.Object,
			range: ticket.range,
			selectionRange: ticket.title.range,
			children: ticket.sections.map((section) => ({
				name: section.name.text || '###',
				kind: SymbolKind.Field,
				range: section.range,
				selectionRange: section.name.text ? section.name.range : section.heading,
			})),
		};
	});
	const title = doc.header.titles[0];
	if (!title) return tickets;
	const lastLine = doc.index.lineCount - 1;
	const range = { start: { line: title.range.start.line, character: 0 }, end: { line: lastLine, character: doc.index.lineText(lastLine).length } };
	return [
		{
			name: title.text || '(untitled dump)',
			detail: `${tickets.length} tickets`,
			kind: SymbolKind.File,
			range,
			selectionRange: title.range,
			children: tickets,
		},
	];
}

/** Folding as it was built from the parse (folding.ts at 9dfe635). */
function foldingFromParse(doc: TicketDocument): FoldingRange[] {
	const ranges: FoldingRange[] = [];
	for (const ticket of doc.tickets()) {
		let end = ticket.lastContentLine;
		if (ticket.separator) {
			end = ticket.separator.start.line - 1;
			while (end > ticket.startLine && !doc.index.lineText(end).trim()) end--;
		}
		if (end > ticket.startLine) ranges.push({ startLine: ticket.startLine, endLine: end });
		for (const s of ticket.sections) if (s.range.end.line > s.range.start.line) ranges.push({ startLine: s.range.start.line, endLine: s.range.end.line });
	}
	return ranges;
}

const fixtureTexts = (): [string, string][] => [
	['real dump', realDumpText()],
	...readdirSync(defectsDir)
		.filter((f) => f.endsWith('.md'))
		.map((f): [string, string] => [f, readText(join(defectsDir, f))]),
];

describe('outline', () => {
	it('says what the full parse says for every ticket of the real dump and the defect fixtures', () => {
		let tickets = 0;
		for (const [name, text] of fixtureTexts()) {
			for (const chunk of scanFile(text).chunks) {
				assert.deepEqual(outlineTicket(chunk.text, chineseLabels), outlineFromParse(chunk.text), `${name}, ticket at line ${chunk.startLine + 1}`);
				tickets++;
			}
		}
		assert.ok(tickets > 200, `${tickets} tickets compared`);
	});

	it('gives the same Outline and folding as the parse did, on the real dump and the defect fixtures', () => {
		const service = createTicketService();
		for (const [name, text] of fixtureTexts()) {
			const doc = new TicketParser(chineseLabels).parse(textDocument(text));
			assert.deepEqual(service.documentSymbols(textDocument(text)), symbolsFromParse(doc), name);
			assert.deepEqual(service.foldingRanges(textDocument(text)), foldingFromParse(doc), name);
		}
	});

	it('builds the Outline and folding without parsing a single ticket', () => {
		const parser = new TicketParser(chineseLabels);
		const doc = parser.parse(textDocument(realDumpText()));
		for (let i = 0; i < doc.chunks.length; i++) doc.outline(i);
		assert.equal(parser.cachedTickets, 0);
	});

	it('keeps the outlines of tickets an edit left unchanged', () => {
		const parser = new TicketParser(chineseLabels);
		const text = realDumpText();
		const before = parser.parse(textDocument(text, 'file:///o.md', 1));
		const outlines = before.chunks.map((_, i) => before.outline(i));
		const at = text.indexOf('### 问题描述', text.indexOf('\n## ', text.length >> 1));
		const after = parser.parse(textDocument(`${text.slice(0, at)}### 问题描述 \n${text.slice(at + '### 问题描述\n'.length)}`, 'file:///o.md', 2));
		const same = after.chunks.filter((_, i) => after.outline(i) === outlines[i]).length;
		assert.equal(same, 113, 'all but the edited ticket');
	});

	describe('reads headings and the separator as CommonMark does', () => {
		const ticket = (...body: string[]) => ['## 标题', '', ...body].join('\n');
		const sections = (text: string) => outlineTicket(text, chineseLabels).sections.map((s) => s.heading.start.line);
		const cases: [string, string][] = [
			['an H3 in a fenced code block is no section', ticket('### 问题描述', '```', '### 客服解答', '```', '---')],
			['an unclosed fence hides the separator', ticket('### 问题描述', '~~~', 'x', '---')],
			['an H3 in an HTML block is no section', ticket('### 问题描述', '<div>', '### 客服解答', '</div>', '', '---')],
			['an H3 after a one-line HTML comment is a section', ticket('<!-- x -->', '### 问题描述', 'x', '', '---')],
			['an H3 indented into a list item is no section', ticket('### 客服解答', '1. 回答', '   ### 问题描述', '', '---')],
			['an H3 less indented than the item is a section', ticket('### 客服解答', '1. 回答', '  ### 问题描述', '', '---')],
			['four spaces make code, not a separator', ticket('### 问题描述', 'x', '', '    ---')],
			['dashes under text are the separator (setext)', ticket('### 问题描述', 'x', '---')],
			['two dashes under text are too', ticket('### 问题描述', 'x', '--')],
			['two dashes under a list item are text', ticket('### 客服解答', '1. x', '--')],
			['three dashes under a list item are a thematic break', ticket('### 客服解答', '1. x', '---')],
			['`***` is a separator', ticket('### 问题描述', 'x', '', '***')],
			['a quote hides nothing after a blank line', ticket('> ### 引用', '', '### 问题描述', 'x', '', '---')],
		];
		for (const [name, text] of cases) {
			it(name, () => {
				const outline = outlineTicket(text, chineseLabels);
				const parse = outlineFromParse(text);
				assert.deepEqual(
					sections(text),
					parse.sections.map((s) => s.heading.start.line),
				);
				assert.equal(outline.separatorLine, parse.separatorLine);
				assert.deepEqual(outline, parse);
			});
		}
	});

	it('agrees with the parse on random edits of the real dump (fast-check, fixed seed)', function () {
		this.timeout(60_000);
		const dump = realDumpText();
		fc.assert(
			fc.property(editedDump(dump), ({ text }) => {
				for (const chunk of scanFile(text).chunks) {
					if (chunk.text.length > 20_000) continue; // A 100k-character line: remark alone takes long.
					assert.deepEqual(outlineTicket(chunk.text, chineseLabels), outlineFromParse(chunk.text));
				}
			}),
			{ seed: fuzzSeed(7), numRuns: fuzzRuns(200) },
		);
	});
});
