import { strict as assert } from 'node:assert';
import { runSteps } from '../../../server/src/service/document/steps';
import { PostingLists } from '../../../server/src/service/search/postingLists';

/** Lists of three terms over tickets 0–5: a in every ticket, b in the even ones, c in ticket 5. */
function sample(): PostingLists {
	const lists = new PostingLists();
	for (let doc = 0; doc < 6; doc++) {
		lists.post(lists.termId('a'), doc, 10 + doc);
		if (doc % 2 === 0) lists.post(lists.termId('b'), doc, 20 + doc);
		if (doc === 5) lists.post(lists.termId('c'), doc, 30);
	}
	return lists;
}

const used = (lists: PostingLists, id: number) => [...lists.docs[id].subarray(0, lists.length[id])];

describe('postingLists (the postings of the similar-ticket index)', () => {
	it('numbers terms as first met and keeps each list sorted, with its impacts', () => {
		const lists = sample();
		assert.deepEqual(lists.termText, ['a', 'b', 'c']);
		assert.equal(lists.termId('b'), 1);
		assert.equal(lists.terms, 3);
		assert.deepEqual(used(lists, 1), [0, 2, 4]);
		assert.deepEqual([...lists.impacts[1].subarray(0, 3)], [20, 22, 24]);
		assert.equal(lists.find(0, 4), 4);
		assert.equal(lists.find(1, 3), -1);
		assert.deepEqual([lists.df(0), lists.df(1), lists.df(2)], [6, 3, 1]);
	});

	it('counts the postings of removed tickets at the next countDead, a few by lookups and many by a pass', () => {
		for (const removed of [[3], Array.from({ length: 20 }, (_, i) => 2 * i + 1)]) {
			const lists = new PostingLists();
			const alive = new Uint8Array(40).fill(1);
			for (let doc = 0; doc < 40; doc++) lists.post(lists.termId(doc % 2 ? 'odd' : 'even'), doc, 1);
			for (const doc of removed) {
				alive[doc] = 0;
				lists.removed(doc);
			}
			assert.equal(lists.df(1), 20, 'not counted before countDead');
			lists.countDead(alive);
			assert.deepEqual([lists.df(0), lists.df(1)], [20, 20 - removed.length]);
		}
	});

	it('recounts, after a pass that counted the dead itself, the tickets removed while it ran', () => {
		const lists = sample();
		const alive = new Uint8Array(6).fill(1);
		lists.recountStarts();
		alive[0] = 0;
		lists.removed(0);
		lists.recounted(new Int32Array(lists.deadIn.length), alive);
		assert.deepEqual([lists.df(0), lists.df(1), lists.df(2)], [5, 2, 1]);
	});

	it('renumbers the tickets of every list when compacted, dropping the dead', () => {
		const lists = sample();
		lists.removed(1);
		lists.compact(Int32Array.from([0, -1, 1, 2, -1, 3]));
		assert.deepEqual(used(lists, 0), [0, 1, 2, 3]);
		assert.deepEqual(used(lists, 1), [0, 1]);
		assert.deepEqual([...lists.impacts[0].subarray(0, 4)], [10, 12, 13, 15]);
		assert.deepEqual(used(lists, 2), [3]);
		assert.equal(lists.df(0), 4);
	});

	it('pools the lists into one array each, and says when lists that grew out of it hold half of it', () => {
		const lists = sample();
		runSteps(lists.poolSteps());
		assert.ok(lists.docs.every((list) => list.buffer === lists.docs[0].buffer));
		assert.ok(lists.impacts.every((list) => list.buffer === lists.impacts[0].buffer));
		assert.deepEqual(used(lists, 1), [0, 2, 4]);
		assert.equal(lists.scattered, false);
		lists.post(0, 6, 1);
		assert.notEqual(lists.docs[0].buffer, lists.docs[1].buffer);
		assert.deepEqual(used(lists, 0), [0, 1, 2, 3, 4, 5, 6]);
		assert.equal(lists.scattered, true, 'the 6 postings of a moved out of a pool of 10');
	});
});
