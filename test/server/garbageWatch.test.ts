/** host/collectGarbage.ts's watch: when a long run's growth calls for a full collection. */
import { strict as assert } from 'node:assert';
import { garbageWatch } from '../../server/src/host/collectGarbage';

const MB = 2 ** 20;

/** A watch over the given resident sizes (MB, one a call, the first when it is made); the calls that collected. */
function collections(sizes: number[], growthMB: number): number[] {
	let at = 0;
	const collected: number[] = [];
	const watch = garbageWatch(
		growthMB * MB,
		() => sizes[Math.min(at, sizes.length - 1)] * MB,
		() => collected.push(at),
	);
	for (at = 1; at < sizes.length; at++) watch();
	return collected;
}

describe('garbageWatch', () => {
	it('collects once the memory has grown by the amount since it was made, then counts from there', () => {
		assert.deepEqual(collections([600, 650, 700, 730, 760, 800], 128), [3]);
		assert.deepEqual(collections([600, 650, 730, 760, 800, 860], 128), [2, 5]);
	});

	it('counts the growth from the lowest the memory fell to meanwhile (V8 collected on its own)', () => {
		// Made at 900 MB; V8 brings it down to 650, then garbage piles up again: 780 is 130 MB over the low.
		assert.deepEqual(collections([900, 650, 700, 780], 128), [3]);
	});

	it('never collects while the memory stays within the amount', () => {
		assert.deepEqual(collections([600, 700, 650, 720, 600, 727], 128), []);
	});
});
