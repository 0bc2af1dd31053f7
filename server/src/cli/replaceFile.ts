/**
 * How `tickets fix` writes a dump back without losing anything of the user's:
 *
 * - a link is followed: the file it names is written and the link stays a link;
 * - a file the user may not write is refused (for root, who may write anything, a file without any
 *   write bit is refused: someone marked it read-only);
 * - the new text goes to `FILE.tickets-fix` beside the file, with the file's owner, group and mode,
 *   synced, then renamed over it: a crash leaves the old file or the new one, never half of one;
 * - a file with other hard links, or whose owner cannot be given to the new file (a user fixing a
 *   file someone else owns), is written in place instead, since a rename would make it a new file:
 *   its original bytes are first copied to `FILE.tickets-fix` (synced), then the file is
 *   overwritten, truncated and synced; the copy is removed once that is done, and the original
 *   is written back if it fails;
 * - just before the rename (or the overwrite), the file must still be what was read: same size,
 *   same modification time, same bytes. An edit saved meanwhile is never overwritten.
 *
 * Every failure is a CliError naming the file, and leaves no `.tickets-fix` behind (except the copy
 * of an original that could not be written back, which the message names).
 */
import * as l10n from '@vscode/l10n';
import {
	accessSync,
	closeSync,
	constants,
	fchmodSync,
	fchownSync,
	fstatSync,
	fsyncSync,
	ftruncateSync,
	openSync,
	readFileSync,
	realpathSync,
	renameSync,
	rmSync,
	statSync,
	type Stats,
} from 'node:fs';
import { dirname } from 'node:path';
import { CliError } from './errors';
import { writeAll } from './outputFile';
import type { FileStamp } from './readText';
import { createTemp, trackTemp } from './tempFiles';

/** The file as it was read. */
export interface Original {
	readonly bytes: Uint8Array;
	readonly stamp: FileStamp;
}

export interface ReplaceHooks {
	/** Runs just before the file is replaced, after the new text is safely on disk (a seam for tests). */
	beforeReplace?(): void;
}

interface Target {
	readonly path: string;
	readonly shownAs: string;
	readonly info: Stats;
}

/** Replaces the contents of the file at `path` (read as `original`) with `bytes`. */
export function replaceFile(path: string, shownAs: string, original: Original, bytes: Uint8Array, hooks: ReplaceHooks = {}): void {
	let target: Target;
	try {
		const real = realpathSync(path);
		target = { path: real, shownAs, info: statSync(real) };
	} catch (e) {
		throw writeError(shownAs, e);
	}
	if (!mayWrite(target)) throw new CliError(l10n.t('{0} is read-only: not fixed (make it writable to fix it)', shownAs));
	if (target.info.nlink > 1 || !replaceByRename(target, original, bytes, hooks)) writeInPlace(target, original, bytes, hooks);
}

/** Whether the user may write the file; root may write anything, so for root: whether it has any write bit. */
function mayWrite(target: Target): boolean {
	if (process.getuid?.() === 0) return (target.info.mode & 0o222) !== 0;
	try {
		accessSync(target.path, constants.W_OK);
		return true;
	} catch {
		return false;
	}
}

/** False, having written nothing, when the new file could not be given the old one's owner. */
function replaceByRename(target: Target, original: Original, bytes: Uint8Array, hooks: ReplaceHooks): boolean {
	const temp = `${target.path}.tickets-fix`;
	const release = trackTemp(temp);
	try {
		const owned = writeSyncedCopy(temp, bytes, (fd) => {
			if (!keepOwner(fd, target.info)) return false;
			// After the owner: a change of owner clears the set-id bits.
			fchmodSync(fd, target.info.mode & 0o7777);
			return true;
		});
		if (!owned) return false;
		hooks.beforeReplace?.();
		assertUnchanged(target, original);
		renameSync(temp, target.path);
		syncFolder(dirname(target.path));
		return true;
	} catch (e) {
		throw writeError(target.shownAs, e);
	} finally {
		rmSync(temp, { force: true });
		release();
	}
}

/**
 * Writes `bytes` to a new private file at `path`, synced and closed; false, with nothing written,
 * when `prepare` (given the open file first) says no.
 */
function writeSyncedCopy(path: string, bytes: Uint8Array, prepare?: (fd: number) => boolean): boolean {
	const fd = createTemp(path, 0o600);
	let synced = false;
	try {
		if (prepare && !prepare(fd)) return false;
		writeAll(fd, bytes);
		fsyncSync(fd);
		synced = true;
	} finally {
		// A close that fails after the sync is an error of the write; before it, the write's own error stands.
		if (synced) closeSync(fd);
		else closeQuietly(fd);
	}
	return true;
}

function writeInPlace(target: Target, original: Original, bytes: Uint8Array, hooks: ReplaceHooks): void {
	const backup = `${target.path}.tickets-fix`;
	const release = trackTemp(backup);
	let fd: number;
	try {
		writeSyncedCopy(backup, original.bytes);
		hooks.beforeReplace?.();
		assertUnchanged(target, original);
		fd = openSync(target.path, 'r+');
	} catch (e) {
		rmSync(backup, { force: true });
		release();
		throw writeError(target.shownAs, e);
	}
	try {
		overwrite(fd, bytes);
	} catch (e) {
		let restored = false;
		try {
			overwrite(fd, original.bytes);
			restored = true;
		} catch {
			// The copy stays: it is the original text.
		}
		closeQuietly(fd);
		release();
		if (!restored) {
			const code = (e as NodeJS.ErrnoException).code ?? String(e);
			throw new CliError(l10n.t('cannot write {0} ({1}); its original text is kept in {2}', target.shownAs, code, backup));
		}
		rmSync(backup, { force: true });
		throw writeError(target.shownAs, e);
	}
	// Synced already: a failing close loses nothing.
	closeQuietly(fd);
	rmSync(backup, { force: true });
	release();
}

/** Gives the new file the old one's owner and group; false when not allowed (only root may give a file away). */
function keepOwner(fd: number, info: Stats): boolean {
	const created = fstatSync(fd);
	if (created.uid === info.uid && created.gid === info.gid) return true;
	try {
		fchownSync(fd, info.uid, info.gid);
		return true;
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'EPERM') return false;
		throw e;
	}
}

function overwrite(fd: number, bytes: Uint8Array): void {
	writeAll(fd, bytes, 0);
	ftruncateSync(fd, bytes.length);
	fsyncSync(fd);
}

/** The file must be what was read: an edit saved since is the user's, and is kept. */
function assertUnchanged(target: Target, original: Original): void {
	const now = statSync(target.path);
	const same =
		now.size === original.stamp.size &&
		now.mtimeMs === original.stamp.mtimeMs &&
		now.ino === target.info.ino &&
		// The bytes themselves rather than a hash of them: they are in memory anyway.
		readFileSync(target.path).equals(original.bytes);
	if (!same) throw new CliError(l10n.t('{0} changed while it was being fixed: not fixed (run the fix again)', target.shownAs));
}

/** Makes the rename itself durable; not every system can sync a folder, and nothing is lost if not. */
function syncFolder(path: string): void {
	let fd: number | undefined;
	try {
		fd = openSync(path, 'r');
		fsyncSync(fd);
	} catch {
		// best effort
	} finally {
		if (fd !== undefined) closeQuietly(fd);
	}
}

function closeQuietly(fd: number): void {
	try {
		closeSync(fd);
	} catch {
		// already failing or done: nothing more to do with it
	}
}

function writeError(shownAs: string, e: unknown): CliError {
	if (e instanceof CliError) return e;
	return new CliError(l10n.t('cannot write {0} ({1})', shownAs, (e as NodeJS.ErrnoException).code ?? String(e)));
}
