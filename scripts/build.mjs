// Bundles the three entry points with esbuild: the language server, the extension (client) and the CLI.
import * as esbuild from 'esbuild';
import { nodeBundle } from './bundleOptions.mjs';

const watch = process.argv.includes('--watch');
const common = { ...nodeBundle, minify: process.argv.includes('--minify') };
const entries = [
	{ entryPoints: ['server/src/lsp/server.ts'], outfile: 'dist/server.js' },
	{ entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
	{ entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];
if (watch) {
	for (const entry of entries) await (await esbuild.context({ ...common, ...entry })).watch();
} else {
	await Promise.all(entries.map((entry) => esbuild.build({ ...common, ...entry })));
}
