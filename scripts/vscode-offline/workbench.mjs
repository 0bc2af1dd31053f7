// The pieces every offline-VS-Code script needs: start code-server in a throwaway state dir, build the
// workbench URL (with development extensions and tests), open it in headless Debian chromium, and stop it all.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

import * as paths from './paths.mjs';

const require = createRequire(import.meta.url);
export { paths };

const userSettings = {
	'workbench.startupEditor': 'none',
	'workbench.tips.enabled': false,
	'telemetry.telemetryLevel': 'off',
	'extensions.autoUpdate': false,
	'extensions.autoCheckUpdates': false,
	'extensions.ignoreRecommendations': true,
	'update.mode': 'none',
	'workbench.enableExperiments': false,
	'security.workspace.trust.enabled': false,
	'git.enabled': false,
};

function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

function tmpDir() {
	const dir = path.join(paths.cache, 'tmp');
	fs.mkdirSync(dir, { recursive: true });
	return dir;
}

/** A fresh state dir under the cache (user data, extensions, browser profile, logs); remove it after a good run. */
export function newRunDir(prefix) {
	fs.mkdirSync(path.join(paths.cache, 'runs'), { recursive: true });
	const dir = fs.mkdtempSync(path.join(paths.cache, 'runs', `${prefix}-`));
	for (const sub of ['home', 'ud/User', 'ext', 'chrome']) fs.mkdirSync(path.join(dir, sub), { recursive: true });
	fs.writeFileSync(path.join(dir, 'ud/User/settings.json'), JSON.stringify(userSettings, null, '\t'));
	return dir;
}

/**
 * Starts code-server on `folder` in its own process group, waits until it serves the workbench, and
 * reads the remote authority the workbench uses in vscode-remote:// URIs.
 * The environment is inherited by code-server and so by the extension host (and the tests in it).
 */
export async function startCodeServer({ folder, runDir, env = process.env }) {
	if (!fs.existsSync(paths.codeServer)) throw new Error(`no code-server at ${paths.codeServer}; run scripts/vscode-offline/setup.sh`);
	const port = await freePort();
	const log = path.join(runDir, 'code-server.log');
	const logStream = fs.createWriteStream(log);
	const child = spawn(
		paths.codeServer,
		[
			'--bind-addr',
			`127.0.0.1:${port}`,
			'--auth',
			'none',
			'--disable-telemetry',
			'--disable-update-check',
			'--disable-workspace-trust',
			'--disable-getting-started-override',
			'--user-data-dir',
			path.join(runDir, 'ud'),
			'--extensions-dir',
			path.join(runDir, 'ext'),
			folder,
		],
		{
			detached: true, // own process group: stop() ends the server, its extension hosts and watchers together
			stdio: ['ignore', 'pipe', 'pipe'],
			// EXTENSIONS_GALLERY={}: no marketplace calls (there is no internet).
			// TMPDIR: a short path, as unix socket paths in it must stay under 108 bytes.
			env: { EXTENSIONS_GALLERY: '{}', ...env, HOME: path.join(runDir, 'home'), TMPDIR: tmpDir() },
		},
	);
	let exited = false;
	const gone = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
	/** Ends code-server's whole process group; resolves once the server process is gone. */
	const stop = async () => {
		if (exited) return;
		try {
			process.kill(-child.pid, 'SIGTERM');
		} catch {
			return;
		}
		const killer = setTimeout(() => {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				// already gone
			}
		}, 3000);
		await gone;
		clearTimeout(killer);
		try {
			process.kill(-child.pid, 'SIGKILL'); // stragglers of the group (a watcher started while shutting down)
		} catch {
			// the group is empty
		}
	};
	// Ready when code-server logs that it listens; fails when it exits first or stays silent for 60 s.
	const listening = new Promise((resolve, reject) => {
		let seen = '';
		const watch = (chunk) => {
			logStream.write(chunk);
			seen = (seen + chunk).slice(-4096);
			if (/HTTP server listening on/.test(seen)) resolve();
		};
		child.stdout.on('data', watch);
		child.stderr.on('data', watch);
		child.on('exit', (code, signal) => {
			exited = true;
			reject(new Error(`code-server exited (${code ?? signal}) before listening; see ${log}`));
		});
		setTimeout(() => reject(new Error(`code-server did not listen within 60 s; see ${log}`)), 60_000).unref();
	});
	const base = `http://127.0.0.1:${port}`;
	let html;
	try {
		await listening;
		const res = await fetch(`${base}/?folder=${encodeURIComponent(folder)}`);
		if (!res.ok) throw new Error(`code-server answered HTTP ${res.status}; see ${log}`);
		html = await res.text();
	} catch (e) {
		await stop();
		throw e;
	}
	const config = html.match(/id="vscode-workbench-web-configuration" data-settings="([^"]*)"/);
	if (!config) {
		await stop();
		throw new Error(`no workbench configuration in code-server's page; see ${log}`);
	}
	const authority = JSON.parse(config[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&')).remoteAuthority;
	return {
		pid: child.pid,
		port,
		/** Resolves with the exit code (or signal) when code-server ends, for whatever reason. */
		exited: gone,
		log,
		stop,
		/**
		 * The workbench URL for `folder`. code-server's CLI rejects --extensionDevelopmentPath and
		 * --extensionTestsPath, but the workbench takes the same keys from its `payload` query parameter.
		 */
		url({ extensionDevelopmentPaths = [], extensionTestsPath } = {}) {
			const remote = (p) => `vscode-remote://${authority}${path.resolve(p)}`;
			const payload = [
				...extensionDevelopmentPaths.map((p) => ['extensionDevelopmentPath', remote(p)]),
				...(extensionTestsPath ? [['extensionTestsPath', remote(extensionTestsPath)]] : []),
				['skipWelcome', 'true'],
			];
			return `${base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
		},
	};
}

/** Headless Debian chromium through playwright-core, with a profile inside the run dir. */
export async function launchBrowser(runDir, { width = 1400, height = 900 } = {}) {
	const playwrightPath = paths.playwrightCore();
	if (!playwrightPath) throw new Error('playwright-core is not installed; run scripts/vscode-offline/setup.sh');
	const { chromium } = require(playwrightPath);
	return chromium.launchPersistentContext(path.join(runDir, 'chrome'), {
		executablePath: paths.chromium,
		headless: true,
		viewport: { width, height },
		// Our onInterrupt() closes the browser and stops code-server; playwright's own handlers would exit first.
		handleSIGINT: false,
		handleSIGTERM: false,
		handleSIGHUP: false,
		// HOME inside the run dir keeps ~/.config/chromium and ~/.cache/dconf out of the user's home.
		env: { ...process.env, HOME: path.join(runDir, 'home') },
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
}

/**
 * Runs `cleanup` on the first SIGINT/SIGTERM/SIGHUP, then exits with 128 + the signal's number, so nothing
 * is left running. Repeats are ignored while cleaning up: Ctrl-C reaches this process both from the
 * terminal and forwarded by @vscode/test-electron.
 */
export function onInterrupt(cleanup) {
	let stopping = false;
	for (const [signal, code] of [
		['SIGINT', 130],
		['SIGTERM', 143],
		['SIGHUP', 129],
	]) {
		process.on(signal, async () => {
			if (stopping) return;
			stopping = true;
			console.log(`${signal}: stopping code-server and chromium`);
			await cleanup();
			process.exit(code);
		});
	}
}
