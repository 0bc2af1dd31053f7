// Where the offline VS Code lives: the one place that says so. The other scripts import it;
// setup.sh evals what it prints when run as a script (shell assignments).
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const cache = path.resolve(process.env.TICKET_CURATOR_VSCODE_CACHE || path.join(os.homedir(), '.cache', 'ticket-curator-vscode'));
export const codeServer = path.join(cache, 'cs', 'node_modules', '.bin', 'code-server');
export const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** playwright-core: the project's devDependency, else the copy setup.sh put in the cache; '' when neither. */
export function playwrightCore() {
	for (const from of [projectRoot, path.join(cache, 'pw')]) {
		try {
			return require.resolve('playwright-core', { paths: [from] });
		} catch {
			// not there; try the next place
		}
	}
	return '';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const q = (s) => `'${String(s).replace(/'/g, `'\\''`)}'`;
	console.log(`CACHE=${q(cache)} CODE_SERVER=${q(codeServer)} CHROMIUM=${q(chromium)} PLAYWRIGHT_CORE=${q(playwrightCore())}`);
}
