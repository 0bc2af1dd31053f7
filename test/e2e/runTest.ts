/**
 * The standard @vscode/test-electron entry point: runs the suite (out/e2e/suite) in a VS Code with this
 * extension loaded for development, on a fresh copy of the fixture workspace. VS Code comes from
 * VSCODE_EXECUTABLE_PATH when set (offline: scripts/vscode-offline/code-shim, a real VS Code in
 * code-server), else it is downloaded. Exit code: 0 pass, 1 tests failed, 2 harness error.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests, TestRunFailedError } from '@vscode/test-electron';

const root = path.resolve(__dirname, '../..');

/**
 * test/e2e/workspace (a plain README.md) plus a copy of the real dump, in a temporary folder: tests may
 * change files there, and it lies outside out/ and dist/, which the server's default exclude skips.
 */
function fixtureWorkspace(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ticket-curator-e2e-'));
	fs.cpSync(path.join(root, 'test/e2e/workspace'), dir, { recursive: true });
	fs.copyFileSync(path.join(root, 'test/fixtures/corpus/000_8bbabfb939ae27d4.txt'), path.join(dir, '000_8bbabfb939ae27d4.txt'));
	return dir;
}

async function main(): Promise<number> {
	const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE_PATH ? path.resolve(process.env.VSCODE_EXECUTABLE_PATH) : undefined;
	const workspace = fixtureWorkspace();
	try {
		await runTests({
			vscodeExecutablePath,
			extensionDevelopmentPath: root,
			extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
			launchArgs: [workspace, '--disable-extensions'],
		});
		return 0;
	} catch (err) {
		console.error(`e2e: ${(err as Error).message}`);
		return err instanceof TestRunFailedError && err.code !== undefined ? err.code : 2;
	} finally {
		fs.rmSync(workspace, { recursive: true, force: true });
	}
}

void main().then((code) => process.exit(code));
