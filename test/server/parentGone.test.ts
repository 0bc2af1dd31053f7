/**
 * The server process ends with its client, over stdio: when the client closes the server's input
 * (with or without a `shutdown` first), even while the `processId` it gave is alive; and when that
 * process is gone (vscode-languageserver's own watch).
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { RawClient } from './rawClient';

describe('server: the client goes away', function () {
	// The watch of a dead parent polls every 3 s.
	this.timeout(30_000);
	let client: RawClient | undefined;
	afterEach(() => client?.stop());

	it('exits (non-zero) when its input closes without a shutdown, though the client process lives', async () => {
		client = RawClient.start();
		await client.initialize({ processId: process.pid });
		assert.ok(await client.alive());
		client.process.stdin!.end();
		assert.equal(await client.exited, 1);
	});

	it('exits with 0 when its input closes after a shutdown', async () => {
		client = RawClient.start();
		await client.initialize({ processId: process.pid });
		assert.equal((await client.request('shutdown')).error, undefined);
		client.process.stdin!.end();
		assert.equal(await client.exited, 0);
	});

	it('exits when the process that started it is gone, though its input stays open', async () => {
		const parent = spawn(process.execPath, ['-e', '']);
		const pid = parent.pid!;
		await new Promise((resolve) => parent.once('exit', resolve));
		client = RawClient.start();
		await client.initialize({ processId: pid });
		assert.equal(await client.exited, 1);
	});
});
