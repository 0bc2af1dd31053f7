/**
 * `npm run package` makes the .vsix: only the bundles, grammar, localisation, schemas,
 * icons, README, CHANGELOG and LICENSE (the include-list in .vscodeignore), under 2 MB.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const vsixPath = join(root, 'dist', 'ticket-curator.vsix');

/** The names in a zip's central directory (a .vsix is a zip). */
function zipEntries(zip: Buffer): string[] {
	const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
	assert.ok(eocd >= 0, 'no end of central directory: not a zip');
	const count = zip.readUInt16LE(eocd + 10);
	let at = zip.readUInt32LE(eocd + 16);
	const names: string[] = [];
	for (let i = 0; i < count; i++) {
		assert.equal(zip.readUInt32LE(at), 0x02014b50, 'central directory entry');
		const nameLength = zip.readUInt16LE(at + 28);
		const extraLength = zip.readUInt16LE(at + 30);
		const commentLength = zip.readUInt16LE(at + 32);
		names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
		at += 46 + nameLength + extraLength + commentLength;
	}
	return names;
}

describe('package', function () {
	this.timeout(120_000);

	it('builds a .vsix holding only what the extension needs, under 2 MB', () => {
		const run = spawnSync('npm', ['run', 'package', '--silent'], { cwd: root, encoding: 'utf8' });
		assert.equal(run.status, 0, run.stderr + run.stdout);
		const size = statSync(vsixPath).size;
		assert.ok(size < 2 * 1024 * 1024, `${size} bytes`);
		const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
		const files = zipEntries(readFileSync(vsixPath)).sort();
		const expected = [
			'[Content_Types].xml',
			'extension.vsixmanifest',
			'extension/LICENSE.txt',
			'extension/changelog.md',
			'extension/readme.md',
			'extension/package.json',
			'extension/package.nls.json',
			'extension/package.nls.zh-cn.json',
			'extension/dist/client.js',
			'extension/dist/overview.css',
			'extension/dist/overview.js',
			'extension/dist/server.js',
			'extension/dist/cli.js',
			'extension/l10n/bundle.l10n.zh-cn.json',
			'extension/language-configuration.json',
			'extension/schemas/ticketcurator.schema.json',
			'extension/schemas/package.schema.json',
			`extension/${manifest.icon}`,
			...manifest.contributes.grammars.map((g: { path: string }) => `extension/${g.path.replace(/^\.\//, '')}`),
			...new Set<string>(
				[...Object.values(manifest.contributes.viewsContainers ?? {})].flat().map((c) => `extension/${(c as { icon: string }).icon.replace(/^\.\//, '')}`),
			),
		];
		assert.deepEqual(files, [...new Set(expected)].sort());
		// Whatever the manifest points at is in the package.
		assert.ok(files.includes(`extension/${manifest.main.replace(/^\.\//, '')}`));
		for (const v of manifest.contributes.jsonValidation) assert.ok(files.includes(`extension/${v.url.replace(/^\.\//, '')}`), v.url);
	});
});
