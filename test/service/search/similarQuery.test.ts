import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chineseLabels, SearchIndex, similarByText, similarByTicket, type TicketDigest } from '../../../server/src/service/index';
import { digestTickets } from '../../../server/src/service/document/ticketDigest';

const dump = readFileSync(join(__dirname, '..', '..', 'fixtures', 'corpus', '000_8bbabfb939ae27d4.txt'), 'utf8');
const tickets: TicketDigest[] = digestTickets(dump, chineseLabels);
const never = () => false;

/** The real dump in two files (groups 0 and 1), keyed by position, products kept. */
function indexOf(list: readonly TicketDigest[]): SearchIndex {
	const index = new SearchIndex();
	list.forEach((t, i) => index.add(i, i < 57 ? 0 : 1, t.fields, t.product));
	return index;
}

describe('similarQuery (the similar-ticket queries of the editor and the CLI)', () => {
	const index = indexOf(tickets);

	it('by ticket: the ticket itself left out when indexed, with feedback (the ranking of the reminders)', () => {
		const reminders = tickets.map((t, i) => (t.title === '免费 from 自动催单' ? i : -1)).filter((i) => i >= 0);
		const hits = similarByTicket(index, tickets[reminders[0]], { key: reminders[0], group: 0 }, { limit: 3 }, never);
		assert.deepEqual(hits.map((h) => h.key).sort(), reminders.slice(1).sort());
		assert.deepEqual(
			hits,
			index.search(index.ticketQuery(tickets[reminders[0]].fields, true), { limit: 3, feedback: true, excludeKeys: new Set([reminders[0]]) }),
		);
	});

	it('by a ticket that is not indexed: nothing left out but its exact copies', () => {
		const hits = similarByTicket(index, tickets[5], {}, { limit: 5 }, never);
		assert.equal(hits.length, 5);
		assert.ok(!hits.some((h) => h.key === 5), 'the indexed copy of the query is an exact copy');
	});

	it('leaves out its own file, and other products, only when asked', () => {
		const own = { key: 3, group: 0 };
		assert.ok(similarByTicket(index, tickets[3], own, { limit: 20 }, never).some((h) => h.key < 57));
		const otherFile = similarByTicket(index, tickets[3], own, { limit: 20, excludeOwnFile: true }, never);
		assert.ok(otherFile.length > 0 && otherFile.every((h) => h.key >= 57));
		const product = tickets[3].product;
		const sameProduct = similarByTicket(index, tickets[3], own, { limit: 20, sameProduct: true }, never);
		assert.ok(product && sameProduct.length > 0 && sameProduct.every((h) => tickets[h.key].product === product));
		assert.deepEqual(similarByTicket(index, { ...tickets[3], product: undefined }, own, { limit: 20, sameProduct: true }, never), []);
	});

	it('asks the caller about a hit that may be a masked copy, and leaves it out when it is one', () => {
		const copies = indexOf(tickets);
		const original = tickets[0].fields;
		copies.add(1000, 2, {
			...original,
			answers: original.answers.replace('https://github.com/qiniu/java-sdk/blob/master/examples/upload.java', 'https://github.com/***'),
		});
		const asked: number[] = [];
		const isCopy = (key: number) => (asked.push(key), key === 1000);
		const hits = similarByTicket(copies, tickets[0], { key: 0, group: 0 }, { limit: 10 }, isCopy);
		assert.deepEqual(asked, [1000]);
		assert.ok(!hits.some((h) => h.key === 1000));
		assert.ok(similarByTicket(copies, tickets[0], { key: 0, group: 0 }, { limit: 10 }, never).some((h) => h.key === 1000));
	});

	it('by text: the tickets that use its words, none for blank text', () => {
		const hits = similarByText(index, '发票', 3);
		assert.equal(hits.length, 3);
		for (const h of hits) assert.match(Object.values(tickets[h.key].fields).join(), /发票/);
		assert.deepEqual(similarByText(index, '  \n', 3), []);
	});
});
