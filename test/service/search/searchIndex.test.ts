import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chineseLabels, defaultRankingParams, SearchIndex, type TicketDigest } from '../../../server/src/service/index';
import { digestTickets } from '../../../server/src/service/document/ticketDigest';
import { copyPrint } from '../../../server/src/service/duplicates/exactCopies';

const dump = readFileSync(join(__dirname, '..', '..', 'fixtures', 'corpus', '000_8bbabfb939ae27d4.txt'), 'utf8');
const tickets: TicketDigest[] = digestTickets(dump, chineseLabels);
const category = (t: TicketDigest) => `${t.product}｜${t.subcategory}`;

function indexOf(list: readonly TicketDigest[], group = 0): SearchIndex {
	const index = new SearchIndex();
	list.forEach((t, i) => index.add(i, group, t.fields, t.product));
	return index;
}

function similarTo(index: SearchIndex, i: number, limit = 5) {
	return index.search(index.ticketQuery(tickets[i].fields, true), { limit, excludeKeys: new Set([i]), feedback: true });
}

describe('searchIndex (BM25F ranking of similar tickets)', () => {
	const index = indexOf(tickets);

	it('ranks the real dump well: leave-one-out P@5 of the same category above 0.30', () => {
		let sum = 0;
		for (let i = 0; i < tickets.length; i++) sum += similarTo(index, i).filter((h) => category(tickets[h.key]) === category(tickets[i])).length / 5;
		const p5 = sum / tickets.length;
		assert.ok(p5 >= 0.3, `P@5 ${p5.toFixed(3)}`);
	});

	it('finds the other automatic certificate reminders for one of them', () => {
		const reminders = tickets.map((t, i) => (t.title === '免费 from 自动催单' ? i : -1)).filter((i) => i >= 0);
		assert.equal(reminders.length, 4);
		const top = similarTo(index, reminders[0], 3).map((h) => h.key);
		assert.deepEqual([...top].sort(), reminders.slice(1).sort());
	});

	it('says why a ticket matched: its strongest shared terms, a character inside a shown pair left out', () => {
		const [hit] = index.search(index.textQuery('证书过期'), { limit: 1 });
		assert.ok(hit.matchedTerms.includes('证书') || hit.matchedTerms.includes('过期'), hit.matchedTerms.join());
		for (const term of hit.matchedTerms) if (term.length === 1) assert.ok(!hit.matchedTerms.some((t) => t.length > 1 && t.includes(term)));
		assert.ok(hit.score > 0);
	});

	it('answers free text with the tickets that use its words', () => {
		const hits = index.search(index.textQuery('发票'), { limit: 3 });
		assert.equal(hits.length, 3);
		for (const h of hits) assert.match(Object.values(tickets[h.key].fields).join(), /发票/);
	});

	it('limits, filters by product and leaves out a group', () => {
		assert.equal(similarTo(index, 0, 2).length, 2);
		const storage = index.search(index.ticketQuery(tickets[0].fields, true), { limit: 10, product: '对象存储' });
		assert.ok(storage.length > 0 && storage.every((h) => tickets[h.key].product === '对象存储'));
		assert.deepEqual(index.search(index.ticketQuery(tickets[0].fields, true), { limit: 10, product: '没有的产品' }), []);
		const two = new SearchIndex();
		tickets.forEach((t, i) => two.add(i, i < 57 ? 1 : 2, t.fields));
		const hits = two.search(two.ticketQuery(tickets[0].fields, true), { limit: 20, excludeGroup: 1 });
		assert.ok(hits.length > 0 && hits.every((h) => h.key >= 57));
	});

	it('does not read categories: relabelled tickets rank the same', () => {
		const relabelled = new SearchIndex();
		tickets.forEach((t, i) => relabelled.add(i, 0, t.fields, 'same for all'));
		for (const i of [0, 10, 50])
			assert.deepEqual(
				similarTo(relabelled, i, 10).map((h) => h.key),
				similarTo(index, i, 10).map((h) => h.key),
			);
	});

	it('does not return exact copies of the query (whitespace and redaction aside), but does return near ones', () => {
		const copies = new SearchIndex();
		tickets.forEach((t, i) => copies.add(i, 0, t.fields));
		const original = tickets[0].fields;
		const spaced = { ...original, description: `  ${original.description.replace(/，/g, '， ')}\n` };
		const masked = {
			...original,
			answers: original.answers.replace('https://github.com/qiniu/java-sdk/blob/master/examples/upload.java', 'https://github.com/***'),
		};
		const different = { ...original, title: `${original.title} 又一次` };
		copies.add(1000, 0, spaced);
		copies.add(1001, 0, masked);
		copies.add(1002, 0, different);
		const print = copyPrint(original);
		const hits = copies.search(copies.ticketQuery(original, true), {
			limit: 10,
			excludeKeys: new Set([0]),
			excludeCopiesOf: { print, confirm: (key) => key === 1001 },
		});
		const keys = hits.map((h) => h.key);
		assert.ok(!keys.includes(1000), 'whitespace copy returned');
		assert.ok(!keys.includes(1001), 'masked copy returned');
		assert.ok(keys.includes(1002), 'near copy missing');
	});

	it('asks the caller to confirm only the tickets its prints cannot settle', () => {
		const copies = new SearchIndex();
		tickets.forEach((t, i) => copies.add(i, 0, t.fields));
		const original = tickets[0].fields;
		// Same skeleton, no wildcard: a late digit changed in an ID is another ticket, told apart without its text.
		const laterId = { ...original, title: `${original.title} 订单 2024061512345678` };
		const query = { ...original, title: `${original.title} 订单 2024061512345679` };
		// Same skeleton, a wildcard where the texts differ: only the texts can tell.
		const maskedId = { ...original, title: `${original.title} 订单 20240615***` };
		copies.add(2000, 0, laterId);
		copies.add(2001, 0, maskedId);
		const asked: number[] = [];
		const hits = copies.search(copies.ticketQuery(query, false), {
			limit: 10,
			excludeKeys: new Set([0]),
			excludeCopiesOf: { print: copyPrint(query), confirm: (key) => (asked.push(key), key === 2001) },
		});
		assert.deepEqual(asked, [2001]);
		const keys = hits.map((h) => h.key);
		assert.ok(keys.includes(2000) && !keys.includes(2001), `${keys}`);
	});

	it('gives after removals and re-adds (with compaction) what a fresh index gives', () => {
		const churned = new SearchIndex();
		tickets.forEach((t, i) => churned.add(i, 0, t.fields));
		for (let round = 0; round < 4; round++) {
			for (let i = 0; i < tickets.length; i += 2) churned.remove(i);
			for (let i = 0; i < tickets.length; i += 2) churned.add(i, 0, tickets[i].fields);
		}
		assert.equal(churned.size, tickets.length);
		for (const i of [3, 40, 99]) {
			const a = similarTo(churned, i, 10);
			const b = similarTo(index, i, 10);
			assert.deepEqual(
				a.map((h) => h.key),
				b.map((h) => h.key),
			);
			a.forEach((h, j) => assert.ok(Math.abs(h.score - b[j].score) < 1e-6 * b[j].score, `${h.score} vs ${b[j].score}`));
		}
	});

	it('ranks as well once settled, with tickets re-added after it settled (their 64 strongest terms cut as added)', () => {
		const settled = indexOf(tickets);
		settled.settle();
		for (let i = 0; i < tickets.length; i += 2) settled.remove(i);
		for (let i = 0; i < tickets.length; i += 2) settled.add(i, 0, tickets[i].fields, tickets[i].product);
		let sum = 0;
		for (let i = 0; i < tickets.length; i++) sum += similarTo(settled, i).filter((h) => category(tickets[h.key]) === category(tickets[i])).length / 5;
		const p5 = sum / tickets.length;
		assert.ok(p5 >= 0.3, `P@5 ${p5.toFixed(3)}`);
		const unsettled = similarTo(index, 40, 10).map((h) => h.key);
		const afterSettling = similarTo(settled, 40, 10).map((h) => h.key);
		assert.ok(afterSettling.filter((k) => unsettled.includes(k)).length >= 7, `${afterSettling} vs ${unsettled}`);
	});

	it('answers nothing for an empty query or an empty index, and never throws on odd text', () => {
		assert.deepEqual(index.search(index.textQuery(''), {}), []);
		assert.deepEqual(new SearchIndex().search(new Map([['证书', 1]]), {}), []);
		const odd = new SearchIndex();
		odd.add(1, 0, { title: '', description: '', answers: '', dialog: '' });
		odd.add(2, 0, { title: '\u0000\ud800', description: 'a'.repeat(100_000), answers: '证'.repeat(1000), dialog: '' });
		assert.equal(odd.search(odd.textQuery('证 a'), {}).length, 1);
	});

	it('documents the parameters it uses by default', () => {
		assert.equal(defaultRankingParams.fieldWeights.title, 5);
		assert.ok(defaultRankingParams.feedback.docs > 0);
	});
});
