/**
 * The diagnostics scheduler in-process, with a host whose validation takes known time: a run made
 * stale part-way is cancelled and never published, a burst within the debounce runs once, and a
 * validation that throws is logged and counted while the next one is published as usual.
 */
import { strict as assert } from 'node:assert';
import type { Diagnostic } from 'vscode-languageserver';
import { BackgroundSlices } from '../../server/src/lsp/backgroundSlices';
import { DiagnosticsScheduler } from '../../server/src/lsp/diagnosticsScheduler';

const uri = 'file:///work/dump.md';

/** A host with one document; each validation step takes `stepMs` of work. */
function host(steps: number, stepMs: number) {
	const published: { version: number | undefined; diagnostics: Diagnostic[] }[] = [];
	const logs: string[] = [];
	const waiters: (() => void)[] = [];
	const state = { version: 1, throwAt: -1, started: 0, earlyAt: -1 };
	return {
		state,
		published,
		logs,
		/** Resolves at the next publish. */
		nextPublish: () => new Promise<void>((resolve) => waiters.push(resolve)),
		host: {
			currentVersion: () => state.version,
			*validate(): Generator<Diagnostic[] | void, Diagnostic[]> {
				const version = state.version;
				state.started++;
				for (let i = 0; i < steps; i++) {
					if (i === state.throwAt) throw new Error('rule exploded');
					const until = performance.now() + stepMs;
					while (performance.now() < until);
					// Part of the findings, ahead of the rest (as a dump's own findings go ahead of its duplicates).
					if (i === state.earlyAt) yield [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: `v${version} early` }];
					else yield;
				}
				return [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: `v${version}` }];
			},
			publish(_uri: string, version: number | undefined, diagnostics: Diagnostic[]) {
				published.push({ version, diagnostics });
				waiters.splice(0).forEach((w) => w());
			},
			log: (message: string) => void logs.push(message),
		},
	};
}

describe('diagnostics scheduler', () => {
	it('cancels a run that an edit made stale part-way, and publishes only the newest version', async () => {
		const h = host(12, 5);
		const scheduler = new DiagnosticsScheduler(h.host, () => 0, new BackgroundSlices());
		const done = h.nextPublish();
		scheduler.schedule({ uri, version: 1 }, true);
		// Let the first run do a slice (15 ms of its 60), then edit.
		await new Promise((resolve) => setImmediate(resolve));
		while (h.state.started === 0) await new Promise((resolve) => setImmediate(resolve));
		h.state.version = 2;
		scheduler.schedule({ uri, version: 2 });
		await done;
		assert.deepEqual(
			h.published.map((p) => [p.version, p.diagnostics[0].message]),
			[[2, 'v2']],
		);
		assert.deepEqual(scheduler.stats, { scheduled: 2, superseded: 0, cancelled: 1, published: 1, early: 0, failed: 0 });
	});

	it('runs once for a burst of edits within the debounce', async () => {
		const h = host(2, 0);
		const scheduler = new DiagnosticsScheduler(h.host, () => 30, new BackgroundSlices());
		const done = h.nextPublish();
		for (let v = 1; v <= 5; v++) {
			h.state.version = v;
			scheduler.schedule({ uri, version: v });
		}
		await done;
		assert.deepEqual(
			h.published.map((p) => p.version),
			[5],
		);
		assert.deepEqual(scheduler.stats, { scheduled: 5, superseded: 4, cancelled: 0, published: 1, early: 0, failed: 0 });
	});

	it('logs a validation that throws, publishes nothing for it, and goes on with the next', async () => {
		const h = host(3, 0);
		h.state.throwAt = 1;
		const scheduler = new DiagnosticsScheduler(h.host, () => 0, new BackgroundSlices());
		scheduler.schedule({ uri, version: 1 }, true);
		while (scheduler.stats.failed === 0) await new Promise((resolve) => setImmediate(resolve));
		assert.equal(h.published.length, 0);
		assert.equal(h.logs.length, 1);
		assert.match(h.logs[0], /^Checking file:\/\/\/work\/dump\.md \(version 1\) failed; its last diagnostics stand: Error: rule exploded/);
		h.state.throwAt = -1;
		h.state.version = 2;
		const done = h.nextPublish();
		scheduler.schedule({ uri, version: 2 }, true);
		await done;
		assert.deepEqual(
			h.published.map((p) => p.version),
			[2],
		);
	});

	it('publishes what a run yields ahead of its end for its version, then the whole; a stale run publishes neither', async () => {
		const h = host(12, 5);
		h.state.earlyAt = 3;
		const scheduler = new DiagnosticsScheduler(h.host, () => 0, new BackgroundSlices());
		const whole = new Promise<void>((resolve) => {
			const wait = () => (h.published.length >= 2 ? resolve() : void h.nextPublish().then(wait));
			wait();
		});
		scheduler.schedule({ uri, version: 1 }, true);
		await whole;
		assert.deepEqual(
			h.published.map((p) => [p.version, p.diagnostics[0].message]),
			[
				[1, 'v1 early'],
				[1, 'v1'],
			],
		);
		assert.equal(scheduler.stats.early, 1);
		// An edit before the early part: nothing of version 2's stale run is published, only version 3's.
		h.published.length = 0;
		h.state.earlyAt = 8;
		h.state.version = 2;
		const started = h.state.started;
		scheduler.schedule({ uri, version: 2 }, true);
		while (h.state.started === started) await new Promise((resolve) => setImmediate(resolve));
		h.state.earlyAt = -1;
		h.state.version = 3;
		const next = h.nextPublish();
		scheduler.schedule({ uri, version: 3 }, true);
		await next;
		assert.deepEqual(
			h.published.map((p) => [p.version, p.diagnostics[0].message]),
			[[3, 'v3']],
		);
	});
});
