/**
 * `tickets fix` and the user's files: a link stays a link (its target is fixed), a hard link stays
 * one, owner, group and mode are kept, a read-only file is refused, and a full disk leaves the file
 * as it was, with no `.tickets-fix` file behind. (An edit saved during the fix: replaceFile.test.ts.)
 */
import { strict as assert } from 'node:assert';
import { chmodSync, chownSync, copyFileSync, linkSync, lstatSync, readdirSync, readFileSync, readlinkSync, statSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { smallDisk } from '../support/smallDisk';
import { cliFixtures, runCli, tempDir } from './runCli';

const broken = join(cliFixtures, 'broken.md');
const brokenText = readFileSync(broken, 'utf8');
/** `nobody` on Linux: a user other than the one running the tests. */
const otherUser = 65534;
const isRoot = process.getuid?.() === 0;

/** Files left by a write that did not finish. */
function leftovers(dir: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.tickets-fix'));
}

describe('tickets fix: links, permissions, owners, full disk', () => {
	let dir: ReturnType<typeof tempDir>;
	let fixedText: string;
	const at = (name: string) => join(dir.path, name);

	before(() => {
		const plain = tempDir();
		copyFileSync(broken, join(plain.path, 'broken.md'));
		assert.equal(runCli(['fix', 'broken.md'], { cwd: plain.path }).code, 0);
		fixedText = readFileSync(join(plain.path, 'broken.md'), 'utf8');
		plain.remove();
		assert.notEqual(fixedText, brokenText);
	});
	beforeEach(() => (dir = tempDir()));
	afterEach(() => dir.remove());

	it('fixes the file a symbolic link names, and the link stays a link', () => {
		mkdirSync(at('dumps'));
		copyFileSync(broken, at('dumps/real.md'));
		symlinkSync('dumps/real.md', at('link.md'));
		const result = runCli(['fix', 'link.md'], { cwd: dir.path });
		assert.equal(result.code, 0, result.stderr);
		assert.equal(result.stdout, 'link.md: 6 fix(es) applied\n');
		assert.ok(lstatSync(at('link.md')).isSymbolicLink());
		assert.equal(readlinkSync(at('link.md')), 'dumps/real.md');
		assert.equal(readFileSync(at('dumps/real.md'), 'utf8'), fixedText);
		assert.deepEqual(leftovers(dir.path), []);
	});

	it('keeps a hard link: both names see the fixed text, still one file', () => {
		copyFileSync(broken, at('a.md'));
		linkSync(at('a.md'), at('b.md'));
		const before = statSync(at('a.md'));
		assert.equal(runCli(['fix', 'a.md'], { cwd: dir.path }).code, 0);
		const [a, b] = [statSync(at('a.md')), statSync(at('b.md'))];
		assert.equal(a.ino, before.ino);
		assert.equal(b.ino, before.ino);
		assert.equal(a.nlink, 2);
		assert.equal(readFileSync(at('b.md'), 'utf8'), fixedText);
		assert.deepEqual(leftovers(dir.path), []);
	});

	it('keeps the mode (whatever the umask), owner and group, whoever runs it', () => {
		copyFileSync(broken, at('shared.md'));
		chmodSync(at('shared.md'), 0o666);
		// As root (CI): a file someone else owns.
		if (isRoot) chownSync(at('shared.md'), otherUser, otherUser);
		const before = statSync(at('shared.md'));
		assert.equal(runCli(['fix', 'shared.md'], { cwd: dir.path }).code, 0);
		const after = statSync(at('shared.md'));
		assert.equal(readFileSync(at('shared.md'), 'utf8'), fixedText);
		assert.equal(after.mode & 0o7777, 0o666);
		assert.deepEqual([after.uid, after.gid], [before.uid, before.gid]);
		assert.deepEqual(leftovers(dir.path), []);
		// Only root can run the command as another user: one who may write the file but not own it.
		if (!isRoot) return;
		assert.deepEqual([after.uid, after.gid], [otherUser, otherUser]);
		chmodSync(dir.path, 0o777);
		copyFileSync(broken, at('team.md'));
		chmodSync(at('team.md'), 0o666);
		const result = runCli(['fix', 'team.md'], { cwd: dir.path, uid: otherUser, gid: otherUser });
		assert.equal(result.code, 0, result.stderr);
		const team = statSync(at('team.md'));
		assert.equal(readFileSync(at('team.md'), 'utf8'), fixedText);
		assert.deepEqual([team.uid, team.gid, team.mode & 0o7777], [0, 0, 0o666]);
		assert.deepEqual(leftovers(dir.path), []);
	});

	it('refuses a read-only file (exit 2, unchanged) and still fixes the others', () => {
		copyFileSync(broken, at('locked.md'));
		copyFileSync(broken, at('open.md'));
		chmodSync(at('locked.md'), 0o444);
		const result = runCli(['fix', 'locked.md', 'open.md'], { cwd: dir.path });
		assert.equal(result.code, 2);
		assert.equal(result.stdout, 'open.md: 6 fix(es) applied\n');
		assert.equal(result.stderr, 'tickets: locked.md is read-only: not fixed (make it writable to fix it)\n6 fix(es) applied in 1 file(s).\n');
		assert.equal(readFileSync(at('locked.md'), 'utf8'), brokenText);
		assert.equal(statSync(at('locked.md')).mode & 0o7777, 0o444);
		assert.equal(readFileSync(at('open.md'), 'utf8'), fixedText);
		assert.deepEqual(leftovers(dir.path), []);
		const zh = runCli(['fix', '--locale', 'zh-cn', 'locked.md'], { cwd: dir.path });
		assert.equal(zh.code, 2);
		assert.match(zh.stderr, /^tickets: locked\.md 是只读的/);
	});

	it('leaves the file as it was, and no temporary file, when the disk is full', () => {
		const disk = smallDisk(64 * 1024);
		try {
			copyFileSync(broken, join(disk.path, 'broken.md'));
			disk.fill();
			const result = runCli(['fix', 'broken.md'], { cwd: disk.path, ...disk.runOptions });
			assert.equal(result.code, 2);
			assert.equal(result.stderr, `tickets: cannot write broken.md (${disk.error})\n0 fix(es) applied in 0 file(s).\n`);
			assert.equal(readFileSync(join(disk.path, 'broken.md'), 'utf8'), brokenText);
			assert.deepEqual(leftovers(disk.path), []);
		} finally {
			disk.remove();
		}
	});
});
