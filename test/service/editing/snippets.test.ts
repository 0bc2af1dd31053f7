/**
 * The snippets (ticket, dump, turn), expanded with their placeholders' default text, make
 * well-formed tickets: the service finds no structural defect in them, with the default labels
 * and with the English labels of the CLI fixture.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTicketService, resolveConfig } from '../../../server/src/service/index';
import { snippetDefaults } from '../../../server/src/service/editing/snippets';
import { chineseLabels } from '../../../server/src/service/config/labels';
import { declaredCountLine } from '../../../server/src/service/editing/snippets';

const root = join(__dirname, '..', '..', '..');
const dump = readFileSync(join(root, 'test', 'fixtures', 'corpus', '000_8bbabfb939ae27d4.txt'), 'utf8');
const englishDir = join(root, 'test', 'fixtures', 'cli', 'english');

const service = createTicketService();
const textDocument = (text: string, version = 1) => ({ uri: 'file:///new.md', version, getText: () => text });
const codes = (text: string, on = service) => (on.validate(textDocument(text)) ?? []).map((d) => String(d.code));

describe('snippets', () => {
	it('"dump" makes a dump with one well-formed ticket (only its placeholder root cause is unknown)', () => {
		const text = snippetDefaults(service.snippet('dump').body);
		assert.ok(text.startsWith('# 技术支持工单数据 - Part 1\n\n本文档包含 1 个结构化技术支持问答记录\n\n---\n\n## 标题\n\n**问题分类**: 产品｜子类\n'));
		assert.ok(service.isTicketDump(text));
		const parsed = service.parse(textDocument(text));
		assert.equal(parsed.chunks.length, 1);
		const ticket = parsed.ticket(0);
		assert.deepEqual(
			ticket.sections.map((s) => s.kind),
			['description', 'answers', 'rootCause', 'dialog'],
		);
		assert.deepEqual(
			ticket.turns.map((t) => t.speaker),
			['customer', 'staff'],
		);
		assert.equal(ticket.turns[0].text, ticket.sections[0].contentText, 'the first customer turn mirrors 问题描述');
		assert.equal(ticket.turns[1].text, ticket.answers[0].text, 'the first staff turn mirrors answer 1');
		assert.deepEqual(codes(text), ['root-cause-unknown']);
	});

	it('"ticket" appended to the real dump adds one ticket and no structural defect', () => {
		const text = `${dump}${dump.endsWith('\n\n') ? '' : '\n'}${snippetDefaults(service.snippet('ticket').body)}`;
		const document = textDocument(text, 2);
		const parsed = service.parse(document);
		assert.equal(parsed.chunks.length, 115);
		const start = parsed.chunks[114].startLine;
		const diagnostics = service.validate(document) ?? [];
		assert.deepEqual(
			diagnostics.filter((d) => d.range.start.line >= start).map((d) => d.code),
			['root-cause-unknown'],
		);
		assert.ok(diagnostics.some((d) => d.code === 'declared-count' && /114.*115/.test(d.message)));
	});

	it('"turn" writes a customer and a staff label, each a tab stop', () => {
		assert.equal(service.snippet('turn').body, '**客户**：${1}\n\n**客服**：${2}\n\n$0');
		assert.equal(snippetDefaults(service.snippet('turn').body), '**客户**：\n\n**客服**：\n\n');
	});

	it('are written with the configured labels: the English dump gets English snippets that check clean with its configuration', () => {
		const config = resolveConfig(JSON.parse(readFileSync(join(englishDir, '.ticketcurator.json'), 'utf8')));
		const english = createTicketService({ config });
		const text = snippetDefaults(english.snippet('dump').body);
		assert.ok(
			text.startsWith(
				'# Support tickets - Part 1\n\nThis file contains 1 tickets\n\n---\n\n## Title\n\n**Category**: Product/Subcategory\n\n### Description\n\nWhat the customer reports\n',
			),
			text,
		);
		assert.ok(text.includes('\n**Customer**: What the customer reports\n\n**Agent**: The first staff reply\n'));
		assert.ok(english.isTicketDump(text));
		// Its placeholder category and root cause are not in the fixture's taxonomy and labels; nothing else is wrong.
		assert.deepEqual(codes(text, english).sort(), ['category-unknown', 'root-cause-unknown']);
	});

	it('reads the declared-count line back from its pattern, and leaves it out when the pattern is more than text around a number', () => {
		assert.equal(declaredCountLine(chineseLabels, 'N'), '本文档包含 N 个结构化技术支持问答记录');
		assert.equal(declaredCountLine({ ...chineseLabels, declaredCount: 'Total:\\s+(\\d+) \\$\\.' }, 'N'), 'Total: N \\$.');
		assert.equal(declaredCountLine({ ...chineseLabels, declaredCount: '(?:Total|Sum): (\\d+)' }, 'N'), undefined);
		assert.equal(declaredCountLine({ ...chineseLabels, declaredCount: 'no number' }, 'N'), undefined);
		const config = resolveConfig({ labels: { declaredCount: '(?:Total|Sum): (\\d+)' } });
		assert.ok(!createTicketService({ config }).snippet('dump').body.includes('Total'), 'no count line');
	});

	it('escapes what snippet syntax reads in labels ($, }, \\)', () => {
		const config = resolveConfig({ labels: { categoryKey: 'Cost $}', speakers: { customer: 'C\\D' } } });
		const body = createTicketService({ config }).snippet('ticket').body;
		assert.ok(body.includes('**Cost \\$\\}**'));
		assert.ok(body.includes('**C\\\\D**'));
		assert.ok(snippetDefaults(body).includes('**Cost $}**: 产品｜子类'), snippetDefaults(body));
	});
});
