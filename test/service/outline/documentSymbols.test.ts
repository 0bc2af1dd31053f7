/** The Outline: the file title on top, one symbol per ticket (category as detail), its sections as children. */
import { strict as assert } from 'node:assert';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import { createTicketService, resolveConfig } from '../../../server/src/service/index';
import { rangeContains } from '../../../server/src/service/document/positions';
import { defectText, realDumpText, textDocument } from '../../support/fixtures';

const before = (a: Range, b: Range) => a.end.line < b.start.line;

describe('symbols', () => {
	const service = createTicketService();

	it('gives the real dump its title with 114 ticket symbols, each with its sections', () => {
		const symbols = service.documentSymbols(textDocument(realDumpText()));
		assert.equal(symbols.length, 1);
		const [file] = symbols;
		assert.deepEqual([file.name, file.detail, file.kind], ['技术支持工单数据 - Part 40', '114 tickets', SymbolKind.File]);
		const tickets = file.children!;
		assert.equal(tickets.length, 114);
		assert.deepEqual(
			tickets.slice(0, 2).map((t) => [t.name, t.detail, t.kind, t.range.start.line, t.selectionRange.start.line]),
			[
				['一直返回同一个uploadId，并且提示{"error":"no such uploadId"}', '对象存储｜上传下载', SymbolKind.Object, 6, 6],
				['上传文件失败', '对象存储｜上传下载', SymbolKind.Object, 60, 60],
			],
		);
		assert.deepEqual(
			tickets[0].children!.map((s) => [s.name, s.kind, s.range.start.line]),
			[
				['问题描述', SymbolKind.Field, 10],
				['客服解答', SymbolKind.Field, 14],
				['根本原因分析', SymbolKind.Field, 26],
				['完整对话记录', SymbolKind.Field, 30],
			],
		);
		// 4 tickets have no 客服解答: 110 × 4 + 4 × 3 sections.
		assert.equal(
			tickets.reduce((n, t) => n + t.children!.length, 0),
			452,
		);
		assert.equal(tickets.filter((t) => t.children!.length === 3).length, 4);
		// Every category of the dump is a product｜subcategory detail; 26 distinct.
		assert.ok(tickets.every((t) => /^[^｜]+｜[^｜]+$/.test(t.detail!)));
		assert.equal(new Set(tickets.map((t) => t.detail)).size, 26);
	});

	it('nests ranges: selection in range, children in parent, siblings in order without overlap', () => {
		const [file] = service.documentSymbols(textDocument(realDumpText()));
		const check = (symbol: DocumentSymbol) => {
			assert.ok(rangeContains(symbol.range, symbol.selectionRange), `${symbol.name}: selection inside range`);
			const children = symbol.children ?? [];
			children.forEach((child, i) => {
				assert.ok(rangeContains(symbol.range, child.range), `${child.name} inside ${symbol.name}`);
				if (i > 0) assert.ok(before(children[i - 1].range, child.range), `${children[i - 1].name} before ${child.name}`);
				check(child);
			});
		};
		check(file);
		assert.deepEqual(file.range, { start: { line: 0, character: 0 }, end: { line: 4332, character: 0 } });
		const last = file.children![113];
		assert.equal(last.range.end.line, 4330, 'a ticket runs to its `---`');
	});

	it('puts tickets at the top when the file has no title, and names untitled tickets', () => {
		const symbols = service.documentSymbols(textDocument(defectText('file-title.missing.md')));
		assert.deepEqual(
			symbols.map((s) => [s.name, s.kind]),
			[
				['域名所有权验证未通过', SymbolKind.Object],
				['一直显示处理中', SymbolKind.Object],
			],
		);
		const [file] = service.documentSymbols(textDocument(defectText('ticket-title.md')));
		assert.equal(file.children![1].name, '(untitled ticket)');
		assert.deepEqual(file.children![1].selectionRange, { start: { line: 30, character: 0 }, end: { line: 30, character: 2 } });
	});

	it('shows the category as written when it is malformed, and nothing when it is missing', () => {
		const detail = (name: string) => service.documentSymbols(textDocument(defectText(name)))[0].children![1].detail;
		assert.equal(detail('category-format.ascii-bar.md'), 'CDN｜配置问题');
		assert.equal(detail('category-format.no-separator.md'), 'CDN');
		assert.equal(detail('category-missing.md'), '');
	});

	it('names an unknown section as written and an empty heading `###`', () => {
		const [file] = service.documentSymbols(textDocument(defectText('section-unknown.md')));
		assert.equal(file.children![1].children![0].name, '问题描叙');
		const [bare] = service.documentSymbols(textDocument('# T\n\n## t\n\n**问题分类**: CDN｜配置问题\n\n###\n\nx\n'));
		assert.equal(bare.children![0].children![0].name, '###');
	});

	it('outlines a dump of more tickets than `limits.outlineSectionsMaxTickets` by tickets only, and says so on its file symbol', () => {
		const outline = (max: number) =>
			createTicketService({ config: resolveConfig({ limits: { outlineSectionsMaxTickets: max } }) }).documentSymbols(textDocument(realDumpText()));
		const [atLimit] = outline(114);
		assert.equal(atLimit.detail, '114 tickets');
		assert.equal(
			atLimit.children!.reduce((n, t) => n + t.children!.length, 0),
			452,
		);
		const [past] = outline(113);
		assert.equal(past.detail, '114 tickets; sections not listed past 113 tickets (ticketCurator.limits.outlineSectionsMaxTickets)');
		assert.equal(past.children!.length, 114);
		assert.ok(past.children!.every((t) => t.children!.length === 0));
		// The tickets themselves are the same as with sections.
		assert.deepEqual(
			past.children!.map((t) => [t.name, t.detail, t.range, t.selectionRange]),
			atLimit.children!.map((t) => [t.name, t.detail, t.range, t.selectionRange]),
		);
	});

	it('re-reads the limit when the configuration changes', () => {
		const configured = createTicketService();
		const doc = textDocument(realDumpText());
		assert.equal(configured.documentSymbols(doc)[0].children![0].children!.length, 4);
		configured.configure(resolveConfig({ limits: { outlineSectionsMaxTickets: 10 } }));
		assert.equal(configured.documentSymbols(doc)[0].children![0].children!.length, 0);
	});

	it('returns nothing when cancelled', () => {
		assert.deepEqual(service.documentSymbols(textDocument(realDumpText()), { isCancellationRequested: true }), []);
	});
});
