// Bundles the three entry points with esbuild: the language server, the extension (client) and the CLI.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const common = {
	bundle: true,
	platform: 'node',
	target: 'node20',
	format: 'cjs',
	sourcemap: true,
	minify: process.argv.includes('--minify'),
	logLevel: 'warning',
	// remark's packages are ESM only; prefer their ESM entry and bundle everything as CommonJS.
	mainFields: ['module', 'main'],
};
const entries = [
	{ entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
	{ entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
	{ entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];
if (watch) {
	for (const entry of entries) await (await esbuild.context({ ...common, ...entry })).watch();
} else {
	await Promise.all(entries.map((entry) => esbuild.build({ ...common, ...entry })));
}
