import { strict as assert } from 'node:assert';
import { runSteps } from '../../../server/src/service/document/steps';
import { fields, searchParts } from './searchParts';

const alphabet = '证书过期域名发票备案上传失败回源配置缓存刷新预热流量带宽账单退款实名认证密钥签名存储空间对象';

/** Tickets of random text: each has a hundred-odd distinct pairs, and its characters are in every ticket. */
function randomTickets(count: number, seed = 3) {
	const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
	const text = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
	return Array.from({ length: count }, () => fields(text(8), text(150)));
}

type Parts = ReturnType<typeof searchParts>;

/** The weights of a ticket's strongest 64 terms by impact × idf × kind, as the lists should hold them (float32, as the heaps rank them). */
function strongestWeights({ lists, weights }: Parts, doc: number): number[] {
	const maxDf = weights.maxDf();
	const all: number[] = [];
	for (let id = 0; id < lists.terms; id++) {
		const at = lists.find(id, doc);
		const w = weights.termWeight(id, maxDf);
		if (at >= 0 && w > 0) all.push(Math.fround(lists.impacts[id][at] * w));
	}
	return all.sort((a, b) => b - a).slice(0, 64);
}

function listWeights({ lists, weights, forward }: Parts, doc: number): number[] {
	const [ids, impacts] = forward.of(doc, lists);
	const maxDf = weights.maxDf();
	return Array.from(ids, (id, i) => Math.fround(impacts[i] * weights.termWeight(id, maxDf))).sort((a, b) => b - a);
}

describe("forwardLists (each ticket's strongest terms, for feedback)", () => {
	it("reads a ticket's terms from the postings until the index settles", () => {
		const parts = searchParts([fields('证书过期'), fields('证书')]);
		const [ids, impacts] = parts.forward.of(1, parts.lists);
		assert.deepEqual(
			[...ids].map((id) => parts.lists.termText[id]),
			['证', '证书', '书'],
		);
		assert.deepEqual(
			[...impacts],
			[...ids].map((id) => parts.lists.impacts[id][parts.lists.find(id, 1)]),
		);
	});

	it("keeps each ticket's 64 strongest terms once settled, the common ones left out, and cuts tickets added later as added", () => {
		const parts = searchParts(randomTickets(40));
		runSteps(parts.forward.deriveSteps(parts.lists, parts.tickets, parts.weights));
		assert.ok(parts.forward.settling);
		for (const doc of [0, 17, 39]) {
			assert.equal(listWeights(parts, doc).length, 64);
			assert.deepEqual(listWeights(parts, doc), strongestWeights(parts, doc));
		}
		const later = parts.add(randomTickets(1, 99)[0]);
		const [ids] = parts.forward.of(later, parts.lists);
		assert.deepEqual(
			[...ids],
			[...ids].sort((a, b) => a - b),
			'ascending term numbers',
		);
		assert.deepEqual(listWeights(parts, later), strongestWeights(parts, later));
	});

	it('starts its pass again when the tickets were renumbered meanwhile, and counts the dead postings again', () => {
		const parts = searchParts(randomTickets(1000));
		const { lists, tickets, forward } = parts;
		const steps = forward.deriveSteps(lists, tickets, parts.weights);
		steps.next();
		for (let key = 0; key < 300; key++) tickets.remove(key);
		const remap = tickets.compact();
		forward.compact(remap, tickets.count);
		lists.compact(remap);
		tickets.remove(300);
		lists.removed(remap[300]);
		runSteps(steps);
		const df = (id: number) => [...lists.docs[id].subarray(0, lists.length[id])].filter((d) => tickets.alive[d]).length;
		for (const id of [0, 10, 500]) assert.equal(lists.df(id), df(id));
		assert.deepEqual(listWeights(parts, 0), []);
		for (const doc of [1, 699]) assert.deepEqual(listWeights(parts, doc), strongestWeights(parts, doc));
	});

	it('moves the lists with their tickets when compacted, and pools them', () => {
		const parts = searchParts(randomTickets(3));
		runSteps(parts.forward.deriveSteps(parts.lists, parts.tickets, parts.weights));
		const third = [...parts.forward.of(2, parts.lists)[0]];
		parts.forward.compact(Int32Array.from([-1, 0, 1]), 2);
		assert.deepEqual([...parts.forward.of(1, parts.lists)[0]], third);
		runSteps(parts.forward.poolSteps(2));
		const [a] = parts.forward.of(0, parts.lists);
		const [b] = parts.forward.of(1, parts.lists);
		assert.equal(a.buffer, b.buffer);
		assert.deepEqual([...b], third);
	});
});
