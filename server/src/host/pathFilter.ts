/** Which paths may hold ticket dumps: a configurable glob (the content decides the rest). */
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';

export const defaultInclude = '**/*.{md,txt}';
export const defaultExclude = '**/{node_modules,.git,dist,out}/**';

export type PathFilter = (path: string) => boolean;

export interface CandidateFilter {
	/** Whether a file (path relative to its workspace folder, `/` separators) may be a dump. */
	file(relativePath: string): boolean;
	/** Whether a folder is excluded, so its files are not even listed. */
	folderExcluded(relativePath: string): boolean;
}

/** The include and exclude globs, for paths relative to a workspace folder (or a configuration file). */
export function candidateFilter(include = defaultInclude, exclude = defaultExclude): CandidateFilter {
	const inc = picomatch(include, { dot: true, nocase: true });
	const exc = picomatch(exclude, { dot: true });
	const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);
	return {
		file: (p) => (inc(p) || inc(base(p))) && !exc(p),
		folderExcluded: (p) => exc(`${p}/`),
	};
}

/**
 * Paths are matched with `/` separators, relative to `root` when one is given and the path is
 * inside it (a configuration's `dumps/**` means the `dumps` folder next to it), else as they are.
 */
export function pathFilter(include = defaultInclude, exclude = defaultExclude, root?: string): PathFilter {
	const filter = candidateFilter(include, exclude);
	const prefix = root ? `${root.replace(/\\/g, '/').replace(/\/+$/, '')}/` : undefined;
	return (path) => {
		let p = path.replace(/\\/g, '/');
		if (prefix && p.startsWith(prefix)) p = p.slice(prefix.length);
		return filter.file(p);
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
