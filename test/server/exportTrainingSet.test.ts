/** `tickets/exportTrainingSet` through the server process: the CLI's export, its manifest's counts, progress, and the folders it refuses. */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExportTrainingSetResult } from '../../common/protocol';
import { cliPath, ensureBuilt } from '../cli/runCli';
import { startServer, type TestClient } from './lspClient';

const realDump = join(__dirname, '..', 'fixtures', 'corpus', '000_8bbabfb939ae27d4.txt');

describe('export training set (server process)', function () {
	this.timeout(60000);
	let root: string;
	let client: TestClient;
	const at = (name: string) => join(root, name);

	before(async () => {
		ensureBuilt();
		root = mkdtempSync(join(tmpdir(), 'tickets-export-'));
		mkdirSync(at('dumps'));
		copyFileSync(realDump, at('dumps/real.txt'));
		client = await startServer({ folders: [at('dumps')] });
	});

	after(async () => {
		await client?.stop();
		rmSync(root, { recursive: true, force: true });
	});

	it('exports as `tickets export` does and answers the manifest counts, with progress on the way', async () => {
		mkdirSync(at('set'));
		const result = await client.connection.sendRequest<ExportTrainingSetResult>('tickets/exportTrainingSet', {
			inputs: [at('dumps')],
			folder: at('set'),
			format: 'chat',
			split: [80, 10, 10],
			seed: 5,
		});
		assert.deepEqual(readdirSync(at('set')).sort(), ['manifest.json', 'test.jsonl', 'train.jsonl', 'validation.jsonl']);
		const manifest = JSON.parse(readFileSync(at('set/manifest.json'), 'utf8')) as { counts: { exported: number; withheld: number; bySplit: object } };
		assert.equal(result.manifest, at('set/manifest.json'));
		assert.deepEqual([result.tickets, result.exported, result.withheld], [114, manifest.counts.exported, manifest.counts.withheld]);
		assert.deepEqual(result.bySplit, manifest.counts.bySplit);
		assert.equal(result.byReason['no-staff-answer'], 4);
		assert.ok(result.byReason.leak > 0);
		const progress = client.notifications.filter((n) => n.method === 'tickets/exportProgress');
		assert.deepEqual(progress[progress.length - 1]?.params, { tickets: 114, files: 1 });
		// The CLI with the same options writes the same files.
		const cli = spawnSync(process.execPath, [cliPath, 'export', 'dumps', '-f', 'chat', '--split', '80,10,10', '--seed', '5', '--out', 'cli'], {
			cwd: root,
			encoding: 'utf8',
		});
		assert.equal(cli.status, 0, cli.stderr);
		for (const name of ['train.jsonl', 'validation.jsonl', 'test.jsonl'])
			assert.equal(readFileSync(at(`cli/${name}`), 'utf8'), readFileSync(at(`set/${name}`), 'utf8'), name);
	});

	it('refuses a folder holding other files, a relative folder and a missing input, with a sentence', async () => {
		mkdirSync(at('busy'));
		writeFileSync(at('busy/notes.txt'), 'mine\n');
		const ask = (params: object) =>
			client.connection.sendRequest('tickets/exportTrainingSet', { inputs: [at('dumps')], format: 'chat', ...params }).then(
				() => assert.fail('answered'),
				(e: { code: number; message: string }) => [e.code, e.message],
			);
		assert.deepEqual(await ask({ folder: at('busy') }), [-32602, `${at('busy')} holds other files: choose an empty folder or an earlier export.`]);
		assert.deepEqual(await ask({ folder: 'busy' }), [-32602, 'busy is not a folder.']);
		assert.deepEqual(await ask({ folder: at('busy'), inputs: [at('nowhere')] }), [-32602, `${at('nowhere')} is not a file or folder to export from.`]);
		assert.deepEqual(readdirSync(at('busy')), ['notes.txt']);
	});
});
