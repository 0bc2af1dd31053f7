/**
 * A disk with little room, for the command line's tests of a full disk: a tmpfs of that size when
 * the tests may mount one (root, as in CI), else a temporary folder with the command's file size
 * limited (RLIMIT_FSIZE through prlimit: a write past it fails with EFBIG rather than ENOSPC, the
 * same short write). `fill` then leaves no room at all.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SmallDisk {
	readonly path: string;
	/** How a command must be run on it (`runCli`'s options). */
	readonly runOptions: { fileSizeLimit?: number };
	/** Whether writes fail with ENOSPC (a tmpfs) or EFBIG (a size limit). */
	readonly error: 'ENOSPC' | 'EFBIG';
	/** Takes all the room left. */
	fill(): void;
	remove(): void;
}

export function smallDisk(bytes: number): SmallDisk {
	const path = mkdtempSync(join(tmpdir(), 'tickets-disk-'));
	const mounted = process.getuid?.() === 0 && spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', path]).status === 0;
	let limit: number | undefined = mounted ? undefined : bytes;
	return {
		path,
		get runOptions() {
			return limit === undefined ? {} : { fileSizeLimit: limit };
		},
		error: mounted ? 'ENOSPC' : 'EFBIG',
		fill() {
			if (!mounted) {
				limit = 0;
				return;
			}
			const fd = openSync(join(path, 'filler'), 'w');
			const block = Buffer.alloc(4096);
			try {
				for (;;) writeSync(fd, block);
			} catch (e) {
				if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
			} finally {
				closeSync(fd);
			}
		},
		remove() {
			if (mounted) spawnSync('umount', [path]);
			rmSync(path, { recursive: true, force: true });
		},
	};
}
