import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position, type TextEdit } from 'vscode-languageserver-types';
import { createTicketService, resolveConfig, type TicketService } from '../../../server/src/service/index';

const dump = readFileSync(join(__dirname, '..', '..', 'fixtures', 'corpus', '000_8bbabfb939ae27d4.txt'), 'utf8');
const lines = dump.split('\n');

let version = 0;
const doc = (text: string) => ({ uri: 'file:///part40.md', version: ++version, getText: () => text });
const labelsOf = (items: CompletionItem[]) => items.map((i) => i.label);
const edit = (item: CompletionItem) => item.textEdit as TextEdit;

/** The first line at or after `from` that satisfies `test`. */
function lineWhere(test: (line: string, i: number) => boolean, from = 0, within = lines): number {
	for (let i = from; i < within.length; i++) if (test(within[i], i)) return i;
	throw new Error('no such line');
}

function complete(service: TicketService, text: string, position: Position): CompletionItem[] {
	return service.complete(doc(text), position);
}

describe('completion', () => {
	const service = createTicketService();
	const firstTitle = lineWhere((l) => l.startsWith('## '));
	const categoryLine = lineWhere((l) => l.startsWith('**问题分类**'), firstTitle);
	const key = '**问题分类**:';

	describe('after the category key', () => {
		it("offers the file's 26 categories, most frequent first, replacing the value with ` product｜subcategory`", () => {
			const items = complete(service, dump, { line: categoryLine, character: key.length + 1 });
			assert.equal(items.length, 26);
			assert.equal(items[0].label, 'CDN｜配置问题');
			assert.equal(items[0].detail, '17 tickets');
			assert.equal(items[0].preselect, true);
			assert.deepEqual(labelsOf(items).slice(1, 3).sort(), ['CDN｜证书问题', '对象存储｜其他类咨询'].sort());
			const counts = items.map((i) => Number(/\d+/.exec(i.detail ?? '')?.[0]));
			assert.deepEqual(
				counts,
				[...counts].sort((a, b) => b - a),
			);
			assert.deepEqual(
				items.map((i) => i.sortText),
				[...items.map((i) => i.sortText)].sort(),
			);
			assert.deepEqual(edit(items[0]), {
				range: { start: { line: categoryLine, character: key.length }, end: { line: categoryLine, character: lines[categoryLine].length } },
				newText: ' CDN｜配置问题',
			});
			assert.equal(items[0].filterText, ' CDN｜配置问题');
		});

		it('orders by the workspace counts when the host knows them', () => {
			const workspace = new Map([
				['直播云｜推流问题', 90],
				['CDN｜配置问题', 40],
			]);
			const withWorkspace = createTicketService({ workspace: { categoryCounts: () => workspace } });
			const items = complete(withWorkspace, dump, { line: categoryLine, character: lines[categoryLine].length });
			assert.deepEqual(labelsOf(items), ['直播云｜推流问题', 'CDN｜配置问题']);
			assert.equal(items[0].detail, '90 tickets');
		});

		it('offers the taxonomy, when one is configured, most used first', () => {
			const taxonomy = createTicketService({ config: resolveConfig({ categories: ['云主机｜其他类咨询', 'CDN｜配置问题', '新产品｜新问题'] }) });
			const items = complete(taxonomy, dump, { line: categoryLine, character: key.length });
			assert.deepEqual(labelsOf(items), ['CDN｜配置问题', '云主机｜其他类咨询', '新产品｜新问题']);
			assert.equal(items[2].detail, '0 tickets');
		});

		it('offers nothing before the colon', () => {
			assert.deepEqual(complete(service, dump, { line: categoryLine, character: 4 }), []);
		});
	});

	describe('under 根本原因分析', () => {
		const heading = lineWhere((l) => l === '### 根本原因分析', firstTitle);
		const label = lineWhere((l) => l.trim() !== '', heading + 1);

		it('offers the eight known labels, the most used in the file first, replacing the line', () => {
			for (const position of [
				{ line: label, character: 0 },
				{ line: label, character: lines[label].length },
				{ line: heading + 1, character: 0 },
			]) {
				const items = complete(service, dump, position);
				assert.equal(items.length, 8);
				assert.equal(items[0].label, 'SSL/TLS证书配置问题');
				assert.equal(items[0].detail, 'used 40 times in this file');
				assert.equal(items[1].label, '需要进一步排查具体原因');
				assert.deepEqual(edit(items[0]).range, {
					start: { line: position.line, character: 0 },
					end: { line: position.line, character: lines[position.line].length },
				});
			}
		});

		it('offers the configured labels instead of the defaults', () => {
			const custom = createTicketService({ config: resolveConfig({ rootCauses: ['配置参数错误或不当', '其他原因'] }) });
			assert.deepEqual(labelsOf(complete(custom, dump, { line: label, character: 0 })), ['配置参数错误或不当', '其他原因']);
		});

		it('offers no label in the other sections', () => {
			const description = lineWhere((l) => l.trim() !== '', lineWhere((l) => l === '### 问题描述', firstTitle) + 1);
			assert.deepEqual(complete(service, dump, { line: description, character: 0 }), []);
		});
	});

	describe('after ###', () => {
		/** The real dump with one line of its first ticket replaced. */
		const withLine = (line: number, text: string) => [...lines.slice(0, line), text, ...lines.slice(line + 1)].join('\n');

		it('offers only the section the ticket lacks: the heading being typed is not counted', () => {
			const heading = lineWhere((l) => l === '### 根本原因分析', firstTitle);
			for (const typed of ['### ', '###', '### 根']) {
				const items = complete(service, withLine(heading, typed), { line: heading, character: typed.length });
				assert.deepEqual(labelsOf(items), ['根本原因分析'], typed);
				assert.deepEqual(edit(items[0]), {
					range: { start: { line: heading, character: 0 }, end: { line: heading, character: typed.length } },
					newText: '### 根本原因分析',
				});
			}
		});

		it('offers the missing sections in the format order', () => {
			// A real ticket without 客服解答, its 根本原因分析 heading and label removed.
			const tickets = dump.split(/^(?=## )/m);
			const bare = tickets.findIndex((t) => t.startsWith('## ') && !t.includes('### 客服解答'));
			assert.ok(bare > 0);
			const ticket = tickets[bare].replace(/### 根本原因分析\n\n.*\n\n/, '### \n\n');
			const text = [...tickets.slice(0, bare), ticket, ...tickets.slice(bare + 1)].join('');
			const line = text.slice(0, text.indexOf('### \n')).split('\n').length - 1;
			const items = complete(service, text, { line, character: 4 });
			assert.deepEqual(labelsOf(items), ['客服解答', '根本原因分析']);
			assert.equal(items[0].detail, 'section (optional)');
		});

		it('offers nothing on a title, a #### heading, or a complete ticket', () => {
			assert.deepEqual(complete(service, dump, { line: firstTitle, character: 3 }), []);
			const heading = lineWhere((l) => l === '### 根本原因分析', firstTitle);
			assert.deepEqual(complete(service, withLine(heading, '#### '), { line: heading, character: 5 }), []);
			assert.deepEqual(complete(service, withLine(heading + 1, '### '), { line: heading + 1, character: 4 }), []);
		});
	});

	describe('at the start of a dialog line', () => {
		const dialog = lineWhere((l) => l === '### 完整对话记录', firstTitle);
		const firstTurn = lineWhere((l) => l.startsWith('**客户**：'), dialog);
		const staffTurn = lineWhere((l) => l.startsWith('**客服**：'), dialog);

		it('offers both speaker labels, the one whose turn it is first', () => {
			// The blank line after the first (customer) turn: staff is next.
			const afterCustomer = complete(service, dump, { line: firstTurn + 1, character: 0 });
			assert.deepEqual(labelsOf(afterCustomer), ['**客服**：', '**客户**：']);
			assert.equal(afterCustomer[0].preselect, true);
			assert.deepEqual(edit(afterCustomer[0]), {
				range: { start: { line: firstTurn + 1, character: 0 }, end: { line: firstTurn + 1, character: 0 } },
				newText: '**客服**：',
			});
			const afterStaff = complete(service, dump, { line: staffTurn + 1, character: 0 });
			assert.deepEqual(labelsOf(afterStaff), ['**客户**：', '**客服**：']);
			// The line right under the heading: the dialog starts with the customer.
			assert.deepEqual(labelsOf(complete(service, dump, { line: dialog + 1, character: 0 })), ['**客户**：', '**客服**：']);
		});

		it('replaces a label being typed', () => {
			const text = [...lines.slice(0, firstTurn + 1), '**客', ...lines.slice(firstTurn + 2)].join('\n');
			const items = complete(service, text, { line: firstTurn + 1, character: 3 });
			assert.deepEqual(edit(items[0]).range, { start: { line: firstTurn + 1, character: 0 }, end: { line: firstTurn + 1, character: 3 } });
		});

		it('offers nothing inside a turn, on the separator, or in the file header', () => {
			assert.deepEqual(complete(service, dump, { line: firstTurn, character: 20 }), []);
			const separator = lineWhere((l) => l === '---', dialog);
			assert.deepEqual(complete(service, dump, { line: separator, character: 0 }), []);
			assert.deepEqual(complete(service, dump, { line: 1, character: 0 }), []);
		});
	});

	describe('snippets', () => {
		const dialog = lineWhere((l) => l === '### 完整对话记录', firstTitle);
		const firstTurn = lineWhere((l) => l.startsWith('**客户**：'), dialog);
		const withLine = (at: number, typed: string) => [...lines.slice(0, at), typed, ...lines.slice(at)].join('\n');
		const snippetsOf = (items: CompletionItem[]) => items.filter((i) => i.kind === CompletionItemKind.Snippet);

		it('offers the ticket snippet for a word alone on a line after the last ticket, replacing the word', () => {
			const end = lines.length;
			const text = `${dump}${dump.endsWith('\n') ? '' : '\n'}tic`;
			const line = text.split('\n').length - 1;
			assert.ok(line >= end - 1);
			const items = complete(service, text, { line, character: 3 });
			assert.deepEqual(labelsOf(items), ['ticket', '新工单']);
			assert.equal(items[0].detail, 'New ticket');
			assert.equal(items[0].insertTextFormat, InsertTextFormat.Snippet);
			assert.deepEqual(edit(items[0]).range, { start: { line, character: 0 }, end: { line, character: 3 } });
			assert.equal(edit(items[0]).newText, service.snippet('ticket').body);
		});

		it('offers the ticket snippet in the file header, and none inside a ticket, mid-line, or for a space typed', () => {
			assert.deepEqual(labelsOf(complete(service, withLine(1, 'ticket'), { line: 1, character: 6 })), ['ticket', '新工单']);
			const description = lineWhere((l) => l === '### 问题描述', firstTitle) + 1;
			assert.deepEqual(complete(service, withLine(description, 'ticket'), { line: description, character: 6 }), []);
			assert.deepEqual(complete(service, withLine(1, 'ticket x'), { line: 1, character: 6 }), [], 'text after the cursor');
			assert.deepEqual(complete(service, withLine(1, ' '), { line: 1, character: 1 }), [], 'no word yet');
		});

		it('offers the turn snippet after the speaker labels at the start of a dialog line', () => {
			const items = complete(service, withLine(firstTurn + 1, 'tu'), { line: firstTurn + 1, character: 2 });
			assert.deepEqual(labelsOf(items), ['**客服**：', '**客户**：', 'turn', '对话']);
			assert.deepEqual(
				items.map((i) => i.sortText),
				['00000', '00001', '00002', '00003'],
			);
			assert.equal(edit(snippetsOf(items)[0]).newText, '**客户**：${1}\n\n**客服**：${2}\n\n$0');
		});

		it('inserts the snippet text with its defaults for a client without snippet support', () => {
			const text = `${dump}\nticket`;
			const line = text.split('\n').length - 1;
			const [item] = service.complete(doc(text), { line, character: 6 }, { snippetSupport: false });
			assert.equal(item.insertTextFormat, InsertTextFormat.PlainText);
			assert.ok(edit(item).newText.startsWith('## 标题\n\n**问题分类**: 产品｜子类\n'));
			assert.ok(!edit(item).newText.includes('$'));
		});

		it('in an empty file that is no dump yet, offers the dump and ticket snippets; in any other, nothing', () => {
			const items = service.completeNewDump(doc('du'), { line: 0, character: 2 });
			assert.deepEqual(labelsOf(items), ['dump', '新工单文件', 'ticket', '新工单']);
			assert.equal(edit(items[0]).newText, service.snippet('dump').body);
			assert.deepEqual(labelsOf(service.completeNewDump(doc('\n\n  dump\n'), { line: 2, character: 6 })), ['dump', '新工单文件', 'ticket', '新工单']);
			assert.deepEqual(service.completeNewDump(doc('# README\n\ndump'), { line: 2, character: 4 }), []);
			assert.deepEqual(service.completeNewDump(doc(''), { line: 0, character: 0 }), []);
		});
	});
});
