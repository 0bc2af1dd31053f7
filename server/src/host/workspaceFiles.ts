/**
 * Finding and reading candidate dump files on disk, for the workspace index and the command line
 * (one folder walker for both). Asynchronous, so that requests are answered while a big workspace
 * is read; excluded folders are not entered.
 */
import type { Dirent } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
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

/** A file found under a folder: its path through the folder (and any link), and its real path. */
export interface WalkedFile {
	readonly path: string;
	/** `path` relative to the folder walked, with `/` separators. */
	readonly rel: string;
	readonly real: string;
}

export interface WalkOptions {
	/** Whether to enter the folder at `rel` (relative to the folder walked) named `name`. */
	enter(rel: string, name: string): boolean;
	/** Follow symbolic links to folders and files (the command line does; the workspace index does not). */
	followLinks?: boolean;
	/** Depth first in name order, a folder's files among its subfolders (the CLI); else a folder's files before its subfolders' (the index). */
	depthFirst?: boolean;
	/** A folder that cannot be read (the root too): skipped, unless this throws. */
	unreadable?(path: string, error: NodeJS.ErrnoException): void;
	isCancelled?(): boolean;
}

interface Found {
	readonly folder: boolean;
	readonly path: string;
	readonly real: string;
}

/**
 * Every file under `root`, in a stable (sorted) order. Each real folder is entered once and each
 * real file listed once, whatever links lead to them: a link to a parent folder is a loop, and two
 * links to `.` would double the paths at every level.
 */
export async function walkFolder(root: string, options: WalkOptions): Promise<WalkedFile[]> {
	const files: WalkedFile[] = [];
	const entered = new Set<string>();
	const listed = new Set<string>();
	const list = (file: Found) => {
		const rel = relativeTo(root, file.path);
		if (rel === undefined || listed.has(file.real)) return;
		listed.add(file.real);
		files.push({ path: file.path, rel, real: file.real });
	};
	let rootReal: string;
	try {
		rootReal = await realpath(root);
	} catch (e) {
		options.unreadable?.(root, e as NodeJS.ErrnoException);
		return files;
	}
	const pending: Found[] = [{ folder: true, path: root, real: rootReal }];
	while (pending.length && !options.isCancelled?.()) {
		const item = options.depthFirst ? pending.pop()! : pending.shift()!;
		if (!item.folder) {
			list(item);
			continue;
		}
		if (entered.has(item.real)) continue; // reached again through a link
		entered.add(item.real);
		let entries: Dirent[];
		try {
			entries = await readdir(item.path, { withFileTypes: true });
		} catch (e) {
			options.unreadable?.(item.path, e as NodeJS.ErrnoException);
			continue; // Unreadable or vanished folder: nothing there.
		}
		entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
		const children: Found[] = [];
		for (const entry of entries) {
			const child = await entryKind(entry, join(item.path, entry.name), join(item.real, entry.name), !!options.followLinks);
			if (!child) continue;
			if (child.folder) {
				const rel = relativeTo(root, child.path);
				if (rel !== undefined && options.enter(rel, entry.name)) children.push(child);
			} else if (options.depthFirst) children.push(child);
			else list(child);
		}
		pending.push(...(options.depthFirst ? children.reverse() : children));
	}
	return files;
}

/** A folder or a file (through a link when links are followed); undefined for anything else or a dangling link. */
async function entryKind(entry: Dirent, path: string, real: string, followLinks: boolean): Promise<Found | undefined> {
	if (entry.isDirectory()) return { folder: true, path, real };
	if (entry.isFile()) return { folder: false, path, real };
	if (!followLinks || !entry.isSymbolicLink()) return undefined;
	try {
		const target = await stat(path);
		if (!target.isDirectory() && !target.isFile()) return undefined;
		return { folder: target.isDirectory(), path, real: await realpath(path) };
	} catch {
		return undefined; // dangling, or a loop of links
	}
}

/** Every candidate file under `root`, as file URIs, in a stable (sorted) order. */
export async function listCandidateFiles(root: string, filter: CandidateFilter, isCancelled: () => boolean = () => false): Promise<string[]> {
	// Symbolic links are not followed: their target is usually indexed elsewhere.
	const files = await walkFolder(root, { enter: (rel) => !filter.folderExcluded(rel), isCancelled });
	return files.filter((f) => filter.file(f.rel)).map((f) => pathToFileURL(f.path).href);
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
