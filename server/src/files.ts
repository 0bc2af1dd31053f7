/** Which paths may hold ticket dumps: a configurable glob (the content decides the rest). */
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';

export const defaultInclude = '**/*.{md,txt}';
export const defaultExclude = '**/{node_modules,.git,dist,out}/**';

export type PathFilter = (path: string) => boolean;

/** Paths are matched relative to a root when one is given, with `/` separators. */
export function pathFilter(include = defaultInclude, exclude = defaultExclude): PathFilter {
	const inc = picomatch(include, { dot: true, nocase: true });
	const exc = picomatch(exclude, { dot: true });
	return (path) => {
		const p = path.replace(/\\/g, '/');
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
