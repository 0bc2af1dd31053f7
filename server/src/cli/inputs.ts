/**
 * The files a command works on: paths (files, or folders walked for candidate files) and globs,
 * relative to the current folder. A missing path or a glob that matches nothing is an error:
 * a CI job must not pass because it checked nothing.
 */
import * as l10n from '@vscode/l10n';
import { readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import type { PathFilter } from '../host/pathFilter';
import { CliError } from './errors';

/** Folders never walked into. */
function skippedFolder(name: string): boolean {
	return name === 'node_modules' || name.startsWith('.');
}

/** Every file under a folder, in a stable order. */
function walk(dir: string, out: string[]): void {
	let names: string[];
	try {
		names = readdirSync(dir).sort();
	} catch (e) {
		throw new CliError(l10n.t('cannot read the folder {0} ({1})', dir, (e as NodeJS.ErrnoException).code ?? String(e)));
	}
	for (const name of names) {
		const path = join(dir, name);
		let stat;
		try {
			stat = statSync(path);
		} catch {
			continue; // a dangling link
		}
		if (stat.isDirectory()) {
			if (!skippedFolder(name)) walk(path, out);
		} else if (stat.isFile()) out.push(path);
	}
}

function expandGlob(pattern: string, cwd: string): string[] {
	const { base, glob } = picomatch.scan(pattern.replace(/\\/g, '/'));
	const root = resolve(cwd, base || '.');
	const matches = picomatch(glob, { dot: false });
	const all: string[] = [];
	try {
		if (statSync(root).isDirectory()) walk(root, all);
	} catch {
		return [];
	}
	return all.filter((path) => matches(relative(root, path).replace(/\\/g, '/')));
}

/**
 * The candidate files of the given paths and globs (the current folder when none is given).
 * Files named explicitly are always taken; files found by walking a folder or by a glob must
 * pass `isCandidate` (the configured include/exclude globs).
 */
export function expandInputs(inputs: readonly string[], cwd: string, isCandidate: PathFilter): string[] {
	const files = new Set<string>();
	for (const input of inputs.length ? inputs : ['.']) {
		const path = isAbsolute(input) ? input : resolve(cwd, input);
		let stat;
		try {
			stat = statSync(path);
		} catch {
			stat = undefined;
		}
		if (stat?.isFile()) {
			files.add(path);
		} else if (stat?.isDirectory()) {
			const found: string[] = [];
			walk(path, found);
			for (const f of found) if (isCandidate(f)) files.add(f);
		} else if (picomatch.scan(input).isGlob) {
			const found = expandGlob(input, cwd).filter(isCandidate);
			if (!found.length) throw new CliError(l10n.t('no files match {0}', input));
			for (const f of found) files.add(f);
		} else {
			throw new CliError(l10n.t('no such file or folder: {0}', input));
		}
	}
	return [...files];
}
