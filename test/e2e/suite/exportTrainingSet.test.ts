/**
 * Export Training Set… in a real VS Code: the command (its choices given, so no quick pick waits)
 * exports the real dump of the fixture workspace to a folder, and its manifest counts are those of
 * `tickets export` run on the same folder with the same options.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ExportTrainingSetResult } from '../../../common/protocol';
import { activateExtension } from './helpers';

interface Manifest {
	counts: { tickets: number; exported: number; withheld: number; bySplit: Record<string, number>; byProduct: Record<string, number> };
	withheld: { byReason: Record<string, number> };
}

describe('export training set', () => {
	let extensionPath: string;
	const folders: string[] = [];
	const newFolder = () => {
		const dir = mkdtempSync(join(tmpdir(), 'tickets-e2e-export-'));
		folders.push(dir);
		return dir;
	};

	before(async () => {
		extensionPath = (await activateExtension()).extensionPath;
	});

	after(() => {
		for (const dir of folders) rmSync(dir, { recursive: true, force: true });
	});

	it('exports the real dump with a split; the manifest counts match the CLI', async () => {
		const folder = newFolder();
		const result = await vscode.commands.executeCommand<ExportTrainingSetResult | undefined>('ticketCurator.exportTrainingSet', {
			format: 'chat',
			split: [80, 10, 10],
			seed: 3,
			folder,
		});
		assert.ok(result, 'the command answered');
		assert.deepEqual(readdirSync(folder).sort(), ['manifest.json', 'test.jsonl', 'train.jsonl', 'validation.jsonl']);
		const fromEditor = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as Manifest;
		assert.equal(fromEditor.counts.tickets, 114);
		assert.equal(fromEditor.withheld.byReason['no-staff-answer'], 4);
		assert.deepEqual([result.exported, result.withheld, result.bySplit], [fromEditor.counts.exported, fromEditor.counts.withheld, fromEditor.counts.bySplit]);

		const workspace = vscode.workspace.workspaceFolders![0].uri.fsPath;
		const cliOut = newFolder();
		const cli = spawnSync(
			process.execPath,
			[join(extensionPath, 'dist', 'cli.js'), 'export', workspace, '-f', 'chat', '--split', '80,10,10', '--seed', '3', '--out', cliOut],
			{ cwd: workspace, encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } },
		);
		assert.equal(cli.status, 0, cli.stderr);
		const fromCli = JSON.parse(readFileSync(join(cliOut, 'manifest.json'), 'utf8')) as Manifest;
		assert.deepEqual(fromEditor.counts, fromCli.counts);
		assert.deepEqual(fromEditor.withheld, fromCli.withheld);
	});

	it('says why it did not export into a folder of other files, and leaves it as it was', async () => {
		const folder = newFolder();
		const notes = join(folder, 'notes.txt');
		writeFileSync(notes, 'mine\n');
		const result = await vscode.commands.executeCommand('ticketCurator.exportTrainingSet', { format: 'alpaca', split: null, folder });
		assert.equal(result, undefined);
		assert.deepEqual(readdirSync(folder), ['notes.txt']);
	});
});
