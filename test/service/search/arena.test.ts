import { strict as assert } from 'node:assert';
import { Arena, grow, pooled } from '../../../server/src/service/search/arena';

describe('arena (typed arrays in big blocks)', () => {
	it('carves zeroed views out of one block, and starts another when it is full', () => {
		const arena = new Arena(Int32Array, 8);
		const a = arena.alloc(3);
		const b = arena.alloc(5);
		assert.equal(a.buffer, b.buffer);
		assert.deepEqual([...b], [0, 0, 0, 0, 0]);
		a.fill(7);
		assert.deepEqual([...b], [0, 0, 0, 0, 0], 'views do not overlap');
		const c = arena.alloc(1);
		assert.notEqual(c.buffer, a.buffer);
		assert.equal(arena.alloc(20).length, 20, 'a request above the block length gets a block of its own');
	});

	it('grows an array by doubling, keeping its values, from an arena when given', () => {
		const grown = grow(Int32Array.from([1, 2, 3]), 7);
		assert.deepEqual([...grown], [1, 2, 3, 0, 0, 0, 0, 0]);
		assert.equal(grow(new Uint8Array(0), 1).length, 4);
		const arena = new Arena(Uint8Array, 64);
		const a = grow(Uint8Array.from([9]), 2, arena);
		const b = grow(Uint8Array.from([8]), 2, arena);
		assert.equal(a.buffer, b.buffer);
		assert.deepEqual([...a, ...b], [9, 0, 0, 0, 8, 0, 0, 0]);
	});

	it('pools lists into one array, each list a view of its used part', () => {
		const lists = [Int32Array.from([1, 2, 0, 0]), Int32Array.from([3, 0]), Int32Array.from([4, 5, 6])];
		const views = pooled(lists, Int32Array.from([2, 1, 3]), 3, Int32Array);
		assert.deepEqual(
			views.map((v) => [...v]),
			[[1, 2], [3], [4, 5, 6]],
		);
		assert.ok(views.every((v) => v.buffer === views[0].buffer));
		assert.equal(views[0].buffer.byteLength, 6 * 4);
	});
});
