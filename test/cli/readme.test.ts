/**
 * The README's commands run as written: every `npx tickets …` line of its shell blocks is run
 * (as `node dist/cli.js …`) on a copy of the sample dumps, and exits with the code its comment
 * gives (`# exit N`; none means 0).
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliPath, ensureBuilt, root, tempDir } from './runCli';

interface ReadmeCommand {
	readonly line: string;
	readonly exit: number;
}

/** The `npx tickets` lines of the README's ```sh blocks. */
export function readmeCommands(markdown: string): ReadmeCommand[] {
	const commands: ReadmeCommand[] = [];
	let inShell = false;
	for (const line of markdown.split('\n')) {
		if (line.startsWith('```')) {
			inShell = !inShell && /^```(sh|bash|shell)\s*$/.test(line);
			continue;
		}
		if (!inShell || !line.startsWith('npx tickets')) continue;
		const exit = /#\s*exit (\d+)/.exec(line);
		commands.push({ line: line.replace(/\s+#.*$/, ''), exit: exit ? Number(exit[1]) : 0 });
	}
	return commands;
}

describe('README commands', () => {
	const commands = readmeCommands(readFileSync(join(root, 'README.md'), 'utf8'));
	let dir: ReturnType<typeof tempDir>;
	before(() => {
		ensureBuilt();
		dir = tempDir();
		// The sample dumps at the paths the README names, so `fix` and the rest change only copies.
		cpSync(join(root, 'test', 'fixtures', 'corpus'), join(dir.path, 'test', 'fixtures', 'corpus'), { recursive: true });
		cpSync(join(root, 'test', 'fixtures', 'cli', 'english'), join(dir.path, 'test', 'fixtures', 'cli', 'english'), { recursive: true });
	});
	after(() => dir.remove());

	it('shows the first run: check, stats, similar, labels, fix and the configuration beside a dump', () => {
		const shown = commands.map((c) => c.line.split(/\s+/)[2]);
		for (const command of ['check', 'stats', 'similar', 'labels', 'fix']) assert.ok(shown.includes(command), command);
	});

	for (const command of commands) {
		it(`${command.line}  → exit ${command.exit}`, () => {
			const shell = command.line.replace(/^npx tickets/, `"${process.execPath}" "${cliPath}"`);
			const result = spawnSync('sh', ['-c', shell], {
				cwd: dir.path,
				env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', NO_COLOR: '1' },
				encoding: 'utf8',
				maxBuffer: 64 * 1024 * 1024,
			});
			assert.equal(result.status, command.exit, `${result.stdout.slice(0, 500)}\n${result.stderr}`);
			assert.doesNotMatch(result.stderr, /internal error/);
		});
	}
});
