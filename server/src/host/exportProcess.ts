/**
 * Runs the bundled `tickets export` (dist/cli.js, next to the server's bundle) as a child process
 * of the same Node: the export reads and writes many files and may hold hundreds of MB for a
 * 100k-ticket workspace, which the language server (holding the workspace index) should not; and
 * the editor's export is then the CLI's, byte for byte. Progress comes from its
 * `TICKETS_PROGRESS=json` lines (cli/exportProgress.ts); cancelling ends the child, which removes
 * its partial files (cli/tempFiles.ts).
 */
import { spawn } from 'node:child_process';

export interface ExportRun {
	readonly code: number | null;
	/** Standard error without the progress lines: the CLI's messages. */
	readonly messages: string;
}

export function runExportProcess(
	cliPath: string,
	args: readonly string[],
	cwd: string,
	onProgress: (progress: { tickets: number; files: number }) => void,
	cancelled: (listener: () => void) => void,
): Promise<ExportRun> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [cliPath, 'export', ...args], {
			cwd,
			// Under VS Code the server runs on Electron as Node; so does its child.
			env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', TICKETS_PROGRESS: 'json' },
			stdio: ['ignore', 'ignore', 'pipe'],
		});
		cancelled(() => child.kill('SIGTERM'));
		let pending = '';
		const messages: string[] = [];
		child.stderr.setEncoding('utf8');
		child.stderr.on('data', (chunk: string) => {
			const lines = (pending + chunk).split('\n');
			pending = lines.pop()!;
			for (const line of lines) {
				if (line.startsWith('{')) {
					try {
						onProgress(JSON.parse(line) as { tickets: number; files: number });
						continue;
					} catch {
						// not a progress line after all: a message
					}
				}
				messages.push(line);
			}
		});
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, messages: [...messages, pending].filter(Boolean).join('\n') }));
	});
}
