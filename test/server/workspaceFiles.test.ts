/**
 * The one folder walker of the workspace index and the command line (server/src/host/workspaceFiles.ts):
 * its two orders, the folders it leaves out, and links: not followed by the index, followed by the
 * command line with each real folder entered once, so no link can make it loop.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { candidateFilter } from '../../server/src/host/pathFilter';
import { listCandidateFiles, walkFolder } from '../../server/src/host/workspaceFiles';

describe('folder walker', () => {
	let root: string;
	const rels = (files: { rel: string }[]) => files.map((f) => f.rel);

	beforeEach(() => {
		root = mkdtempSync(join(tmpdir(), 'tickets-walk-'));
		for (const folder of ['a/deep', 'b', 'node_modules/pkg']) mkdirSync(join(root, folder), { recursive: true });
		for (const file of ['a/deep/1.md', 'a/2.md', 'a-b.md', 'b/3.txt', 'node_modules/pkg/4.md', 'z.md']) writeFileSync(join(root, file), file);
		// Loops: a link to the root, one to its own folder, and one to a folder walked anyway.
		symlinkSync('..', join(root, 'a', 'up'));
		symlinkSync('.', join(root, 'a', 'deep', 'self'));
		symlinkSync(join(root, 'b'), join(root, 'a', 'b-link'));
		symlinkSync(join(root, 'z.md'), join(root, 'b', 'z-link.md'));
		symlinkSync(join(root, 'missing'), join(root, 'dangling'));
	});
	afterEach(() => rmSync(root, { recursive: true, force: true }));

	it('lists for the index as before: files of a folder before its subfolders, no link followed, excluded folders not entered', async () => {
		const filter = candidateFilter();
		const uris = await listCandidateFiles(root, filter);
		assert.deepEqual(
			uris,
			['a-b.md', 'z.md', 'a/2.md', 'b/3.txt', 'a/deep/1.md'].map((rel) => pathToFileURL(join(root, rel)).href),
		);
	});

	it('follows links for the command line, depth first in name order, each real folder and file once', async () => {
		const files = await walkFolder(root, { enter: (_rel, name) => name !== 'node_modules', followLinks: true, depthFirst: true });
		// a/b-link is b reached first; b itself is then not walked again, and z.md comes once (through b-link's z-link.md).
		assert.deepEqual(rels(files), ['a/2.md', 'a/b-link/3.txt', 'a/b-link/z-link.md', 'a/deep/1.md', 'a-b.md']);
		const real = realpathSync(root);
		assert.deepEqual(
			files.map((f) => f.real),
			['a/2.md', 'b/3.txt', 'z.md', 'a/deep/1.md', 'a-b.md'].map((rel) => join(real, rel)),
		);
	});

	it('reports an unreadable folder, and skips it unless told to stop', async () => {
		const seen: string[] = [];
		const files = await walkFolder(join(root, 'nothing-here'), { enter: () => true, unreadable: (path, e) => void seen.push(`${path} ${e.code}`) });
		assert.deepEqual(files, []);
		assert.deepEqual(seen, [`${join(root, 'nothing-here')} ENOENT`]);
	});
});
