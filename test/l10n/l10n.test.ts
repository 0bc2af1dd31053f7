/**
 * Every user-facing string has its Simplified Chinese translation: the `l10n.t(...)` strings of the
 * server, CLI and client (l10n/bundle.l10n.zh-cn.json) and the manifest's `%key%` strings
 * (package.nls.json and package.nls.zh-cn.json).
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

function sourceFiles(dir: string, out: string[] = []): string[] {
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) sourceFiles(path, out);
		else if (name.endsWith('.ts')) out.push(path);
	}
	return out;
}

/** The string literal arguments of `l10n.t(` calls (the first argument, a plain literal). */
export function extractMessages(source: string): string[] {
	const found: string[] = [];
	const call = /\bl10n\.t\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1/g;
	for (const m of source.matchAll(call)) {
		const quote = m[1];
		const body = m[2];
		found.push(quote === '"' ? JSON.parse(`"${body}"`) : JSON.parse(`"${body.replace(/\\'/g, "'").replace(/\\`/g, '`').replace(/"/g, '\\"')}"`));
	}
	return found;
}

if (typeof describe === 'function')
	describe('localisation', () => {
		const bundle = JSON.parse(readFileSync(join(root, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
		const files = [...sourceFiles(join(root, 'server', 'src')), ...sourceFiles(join(root, 'client', 'src'))];
		const messages = new Map<string, string>();
		for (const file of files) for (const message of extractMessages(readFileSync(file, 'utf8'))) messages.set(message, file);

		it('finds the messages it checks', () => {
			assert.ok(messages.size > 50, `only ${messages.size} messages found`);
			assert.ok(messages.has('The ticket title is empty; write the title after `## `.'));
		});

		it('has a Chinese translation for every l10n.t string', () => {
			const missing = [...messages].filter(([m]) => !bundle[m]).map(([m, file]) => `${file.slice(root.length + 1)}: ${m}`);
			assert.deepEqual(missing, []);
		});

		it('keeps every placeholder of the English string in its translation', () => {
			const broken = [...messages.keys()]
				.filter((m) => bundle[m])
				.filter((m) => {
					const holes = (s: string) =>
						[...s.matchAll(/\{\d+\}/g)]
							.map((x) => x[0])
							.sort()
							.join();
					return holes(m) !== holes(bundle[m]);
				});
			assert.deepEqual(broken, []);
		});

		it('translates every %key% of the manifest in English and Chinese', () => {
			const manifest = readFileSync(join(root, 'package.json'), 'utf8');
			const keys = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
			assert.ok(keys.length > 10);
			for (const nls of ['package.nls.json', 'package.nls.zh-cn.json']) {
				const table = JSON.parse(readFileSync(join(root, nls), 'utf8')) as Record<string, string>;
				assert.deepEqual(
					keys.filter((k) => !table[k]),
					[],
					nls,
				);
			}
		});
	});
