/** MinHash prints and the LSH duplicate index, on the real dump's tickets and planted copies. */
import { strict as assert } from 'node:assert';
import { DuplicateIndex, exactPrint, findDuplicates, normalizeTicket, similarity, ticketPrint } from '../../../server/src/service/duplicates/duplicateIndex';
import { resolveConfig } from '../../../server/src/service/index';
import { realDumpText } from '../../support/fixtures';
import { jaccard } from '../../support/jaccard';

const tickets = realDumpText()
	.split(/^(?=## )/m)
	.slice(1);

/** Every `step`-th Chinese character replaced: a near copy of a chosen distance. */
function perturb(text: string, step: number): string {
	let n = 0;
	return text.replace(/[\u4e00-\u9fff]/g, (c) => (++n % step === 0 ? '变' : c));
}

describe('duplicates', () => {
	it("normalises away structure, whitespace and the spelling of redaction markers (the category stays: it is the ticket's text)", () => {
		const ticket =
			'## 标题\n\n**问题分类**: CDN｜配置问题\n\n### 问题描述\n\n手机 [REDACTED_PHONE]，IP 148.153.*.*\n\n### 客服解答\n\n1. 您好 abc***\n\n### 完整对话记录\n\n**客户**：手机\n\n---\n';
		assert.equal(normalizeTicket(ticket), '标题CDN｜配置问题手机\u0001，IP148.153.\u0001您好abc\u0001手机');
		const respaced = ticket.replace('手机 [REDACTED_PHONE]', '手机[REDACTED_EMAIL]').replace('1. 您好', '2)  您好').replace(/\n\n/g, '\n\n\n');
		assert.equal(ticketPrint(respaced).exact, ticketPrint(ticket).exact);
		assert.notEqual(ticketPrint(ticket.replace('手机\n\n---', '电话\n\n---')).exact, ticketPrint(ticket).exact);
	});

	it('estimates the Jaccard similarity within a few points', () => {
		for (const [i, step] of [
			[0, 50],
			[11, 20],
			[40, 8],
			[78, 4],
		]) {
			const a = tickets[i];
			const b = perturb(a, step);
			const estimate = similarity(ticketPrint(a).signature, ticketPrint(b).signature);
			assert.ok(Math.abs(estimate - jaccard(a, b)) < 0.12, `ticket ${i + 1}, every ${step}th changed: ${estimate} vs ${jaccard(a, b)}`);
		}
	});

	it('is unbiased over many pairs: mean error to the true Jaccard similarity under 0.04 on every real ticket perturbed', () => {
		let error = 0;
		let signed = 0;
		tickets.forEach((a, i) => {
			const b = perturb(a, 4 + (i % 40));
			const d = similarity(ticketPrint(a).signature, ticketPrint(b).signature) - jaccard(a, b);
			error += Math.abs(d);
			signed += d;
		});
		assert.ok(error / tickets.length < 0.04, `mean error ${error / tickets.length}`);
		assert.ok(Math.abs(signed / tickets.length) < 0.02, `mean bias ${signed / tickets.length}`);
	});

	it('fills every bin of a short ticket from the others, the same way for every ticket; an empty one has none', () => {
		const short = ticketPrint('## 短\n\n无法登录');
		assert.ok(short.signature.every((v) => v !== 0xffff));
		assert.equal(similarity(short.signature, ticketPrint('## 短\n\n 无法登录 ').signature), 1);
		assert.ok(ticketPrint('').signature.every((v) => v === 0xffff));
		for (const t of tickets.slice(0, 20)) assert.equal(exactPrint(t), ticketPrint(t).exact);
	});

	it("finds nothing among the real dump's 114 tickets (the two 账号注销 tickets share only the canned answer)", () => {
		const { exact, near } = findDuplicates(tickets.map(ticketPrint), 0.8);
		assert.deepEqual(exact, []);
		assert.deepEqual(near, []);
		assert.ok(jaccard(tickets[15], tickets[103]) < 0.75);
	});

	it('finds planted exact and near copies and nothing else', () => {
		const near = perturb(tickets[40], 40);
		assert.ok(jaccard(near, tickets[40]) > 0.85);
		const all = [...tickets, tickets[5].replace(/，/g, '， '), near, perturb(tickets[60], 3)];
		const { exact, near: pairs } = findDuplicates(all.map(ticketPrint), 0.8);
		assert.deepEqual(
			exact.map((g) => g.keys),
			[[5, 114]],
		);
		assert.deepEqual(
			pairs.map(([a, b]) => [a, b]),
			[[40, 115]],
		);
		assert.ok(pairs[0][2] >= 0.8);
	});

	it('an index answers after adds and removals, with its bands built or not', () => {
		const index = new DuplicateIndex();
		const prints = tickets.map(ticketPrint);
		prints.forEach((p, i) => index.add(i, p));
		const copy = ticketPrint(tickets[7]);
		assert.deepEqual(index.matches(copy, 0.8), [{ key: 7, similarity: 1, exact: true }]);
		assert.deepEqual(
			index.matches(copy, 0.8, (key) => key === 7),
			[],
		);
		index.remove(7);
		assert.deepEqual(index.matches(copy, 0.8), []);
		// Many more: the bands are built into sorted arrays and the dead slots compacted.
		const bulk = new DuplicateIndex();
		bulk.addMany(prints.map((p, i) => [i, p] as const));
		for (let i = 0; i < 114; i++) bulk.remove(i);
		for (let round = 0; round < 60; round++) prints.forEach((p, i) => bulk.add(1000 * (round + 1) + i, p));
		assert.equal(bulk.size, 60 * 114);
		const matches = bulk.matches(ticketPrint(perturb(tickets[40], 40)), 0.8);
		assert.equal(matches.length, 60);
		assert.ok(matches.every((m) => m.key % 1000 === 40 && !m.exact));
	});
});

describe('duplicates threshold setting', () => {
	it('defaults to 0.8 and ignores values outside (0, 1]', () => {
		assert.equal(resolveConfig().duplicates.threshold, 0.8);
		assert.equal(resolveConfig({ duplicates: { threshold: 0.9 } }).duplicates.threshold, 0.9);
		assert.equal(resolveConfig({ duplicates: { threshold: 1.5 } }).duplicates.threshold, 0.8);
		assert.equal(resolveConfig({ duplicates: { threshold: Number.NaN } }).duplicates.threshold, 0.8);
	});
});
