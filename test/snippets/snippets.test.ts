/**
 * The snippets of snippets/tickets.json, expanded as VS Code would with their placeholders' default
 * text, make well-formed tickets: the service finds no structural defect in them.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTicketService } from '../../server/src/service/index';

interface Snippet {
	readonly prefix: string[];
	readonly body: string[];
	readonly description: string;
}

const root = join(__dirname, '..', '..');
const snippets = JSON.parse(readFileSync(join(root, 'snippets', 'tickets.json'), 'utf8')) as Record<string, Snippet>;
const dump = readFileSync(join(root, 'test', 'fixtures', 'corpus', '000_8bbabfb939ae27d4.txt'), 'utf8');

/** `${n:default}` → default, `${n}` → the default of the same tab stop (a mirror), `$0` → nothing. */
function expand(body: readonly string[]): string {
	const text = body.join('\n');
	const defaults = new Map<string, string>();
	for (const m of text.matchAll(/\$\{(\d+):([^}]*)\}/g)) defaults.set(m[1], m[2]);
	return text
		.replace(/\$\{(\d+):([^}]*)\}/g, (_, _n, value: string) => value)
		.replace(/\$\{(\d+)\}/g, (_, n: string) => defaults.get(n) ?? '')
		.replace(/\$0/g, '');
}

const service = createTicketService();
const codes = (text: string) => (service.validate({ uri: 'file:///new.md', version: 1, getText: () => text }) ?? []).map((d) => String(d.code));

describe('snippets', () => {
	it('are the three the commands insert by name', () => {
		assert.deepEqual(Object.keys(snippets).sort(), ['Dialog turns', 'New ticket', 'New ticket dump']);
	});

	it('"New ticket dump" makes a dump with one well-formed ticket (only its placeholder root cause is unknown)', () => {
		const text = expand(snippets['New ticket dump'].body);
		assert.ok(service.isTicketDump(text));
		const parsed = service.parse({ uri: 'file:///new.md', version: 1, getText: () => text });
		assert.equal(parsed.chunks.length, 1);
		const ticket = parsed.ticket(0);
		assert.deepEqual(ticket.sections.map((s) => s.kind), ['description', 'answers', 'rootCause', 'dialog']);
		assert.deepEqual(ticket.turns.map((t) => t.speaker), ['customer', 'staff']);
		assert.equal(ticket.turns[0].text, ticket.sections[0].contentText, 'the first customer turn mirrors 问题描述');
		assert.equal(ticket.turns[1].text, ticket.answers[0].text, 'the first staff turn mirrors answer 1');
		assert.deepEqual(codes(text), ['root-cause-unknown']);
	});

	it('"New ticket" appended to the real dump adds one ticket and no structural defect', () => {
		const text = `${dump}${dump.endsWith('\n\n') ? '' : '\n'}${expand(snippets['New ticket'].body)}`;
		const document = { uri: 'file:///new.md', version: 2, getText: () => text };
		const parsed = service.parse(document);
		assert.equal(parsed.chunks.length, 115);
		const start = parsed.chunks[114].startLine;
		const diagnostics = service.validate(document) ?? [];
		assert.deepEqual(diagnostics.filter((d) => d.range.start.line >= start).map((d) => d.code), ['root-cause-unknown']);
		assert.ok(diagnostics.some((d) => d.code === 'declared-count' && /114.*115/.test(d.message)));
	});

	it('"Dialog turns" writes a customer and a staff label', () => {
		assert.equal(expand(snippets['Dialog turns'].body), '**客户**：\n\n**客服**：\n\n');
	});
});
