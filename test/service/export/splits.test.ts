/** Splits: groups of near copies assigned whole, products spread over the splits, the same seed the same plan. */
import { strict as assert } from 'node:assert';
import { assignSplits, ticketPrint, type SplitItem } from '../../../server/src/service/index';
import { similarity } from '../../../server/src/service/duplicates/duplicateIndex';
import { realTickets } from '../../../bench/corpus';

describe('assignSplits', () => {
	const tickets = realTickets();
	// Every real ticket twice: the copy with one line added, a near copy of it.
	const items: SplitItem[] = tickets.flatMap((t, i) => [
		{ product: `p${i % 3}`, print: ticketPrint(t) },
		{ product: `p${i % 3}`, print: ticketPrint(`${t}\n补充：已处理。\n`) },
	]);

	it('keeps each near copy with its original and never splits a pair at the threshold', () => {
		const plan = assignSplits(items, [80, 10, 10], 1, 0.8);
		for (let i = 0; i < items.length; i++)
			for (let j = i + 1; j < items.length; j++)
				if (plan.splitOf[i] !== plan.splitOf[j]) assert.ok(similarity(items[i].print.signature, items[j].print.signature) < 0.8, `${i} ${j}`);
		assert.ok(plan.groups <= tickets.length);
		assert.ok(plan.largestCrossSimilarity < 0.8);
	});

	it('spreads every product over the three splits about 80/10/10, the same for the same seed and otherwise for another', () => {
		const plan = assignSplits(items, [80, 10, 10], 1, 0.8);
		for (const product of ['p0', 'p1', 'p2']) {
			const counts = [0, 0, 0];
			items.forEach((item, i) => item.product === product && counts[plan.splitOf[i]]++);
			const total = counts[0] + counts[1] + counts[2];
			assert.ok(counts[0] / total > 0.7 && counts[1] > 0 && counts[2] > 0, `${product}: ${counts}`);
		}
		assert.deepEqual(assignSplits(items, [80, 10, 10], 1, 0.8).splitOf, plan.splitOf);
		assert.notDeepEqual(assignSplits(items, [80, 10, 10], 2, 0.8).splitOf, plan.splitOf);
		assert.ok(assignSplits(items, [0, 0, 1], 1, 0.8).splitOf.every((s) => s === 2));
	});
});
