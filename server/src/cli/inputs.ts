/**
 * The files a command works on: paths (files, or folders walked for candidate files) and globs,
 * relative to the current folder. A missing path or a glob that matches nothing is an error:
 * a CI job must not pass because it checked nothing. Links are followed, each real folder and
 * file taken once (host/workspaceFiles.ts), so a link to a parent folder is no loop.
 */
import * as l10n from '@vscode/l10n';
import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import type { PathFilter } from '../host/pathFilter';
import { walkFolder, type WalkedFile } from '../host/workspaceFiles';
import { CliError } from './errors';

/** Folders never walked into. */
function skippedFolder(name: string): boolean {
	return name === 'node_modules' || name.startsWith('.');
}

/** Told of a folder that cannot be read: it is skipped, as an unreadable file is, and the run goes on. */
export type UnreadableFolder = (path: string, code: string) => void;

/** Every file under a folder, in a stable order (depth first, by name). */
function walk(dir: string, unreadable: UnreadableFolder): Promise<WalkedFile[]> {
	return walkFolder(dir, {
		enter: (_rel, name) => !skippedFolder(name),
		followLinks: true,
		depthFirst: true,
		unreadable(path, e) {
			unreadable(path, e.code ?? String(e));
		},
	});
}

async function expandGlob(pattern: string, cwd: string, unreadable: UnreadableFolder): Promise<WalkedFile[]> {
	const { base, glob } = picomatch.scan(pattern.replace(/\\/g, '/'));
	const root = resolve(cwd, base || '.');
	const matches = picomatch(glob, { dot: false });
	try {
		if (!statSync(root).isDirectory()) return [];
	} catch {
		return [];
	}
	return (await walk(root, unreadable)).filter((file) => matches(relative(root, file.path).replace(/\\/g, '/')));
}

/**
 * The candidate files of the given paths and globs (the current folder when none is given), each
 * real file once. Files named explicitly are always taken; files found by walking a folder or by
 * a glob must pass `isCandidate` (the configured include/exclude globs).
 */
export async function expandInputs(
	inputs: readonly string[],
	cwd: string,
	isCandidate: PathFilter,
	unreadable: UnreadableFolder = (path, code) => {
		throw new CliError(l10n.t('cannot read the folder {0} ({1})', path, code));
	},
): Promise<string[]> {
	const files = new Map<string, string>();
	const add = (file: { path: string; real: string }) => {
		if (!files.has(file.real)) files.set(file.real, file.path);
	};
	for (const input of inputs.length ? inputs : ['.']) {
		const path = isAbsolute(input) ? input : resolve(cwd, input);
		let stat;
		try {
			stat = statSync(path);
		} catch {
			stat = undefined;
		}
		if (stat?.isFile()) {
			add({ path, real: realpathSync(path) });
		} else if (stat?.isDirectory()) {
			for (const f of await walk(path, unreadable)) if (isCandidate(f.path)) add(f);
		} else if (picomatch.scan(input).isGlob) {
			const found = (await expandGlob(input, cwd, unreadable)).filter((f) => isCandidate(f.path));
			if (!found.length) throw new CliError(l10n.t('no files match {0}', input));
			for (const f of found) add(f);
		} else {
			throw new CliError(l10n.t('no such file or folder: {0}', input));
		}
	}
	return [...files.values()];
}
