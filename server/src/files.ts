/** Which paths may hold ticket dumps: a configurable glob (the content decides the rest). */
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';

export const defaultInclude = '**/*.{md,txt}';
export const defaultExclude = '**/{node_modules,.git,dist,out}/**';

export type PathFilter = (path: string) => boolean;

/**
 * Paths are matched with `/` separators, relative to `root` when one is given and the path is
 * inside it (a configuration's `dumps/**` means the `dumps` folder next to it), else as they are.
 */
export function pathFilter(include = defaultInclude, exclude = defaultExclude, root?: string): PathFilter {
	const inc = picomatch(include, { dot: true, nocase: true });
	const exc = picomatch(exclude, { dot: true });
	const base = root ? `${root.replace(/\\/g, '/').replace(/\/+$/, '')}/` : undefined;
	return (path) => {
		let p = path.replace(/\\/g, '/');
		if (base && p.startsWith(base)) p = p.slice(base.length);
		return (inc(p) || inc(p.replace(/^.*\//, ''))) && !exc(p);
	};
}

/** A document URI as a path for glob matching. */
export function uriPath(uri: string): string {
	try {
		return uri.startsWith('file:') ? fileURLToPath(uri) : decodeURIComponent(new URL(uri).pathname);
	} catch {
		return uri;
	}
}
