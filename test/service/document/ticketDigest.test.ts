import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chineseLabels, createTicketService, LiveDigests, digestTicketAt } from '../../../server/src/service/index';

const dumpPath = join(__dirname, '..', '..', 'fixtures', 'corpus', '000_8bbabfb939ae27d4.txt');
const dump = readFileSync(dumpPath, 'utf8');
const service = createTicketService();

describe('digest (line-level ticket fields for the workspace index)', () => {
	const digests = service.digest(dump);
	const parsed = service.parse({ uri: 'file:///dump.txt', version: 1, getText: () => dump }).tickets();

	it('finds the 114 tickets of the real dump', () => {
		assert.equal(digests.length, 114);
	});

	it('agrees with the full Markdown parse on titles, ranges, categories and root causes', () => {
		for (const [i, ticket] of parsed.entries()) {
			const d = digests[i];
			assert.equal(d.ordinal, i);
			assert.equal(d.title, ticket.title.text);
			assert.deepEqual(d.titleRange, ticket.title.range, `title range of ticket ${i}`);
			assert.deepEqual(d.range, ticket.range, `range of ticket ${i}`);
			assert.equal(d.product, ticket.category?.product?.text);
			assert.equal(d.subcategory, ticket.category?.subcategory?.text);
			const rootCause = ticket.sections
				.find((s) => s.kind === 'rootCause')
				?.contentText.split('\n')[0]
				.trim();
			assert.equal(d.rootCause, rootCause);
			const description = ticket.sections.find((s) => s.kind === 'description')?.contentText ?? '';
			assert.equal(d.fields.description.replace(/\n+/g, '\n'), description.replace(/\n[ \t\u00a0]*\n/g, '\n').trim());
		}
	});

	it('keeps the answers without their numbers and the dialog without speaker labels', () => {
		const first = digests[0];
		assert.match(first.fields.answers, /^您好，您这边使用的是什么语言的SDK上传/);
		assert.doesNotMatch(first.fields.answers, /^\d+\./m);
		assert.match(first.fields.dialog, /^请求获取uploadId/);
		assert.doesNotMatch(first.fields.dialog, /\*\*客[户服]\*\*/);
		const withoutAnswers = parsed.filter((t) => !t.sections.some((s) => s.kind === 'answers')).map((t) => t.ordinal);
		assert.equal(withoutAnswers.length, 4);
		for (const i of withoutAnswers) assert.equal(digests[i].fields.answers, '');
	});

	it('previews at most three lines of the description', () => {
		for (const d of digests) {
			assert.ok(d.preview.split('\n').length <= 3);
			assert.ok(d.fields.description.startsWith(d.preview.replace(/…$/, '')));
		}
	});

	it('reads only the ticket under a line, placed as in the whole file', () => {
		for (const i of [0, 57, 113]) {
			const d = digests[i];
			assert.deepEqual(digestTicketAt(dump, d.range.start.line, chineseLabels), d);
			assert.deepEqual(digestTicketAt(dump, d.range.end.line, chineseLabels), d);
		}
		assert.equal(digestTicketAt(dump, 0, chineseLabels), undefined);
		assert.equal(digestTicketAt(dump, 1_000_000, chineseLabels), undefined);
	});

	it('re-reads only the edited ticket of a document being edited, and places the others anew', () => {
		const live = new LiveDigests(chineseLabels);
		const first = live.digest(dump);
		assert.deepEqual(first, digests);
		// Delete the first ticket and edit the description of the last one.
		const start = dump.indexOf('\n## ') + 1;
		const second = dump.indexOf('\n## ', start) + 1;
		const edited = (dump.slice(0, start) + dump.slice(second)).replace('不想用了', '不想用了，请注销');
		const next = live.digest(edited);
		assert.deepEqual(next, service.digest(edited));
		assert.equal(next.length, 113);
		const changed = next.filter((d, i) => d.fields !== first[i + 1].fields).map((d) => d.title);
		assert.deepEqual(changed, ['账号注销']);
	});

	it('reads a ticket with a missing category and an empty section without throwing', () => {
		const [d] = service.digest('## 只有标题\n\n### 问题描述\n\n### 根本原因分析\n\n---\n');
		assert.equal(d.title, '只有标题');
		assert.equal(d.product, undefined);
		assert.equal(d.fields.description, '');
		assert.equal(d.rootCause, undefined);
	});
});
