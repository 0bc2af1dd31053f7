/** The document model: line scan, header, and per-ticket parses cached by their text. */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { TicketParser, placeTicket } from '../../../server/src/service/document/ticketDocument';
import { createTicketService } from '../../../server/src/service/index';
import { scanFile } from '../../../server/src/service/document/scan';
import { chineseLabels } from '../../../server/src/service/config/labels';
import { shiftRange } from '../../../server/src/service/document/positions';
import { defectText, realDumpText, textDocument } from '../../support/fixtures';

const uri = 'file:///work/parts/000.txt';

/** The text with one character changed inside ticket `i` (in its description). */
function editInside(text: string, parser: TicketParser, i: number): string {
	const doc = parser.parse(textDocument(text, 'file:///scratch', 0));
	const line = doc.ticket(i).sections[0].content.start.line;
	const offset = doc.index.lineStart(line);
	return `${text.slice(0, offset)}！${text.slice(offset)}`;
}

describe('document', () => {
	it('parses the real dump lazily into 114 placed tickets', () => {
		const parser = new TicketParser(chineseLabels);
		const doc = parser.parse(textDocument(realDumpText(), uri));
		assert.equal(doc.chunks.length, 114);
		assert.equal(parser.cachedTickets, 0, 'nothing parsed before a feature asks');
		assert.equal(doc.header.declaredCount?.value, 114);
		const tickets = doc.tickets();
		assert.equal(tickets.length, 114);
		assert.equal(parser.cachedTickets, 114);
		tickets.forEach((t, i) => {
			assert.equal(t.ordinal, i);
			assert.equal(t.startLine, doc.chunks[i].startLine);
			assert.equal(t.endLine, doc.chunks[i].endLine);
			assert.equal(t.heading.start.line, t.startLine);
			assert.equal(t.title.range.start.line, t.startLine);
			assert.equal(doc.parsed(i).title.range.start.line, 0, 'a parse keeps its own coordinates');
			assert.equal(t.range.start.line, t.startLine);
			assert.ok(t.range.end.line < t.endLine);
			assert.equal(doc.index.lineText(t.separator!.start.line), '---');
		});
		assert.equal(tickets[113].title.text, doc.index.lineText(tickets[113].startLine).slice(3));
	});

	it('places a parse by moving every range, nested ones included', () => {
		const parser = new TicketParser(chineseLabels);
		const doc = parser.parse(textDocument(realDumpText(), uri));
		const parsed = doc.parsed(20);
		const placed = placeTicket(parsed, 20, doc.chunks[20]);
		const lines = doc.chunks[20].startLine;
		assert.equal(lines, 742);
		assert.deepEqual(placed.category!.subcategory!.range, shiftRange(parsed.category!.subcategory!.range, lines));
		assert.deepEqual(placed.turns[2].label.range, shiftRange(parsed.turns[2].label.range, lines));
		assert.deepEqual(placed.answers[1].numberRange, shiftRange(parsed.answers[1].numberRange!, lines));
		assert.deepEqual(placed.sections[3].content, shiftRange(parsed.sections[3].content, lines));
		assert.equal(placed.lastContentLine, parsed.lastContentLine + lines);
		assert.equal(placed.turns[2].text, parsed.turns[2].text);
	});

	it('re-parses only the ticket an edit touched; the others keep their parse objects', () => {
		const parser = new TicketParser(chineseLabels);
		const v1 = parser.parse(textDocument(realDumpText(), uri, 1));
		const before = v1.chunks.map((_, i) => v1.parsed(i));
		assert.equal(parser.cachedTickets, 114);
		const edited = editInside(realDumpText(), parser, 50);
		const v2 = parser.parse(textDocument(edited, uri, 2));
		assert.notEqual(v2, v1);
		v2.tickets();
		assert.equal(parser.cachedTickets, 115, 'one new parse');
		for (let i = 0; i < 114; i++) {
			if (i === 50) assert.notEqual(v2.parsed(i), before[i]);
			else assert.equal(v2.parsed(i), before[i], `ticket ${i} reused`);
		}
		assert.equal(v2.parsed(50).sections[0].contentText.startsWith('！'), true);
	});

	it('moves tickets below an inserted line without re-parsing them', () => {
		const parser = new TicketParser(chineseLabels);
		const v1 = parser.parse(textDocument(realDumpText(), uri, 1));
		const placed1 = v1.tickets();
		const v2 = parser.parse(textDocument(realDumpText().replace('---\n\n## ', '---\n\n\n## '), uri, 2));
		const placed2 = v2.tickets();
		assert.equal(parser.cachedTickets, 114, 'every parse reused');
		placed2.forEach((t, i) => {
			assert.equal(v2.parsed(i), v1.parsed(i));
			assert.equal(t.startLine, placed1[i].startLine + 1);
			assert.equal(t.title.range.start.line, placed1[i].title.range.start.line + 1);
		});
	});

	it('returns the same document for the same version and text, a new one otherwise', () => {
		const parser = new TicketParser(chineseLabels);
		const text = defectText('clean.md');
		const doc = parser.parse(textDocument(text, uri, 3));
		assert.equal(parser.parse(textDocument(text, uri, 3)), doc);
		assert.notEqual(parser.parse(textDocument(`${text}\n`, uri, 3)), doc, 'same version, other text');
		parser.forget(uri);
		assert.notEqual(parser.parse(textDocument(text, uri, 3)), doc, 'forgotten');
	});

	it('drops a forgotten document’s parses from the cache, and keeps those of the others', () => {
		const parser = new TicketParser(chineseLabels);
		// Retitled: clean.md's tickets are the real dump's.
		const openText = defectText('clean.md').replace(/^## (.*)$/gm, '## $1（另）');
		const open = parser.parse(textDocument(openText, 'file:///open.md'));
		open.tickets();
		parser.parse(textDocument(realDumpText(), uri)).tickets();
		assert.equal(parser.cachedTickets, 117);
		parser.forget(uri);
		assert.equal(parser.cachedTickets, 3, 'the closed dump’s 114 parses are gone');
		assert.equal(parser.parse(textDocument(openText, 'file:///open.md')), open, 'the open document is kept');
		parser.forget('file:///never-parsed.md');
		assert.equal(parser.cachedTickets, 3);
	});

	it('shares one parse between tickets of identical text, each placed at its own line', () => {
		const parser = new TicketParser(chineseLabels);
		const text = defectText('clean.md');
		const [, ticket] = text.split(/^(?=## )/m);
		const doc = parser.parse(textDocument(`# T\n\n本文档包含 2 个\n\n---\n\n${ticket}${ticket}`, uri));
		assert.equal(doc.parsed(0), doc.parsed(1));
		assert.equal(parser.cachedTickets, 1);
		assert.deepEqual(
			doc.tickets().map((t) => [t.ordinal, t.title.range.start.line]),
			[
				[0, 6],
				[1, 30],
			],
		);
		assert.equal(doc.ticket(0).title.range.start.line, 6, 'placing ticket 1 did not move ticket 0');
	});

	it('finds the ticket that holds a line', () => {
		const parser = new TicketParser(chineseLabels);
		const doc = parser.parse(textDocument(realDumpText(), uri));
		assert.equal(doc.ticketAtLine(0), undefined, 'the header');
		assert.equal(doc.ticketAtLine(5), undefined);
		assert.equal(doc.ticketAtLine(6), 0);
		assert.equal(doc.ticketAtLine(59), 0);
		assert.equal(doc.ticketAtLine(60), 1);
		assert.equal(doc.ticketAtLine(doc.index.lineCount - 1), 113);
		assert.equal(doc.ticketAtLine(doc.index.lineCount), undefined);
	});

	it('starts over when the labels change', () => {
		const parser = new TicketParser(chineseLabels);
		const doc = parser.parse(textDocument(defectText('clean.md'), uri));
		doc.tickets();
		assert.equal(parser.cachedTickets, 3);
		parser.setLabels({ ...chineseLabels, categoryKey: '分类' });
		assert.equal(parser.cachedTickets, 0);
		const again = parser.parse(textDocument(defectText('clean.md'), uri));
		assert.notEqual(again, doc);
		assert.equal(again.ticket(0).category, undefined, 'parsed with the new labels');
	});
});

describe('document cache under random edits', () => {
	it('gives the same findings, symbols and folds as parsing from scratch', () => {
		// The header and the first 20 tickets of the real dump: big enough to exercise reuse, quick to re-parse.
		const text = realDumpText();
		const start = scanFile(text).chunks[20].startOffset;
		const base = text.slice(0, start);
		const edit = fc.record({
			at: fc.nat(),
			remove: fc.nat({ max: 40 }),
			insert: fc.constantFrom('', 'x', '\n', '\n\n', '---\n', '## 新', '### 问题描述\n', '**客服**：', '｜', '\r\n', '\u00a0'),
		});
		fc.assert(
			fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
				const incremental = createTicketService({ log: assert.fail });
				let current = base;
				incremental.validate(textDocument(current, uri, 0));
				edits.forEach((e, version) => {
					const at = e.at % (current.length + 1);
					current = current.slice(0, at) + e.insert + current.slice(at + e.remove);
					const doc = textDocument(current, uri, version + 1);
					const fresh = createTicketService({ log: assert.fail });
					assert.deepEqual(incremental.validate(doc), fresh.validate(doc));
					assert.deepEqual(incremental.documentSymbols(doc), fresh.documentSymbols(doc));
					assert.deepEqual(incremental.foldingRanges(doc), fresh.foldingRanges(doc));
				});
			}),
			{ numRuns: 15, seed: 20261129 },
		);
	});
});
