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
// The overview page (client/page/): a browser script with the chart library bundled in, and its styles. The
// webview loads them from dist/; `tickets report` inlines them into one HTML file. Always minified (size in the .vsix).
const page = { bundle: true, minify: true, logLevel: 'warning', target: 'chrome114' };
const pageEntries = [
	{ ...page, entryPoints: ['client/page/overviewPage.ts'], outfile: 'dist/overview.js', format: 'iife', platform: 'browser', legalComments: 'eof' },
	{ ...page, entryPoints: ['client/page/overview.css'], outfile: 'dist/overview.css' },
];
if (watch) {
	for (const entry of pageEntries) await (await esbuild.context(entry)).watch();
	for (const entry of entries) await (await esbuild.context({ ...common, ...entry })).watch();
} else {
	await Promise.all([...entries.map((entry) => esbuild.build({ ...common, ...entry })), ...pageEntries.map((entry) => esbuild.build(entry))]);
}
