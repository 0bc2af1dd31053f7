/**
 * A file a command writes its whole output to (`export --out`): written as `FILE.partial`, every
 * write checked (a full disk is an error, not a short file), synced, then renamed over FILE. On any
 * failure, or when the run is interrupted, the partial file is removed and FILE is left as it was.
 * FILE given as a link is written through it, as the shell's `>` does.
 */
import * as l10n from '@vscode/l10n';
import { closeSync, fsyncSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { CliError } from './errors';
import { createTemp, trackTemp } from './tempFiles';

export interface OutputFile {
	/** Throws a CliError when the text cannot be written whole (the partial file is then gone). */
	write(text: string): void;
	/** Syncs and renames into place. */
	close(): void;
	/** After a failure: no half-written file is left under any name. */
	abandon(): void;
}

/** Writes all of `bytes` at the file's position: a write may take fewer bytes than given. */
export function writeAll(fd: number, bytes: Uint8Array, position?: number): void {
	let done = 0;
	while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done, position === undefined ? null : position + done);
}

/** The file to write for `target`: its link's target when it is a link; refused when it is a folder. */
function destination(target: string, shownAs: string): string {
	let real: string;
	try {
		real = realpathSync(target);
	} catch {
		return target; // not there yet
	}
	if (isFolder(real)) throw new CliError(l10n.t('cannot write {0}: it is a folder; give a file name', shownAs));
	return real;
}

function isFolder(path: string): boolean {
	try {
		return statSync(path).isDirectory();
	} catch {
		return false;
	}
}

export function openOutputFile(target: string, shownAs: string): OutputFile {
	const path = destination(target, shownAs);
	const partial = `${path}.partial`;
	const release = trackTemp(partial);
	let fd: number | undefined;
	const fail = (e: unknown): never => {
		abandon();
		throw new CliError(l10n.t('cannot write {0} ({1})', shownAs, (e as NodeJS.ErrnoException).code ?? String(e)));
	};
	const abandon = () => {
		if (fd !== undefined) {
			try {
				closeSync(fd);
			} catch {
				// already failing: the removal below is what matters
			}
			fd = undefined;
		}
		rmSync(partial, { force: true });
		release();
	};
	try {
		fd = createTemp(partial);
	} catch (e) {
		fail(e);
	}
	return {
		write(text) {
			if (fd === undefined) return;
			try {
				writeAll(fd, Buffer.from(text, 'utf8'));
			} catch (e) {
				fail(e);
			}
		},
		close() {
			if (fd === undefined) return;
			try {
				fsyncSync(fd);
				closeSync(fd);
				fd = undefined;
				renameSync(partial, path);
				release();
			} catch (e) {
				fail(e);
			}
		},
		abandon,
	};
}
