/**
 * The lost update: an edit saved to a dump while `tickets fix` works on it is kept, never
 * overwritten. The fix's writer (server/src/cli/replaceFile.ts) is driven here with a hook that
 * saves the edit at the last moment, just before the file is replaced: the CLI has no such seam,
 * and a race with a real editor could not be timed.
 */
import { strict as assert } from 'node:assert';
import { copyFileSync, linkSync, readdirSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from '../../server/src/cli/errors';
import { readText } from '../../server/src/cli/readText';
import { replaceFile } from '../../server/src/cli/replaceFile';
import { cliFixtures, tempDir } from './runCli';

const broken = join(cliFixtures, 'broken.md');
const fixed = Buffer.from(readFileSync(broken, 'utf8').replace('本文档包含 3 个', '本文档包含 2 个'));

describe('fix: an edit saved during the fix', () => {
	let dir: ReturnType<typeof tempDir>;
	let path: string;
	const original = () => {
		const { stamp } = readText(path, 'dump.md');
		return { bytes: readFileSync(path), stamp };
	};
	const refused = (e: unknown) =>
		e instanceof CliError && e.code === 2 && e.message === 'dump.md changed while it was being fixed: not fixed (run the fix again)';

	beforeEach(() => {
		dir = tempDir();
		path = join(dir.path, 'dump.md');
		copyFileSync(broken, path);
	});
	afterEach(() => dir.remove());

	it('replaces the file when nothing changed it', () => {
		replaceFile(path, 'dump.md', original(), fixed, { beforeReplace: () => undefined });
		assert.deepEqual(readFileSync(path), fixed);
		assert.deepEqual(readdirSync(dir.path), ['dump.md']);
	});

	it('keeps an edit saved just before the rename, and says so', () => {
		const read = original();
		const edit = `${readFileSync(broken, 'utf8')}\n一行用户刚保存的修改\n`;
		assert.throws(() => replaceFile(path, 'dump.md', read, fixed, { beforeReplace: () => writeFileSync(path, edit) }), refused);
		assert.equal(readFileSync(path, 'utf8'), edit);
		assert.deepEqual(readdirSync(dir.path), ['dump.md'], 'no .tickets-fix left');
	});

	it('keeps an edit of the same size saved within the same modification time', () => {
		const read = original();
		const { mtime } = statSync(path);
		const edit = readFileSync(broken, 'utf8').replace('证书', '凭证');
		const save = () => {
			writeFileSync(path, edit);
			utimesSync(path, mtime, mtime);
		};
		assert.throws(() => replaceFile(path, 'dump.md', read, fixed, { beforeReplace: save }), refused);
		assert.equal(readFileSync(path, 'utf8'), edit);
		assert.deepEqual(readdirSync(dir.path), ['dump.md']);
	});

	it('keeps an edit saved by an editor that replaces the file (a new file under the same name)', () => {
		const read = original();
		const edit = readFileSync(broken);
		const save = () => {
			writeFileSync(join(dir.path, 'dump.md~'), edit);
			renameSync(join(dir.path, 'dump.md~'), path);
		};
		// The same bytes as read, but another file, written since.
		assert.throws(() => replaceFile(path, 'dump.md', read, fixed, { beforeReplace: save }), refused);
		assert.deepEqual(readFileSync(path), edit);
	});

	it('keeps an edit saved before the overwrite of a hard-linked file', () => {
		linkSync(path, join(dir.path, 'other-name.md'));
		const read = original();
		const edit = `${readFileSync(broken, 'utf8')}\n一行用户刚保存的修改\n`;
		assert.throws(() => replaceFile(path, 'dump.md', read, fixed, { beforeReplace: () => writeFileSync(path, edit) }), refused);
		assert.equal(readFileSync(join(dir.path, 'other-name.md'), 'utf8'), edit);
		assert.deepEqual(readdirSync(dir.path).sort(), ['dump.md', 'other-name.md']);
	});
});
