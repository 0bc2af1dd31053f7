/**
 * A full garbage collection after a big indexing run. The run leaves a few hundred MB behind (the
 * arena blocks the search postings grew in, files' texts) that V8 collects only some time later,
 * and the tree's first answer, which comes right then (114k tickets: 43 MB of JSON), would add its
 * own memory on top: peak 1.15 GB without, 0.90 GB with, in the 1,000-dump scale test. Node has
 * no API for it: `--expose-gc`, set at run time, gives the function in a new context.
 * During the run, V8 lets garbage pile up too (the heap may grow to gigabytes before it must
 * collect): `garbageWatch` collects each time the resident memory has grown by a set amount. So
 * does checking every closed dump for the workspace's diagnostics (peak RSS 1.24 GB at 114k
 * tickets): `checkGarbageWatch`.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** While closed dumps are checked one after another, garbage is collected each time the heap has grown by this much (a full collection at 114k tickets: 0.1–0.3 s). */
const checkGarbageBytes = 128 * 1024 * 1024;

/** Undefined until first asked for; null where it cannot be had. */
let collect: (() => void) | null | undefined;

export function collectGarbage(): void {
	if (collect === undefined) {
		try {
			setFlagsFromString('--expose-gc');
			collect = runInNewContext('gc') as () => void;
		} catch {
			collect = null;
		}
	}
	collect?.();
}

/**
 * For a long run: call the returned function now and then; it collects once `measure` (the
 * resident memory, unless told) has grown by `growthBytes` over the lowest it was since the watch
 * was made or last collected (V8 may have collected on its own meanwhile). The cost follows the
 * growth (a few collections of 0.1–0.3 s for 114k tickets), not the number of calls.
 */
export function garbageWatch(growthBytes: number, measure: () => number = process.memoryUsage.rss, collect: () => void = collectGarbage): () => void {
	let floor = measure();
	return () => {
		const now = measure();
		floor = Math.min(floor, now);
		if (now - floor < growthBytes) return;
		collect();
		floor = measure();
	};
}

/**
 * The watch for checking closed dumps one after another. It watches the heap, not the resident
 * memory: the heap's pages stay resident after V8 collects, so garbage filling them again does not
 * show as growth, and V8 let 250 MB of live heap grow to 830 MB between its own collections.
 */
export function checkGarbageWatch(): () => void {
	return garbageWatch(checkGarbageBytes, () => getHeapStatistics().used_heap_size);
}
