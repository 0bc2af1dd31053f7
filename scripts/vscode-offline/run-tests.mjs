// Runs an extension's integration tests (the @vscode/test-electron contract: --extensionDevelopmentPath,
// --extensionTestsPath = a module exporting run(): Promise<void>) in code-server's Node extension host,
// driven by headless Debian chromium. Streams the tests' output to stdout.
// Exit code: 0 tests passed, 1 tests failed, 2 harness error (no code-server, timeout, crash).
//
// usage: node run-tests.mjs --extensionDevelopmentPath=<dir> --extensionTestsPath=<file.js> [<folder>]
//        (both '--opt=value' and '--opt value'; flags a desktop VS Code takes and this does not need are ignored)
// env:   TICKET_CURATOR_VSCODE_CACHE (see paths.cjs), E2E_TIMEOUT seconds for the whole run (default 300),
//        E2E_SCREENSHOT=<png> to keep a picture of the workbench at the end, E2E_VERBOSE=1 for the workbench's chatter.
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { launchBrowser, newRunDir, onInterrupt, startCodeServer } from './workbench.mjs';

const withValue = new Set(['extensionDevelopmentPath', 'extensionTestsPath', 'folder-uri', 'user-data-dir', 'extensions-dir', 'locale', 'log']);
const devPaths = [];
const positional = [];
let testsPath;
for (let args = process.argv.slice(2), i = 0; i < args.length; i++) {
	const m = /^--([^=]+)(?:=(.*))?$/.exec(args[i]);
	if (!m) {
		positional.push(args[i]);
		continue;
	}
	const value = m[2] ?? (withValue.has(m[1]) ? args[++i] : undefined);
	if (m[1] === 'extensionDevelopmentPath') devPaths.push(path.resolve(value));
	if (m[1] === 'extensionTestsPath') testsPath = path.resolve(value);
}
if (!devPaths.length || !testsPath || !positional.length) {
	console.error('usage: run-tests.mjs --extensionDevelopmentPath=<dir> --extensionTestsPath=<file.js> <folder>');
	process.exit(2);
}
const folder = path.resolve(positional[0]);
const timeoutMs = Number(process.env.E2E_TIMEOUT || 300) * 1000;
const verbose = !!process.env.E2E_VERBOSE;
// The workbench's start-up lines, which say nothing about the tests (shown with E2E_VERBOSE=1).
const workbenchChatter =
	/^(Ignoring fetching additional builtin extensions|Resolving connection token|Resolved connection token|Creating a socket|\[Service Worker\]|Updating additional builtin extensions cache)/;

const t0 = Date.now();
const ts = () => `[harness ${((Date.now() - t0) / 1000).toFixed(1)}s]`;
const runDir = newRunDir('e2e');
let server;
let browser;
const cleanup = async () => {
	await browser?.close().catch(() => undefined);
	await server?.stop();
};
onInterrupt(cleanup);

let exitCode = 2;
try {
	server = await startCodeServer({ folder, runDir });
	console.log(`${ts()} code-server (pid ${server.pid}) on port ${server.port}; state ${runDir}`);
	browser = await launchBrowser(runDir);
	const page = browser.pages()[0] ?? (await browser.newPage());
	// The workbench reports a finished extensionTestsPath run and the extension host's console through
	// these two globals (the contract @vscode/test-web uses).
	let exit;
	const finished = new Promise((resolve) => (exit = resolve));
	await page.exposeFunction('codeAutomationExit', (code) => exit(code));
	await page.exposeFunction('codeAutomationLog', (type, args) => {
		const line = util.format(...(Array.isArray(args) ? args : [args]));
		if (!verbose && workbenchChatter.test(line)) return;
		(type === 'error' ? console.error : console.log)(line);
	});
	page.on('pageerror', (e) => console.log(`${ts()} [page error] ${e.message}`));
	console.log(`${ts()} opening the workbench on ${folder}`);
	await page.goto(server.url({ extensionDevelopmentPaths: devPaths, extensionTestsPath: testsPath }));
	let timer;
	const timedOut = new Promise(
		(resolve) => (timer = setTimeout(() => resolve(`TIMEOUT: the tests did not finish within ${timeoutMs / 1000} s (E2E_TIMEOUT)`), timeoutMs)),
	);
	const crashed = new Promise((resolve) => page.on('crash', () => resolve('the browser page crashed')));
	const serverGone = server.exited.then((code) => `code-server exited (${code}) before the tests finished`);
	const result = await Promise.race([finished, timedOut, crashed, serverGone]);
	clearTimeout(timer);
	if (typeof result === 'string') {
		console.log(`${ts()} HARNESS ERROR: ${result}`);
	} else {
		exitCode = result === 0 ? 0 : 1;
		console.log(`${ts()} tests finished, exit code ${result}`);
	}
	if (process.env.E2E_SCREENSHOT) await page.screenshot({ path: process.env.E2E_SCREENSHOT });
} catch (e) {
	console.log(`${ts()} HARNESS ERROR: ${e?.stack ?? e}`);
	exitCode = 2;
} finally {
	await cleanup();
	if (exitCode === 0 || !fs.existsSync(path.join(runDir, 'code-server.log'))) fs.rmSync(runDir, { recursive: true, force: true });
	else console.log(`kept for a post-mortem: ${runDir} (code-server.log, user data, logs)`);
}
process.exit(exitCode);
