/**
 * Finding and reading candidate dump files on disk for the workspace index. Asynchronous, so
 * that requests are answered while a big workspace is read; excluded folders are not entered.
 */
import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CandidateFilter } from './pathFilter';

/** Files larger than this are not indexed (a dump part is about 200 KB; the biggest dumps seen are 20 MB). */
export const maxIndexedFileBytes = 64 * 1024 * 1024;

/** The path of `path` under `root` with `/` separators, or undefined when it is not under it. */
export function relativeTo(root: string, path: string): string | undefined {
	const rel = relative(root, path);
	if (!rel || rel.startsWith('..') || rel.includes(`:${sep}`)) return undefined;
	return rel.split(sep).join('/');
}

/** Every candidate file under `root`, as file URIs, in a stable (sorted) order. */
export async function listCandidateFiles(root: string, filter: CandidateFilter, isCancelled: () => boolean = () => false): Promise<string[]> {
	const found: string[] = [];
	const pending = [root];
	while (pending.length && !isCancelled()) {
		const dir = pending.shift()!;
		let entries: Dirent[];
		try {
			entries = await readdir(dir, { withFileTypes: true });
		} catch {
			continue; // Unreadable or vanished folder: nothing to index there.
		}
		entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
		for (const entry of entries) {
			const path = join(dir, entry.name);
			const rel = relativeTo(root, path);
			if (rel === undefined) continue;
			// Symbolic links are not followed: they can loop, and their target is usually indexed elsewhere.
			if (entry.isDirectory()) {
				if (!filter.folderExcluded(rel)) pending.push(path);
			} else if (entry.isFile() && filter.file(rel)) {
				found.push(pathToFileURL(path).href);
			}
		}
	}
	return found;
}

type ReadResult = { text: string } | { skipped: 'missing' | 'tooLarge' | 'binary'; bytes?: number };

/** Reads a file as UTF-8 text, unless it is missing, too large, or binary (a NUL byte near the start). */
export async function readCandidate(path: string, maxBytes = maxIndexedFileBytes): Promise<ReadResult> {
	try {
		const info = await stat(path);
		if (!info.isFile()) return { skipped: 'missing' };
		if (info.size > maxBytes) return { skipped: 'tooLarge', bytes: info.size };
		const bytes = await readFile(path);
		if (bytes.subarray(0, 8192).includes(0)) return { skipped: 'binary' };
		return { text: bytes.toString('utf8') };
	} catch {
		return { skipped: 'missing' };
	}
}

/** A `file:` URI's text, read as the index reads files (no binary or oversized file); undefined otherwise. */
export async function readUriText(uri: string): Promise<string | undefined> {
	const path = uriToPath(uri);
	if (path === undefined) return undefined;
	const read = await readCandidate(path);
	return 'text' in read ? read.text : undefined;
}

/** A `file:` URI's path; undefined for other schemes and for URIs no path can be made of (`file://host/…`, `file:///%`), which a client may send. */
export function uriToPath(uri: string): string | undefined {
	if (!uri.startsWith('file:')) return undefined;
	try {
		return fileURLToPath(uri);
	} catch {
		return undefined;
	}
}
