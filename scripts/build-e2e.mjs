// Builds the real-VS-Code suite into out/e2e/ (the extension itself is built by scripts/build.mjs):
// the @vscode/test-electron runner and the mocha suite that runs inside the extension host.
// (runTest copies the fixture workspace afresh for each run.)
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { nodeBundle as common } from './bundleOptions.mjs';

const suiteFiles = readdirSync('test/e2e/suite')
	.filter((f) => f.endsWith('.ts'))
	.map((f) => `test/e2e/suite/${f}`);

rmSync('out/e2e', { recursive: true, force: true });
await Promise.all([
	esbuild.build({ ...common, entryPoints: ['test/e2e/runTest.ts'], outfile: 'out/e2e/runTest.js', packages: 'external' }),
	// One file per suite module; mocha stays external so every test file shares the extension host's one instance.
	esbuild.build({ ...common, entryPoints: suiteFiles, outdir: 'out/e2e/suite', external: ['vscode', 'mocha'] }),
]);
