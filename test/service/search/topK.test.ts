import { strict as assert } from 'node:assert';
import { bestOf, TopK } from '../../../server/src/service/search/topK';

describe('topK (the best tickets of a query)', () => {
	it('keeps the k best, best first, ties by ticket number', () => {
		const top = new TopK(3);
		for (const [doc, score] of [
			[5, 1],
			[2, 4],
			[9, 4],
			[1, 0.5],
			[7, 3],
			[3, 4],
		])
			top.offer(doc, score);
		assert.deepEqual(top.sorted(), [
			[2, 4],
			[3, 4],
			[9, 4],
		]);
		assert.deepEqual(new TopK(2).sorted(), []);
	});

	it('agrees with a sort on random scores (which of equals at the k-th place stays is left open)', () => {
		let seed = 1;
		const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
		const scores = Array.from({ length: 500 }, () => rand());
		const top = new TopK(20);
		scores.forEach((s, d) => top.offer(d, s));
		const expected = scores
			.map((s, d): [number, number] => [d, s])
			.sort((a, b) => b[1] - a[1] || a[0] - b[0])
			.slice(0, 20);
		assert.deepEqual(top.sorted(), expected);
	});

	it('picks from the touched tickets those passing the filter, and clears the sums only when asked', () => {
		const scores = new Float32Array([0, 3, 0, 5, 2, 4]);
		const touched = new Int32Array([3, 1, 5, 4]);
		const even = (d: number) => d !== 5;
		assert.deepEqual(bestOf(scores, touched, 4, 2, even, false), [
			[3, 5],
			[1, 3],
		]);
		assert.deepEqual([...scores], [0, 3, 0, 5, 2, 4]);
		assert.deepEqual(
			bestOf(scores, touched, 3, 5, () => true, true),
			[
				[3, 5],
				[5, 4],
				[1, 3],
			],
		);
		assert.deepEqual([...scores], [0, 0, 0, 0, 2, 0]);
	});
});
