import { strict as assert } from 'node:assert';
import { fieldHashCount } from '../../../server/src/service/duplicates/exactCopies';
import { IndexedTickets } from '../../../server/src/service/search/indexedTickets';

const print = (n: number) => ({ exact: n, skeleton: n, fieldHashes: new Uint32Array(fieldHashCount).fill(n), unmasked: n & 15 });

describe('indexedTickets (the tickets of the similar-ticket index)', () => {
	it('numbers tickets as added, and marks a removed one dead', () => {
		const tickets = new IndexedTickets();
		assert.equal(tickets.add(100, 0, 'CDN', print(1)), 0);
		assert.equal(tickets.add(200, 1, undefined, print(2)), 1);
		assert.equal(tickets.size, 2);
		assert.equal(tickets.remove(100), 0);
		assert.equal(tickets.remove(100), undefined);
		assert.ok(!tickets.has(100) && tickets.has(200));
		assert.deepEqual([tickets.size, tickets.count, tickets.alive[0]], [1, 2, 0]);
	});

	it('wants compacting once a quarter of its tickets, and at least 256, are dead; compaction keeps the order', () => {
		const tickets = new IndexedTickets();
		for (let key = 0; key < 1200; key++) tickets.add(key, key % 3, undefined, print(key));
		for (let key = 0; key < 299; key++) tickets.remove(key * 4);
		assert.equal(tickets.needsCompaction, false);
		tickets.remove(299 * 4);
		assert.equal(tickets.needsCompaction, true);
		const remap = tickets.compact();
		assert.deepEqual([remap[0], remap[1], remap[3], remap[4], remap[5]], [-1, 0, 2, -1, 3]);
		assert.deepEqual([tickets.count, tickets.dead, tickets.compactions, tickets.needsCompaction], [900, 0, 1, false]);
		assert.deepEqual([tickets.key[3], tickets.group[3], tickets.exact[3], tickets.fieldHashes[3 * fieldHashCount], tickets.unmasked[3]], [5, 2, 5, 5, 5]);
		assert.equal(tickets.remove(5), 3, 'keys find their new numbers');
	});

	it('filters by product, group, keys and exact copy', () => {
		const tickets = new IndexedTickets();
		tickets.add(10, 0, 'CDN', print(1));
		tickets.add(11, 1, 'CDN', print(2));
		tickets.add(12, 1, '直播', print(3));
		tickets.add(13, 1, undefined, print(4));
		const passing = (filter: Parameters<IndexedTickets['filterOf']>[0]) => [0, 1, 2, 3].filter(tickets.filterOf(filter));
		assert.deepEqual(passing({}), [0, 1, 2, 3]);
		assert.deepEqual(passing({ product: 'CDN' }), [0, 1]);
		assert.deepEqual(passing({ product: '' }), []);
		assert.deepEqual(passing({ product: '没有' }), []);
		assert.deepEqual(passing({ excludeGroup: 1 }), [0]);
		assert.deepEqual(passing({ excludeKeys: new Set([11, 13]) }), [0, 2]);
		assert.deepEqual(passing({ excludeExact: 3 }), [0, 1, 3]);
	});
});
