/**
 * A full garbage collection after a big indexing run. The run leaves a few hundred MB behind (the
 * arena blocks the search postings grew in, files' texts) that V8 collects only some time later,
 * and the tree's first answer, which comes right then (114k tickets: 43 MB of JSON), would add its
 * own memory on top: peak 1.15 GB without, 0.90 GB with, in the 1,000-dump scale test. Node has
 * no API for it: `--expose-gc`, set at run time, gives the function in a new context.
 * During the run, V8 lets garbage pile up too (the heap may grow to gigabytes before it must
 * collect): `garbageWatch` collects each time the resident memory has grown by a set amount.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

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
 * For a long run: call the returned function now and then; it collects once the resident memory
 * has grown by `growthBytes` since it was made or last collected. The cost follows the growth
 * (a few collections of 0.1–0.3 s for 114k tickets), not the number of calls.
 */
export function garbageWatch(growthBytes: number): () => void {
	let floor = process.memoryUsage.rss();
	return () => {
		if (process.memoryUsage.rss() - floor < growthBytes) return;
		collectGarbage();
		floor = process.memoryUsage.rss();
	};
}
