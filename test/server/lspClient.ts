/**
 * A minimal LSP client for process-level tests: spawns `node dist/server.js --stdio` on a
 * workspace folder, answers the server's requests (progress tokens, registrations), records its
 * notifications, and lets a test wait for the one it expects (never for a fixed time).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
	createMessageConnection,
	StreamMessageReader,
	StreamMessageWriter,
	WorkDoneProgress,
	type MessageConnection,
} from 'vscode-languageserver-protocol/node';
import type { InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { ServerStats } from '../../common/protocol';

export const serverPath = join(__dirname, '..', '..', 'dist', 'server.js');

export interface Notification {
	readonly method: string;
	readonly params: unknown;
}

export interface TestClient {
	readonly connection: MessageConnection;
	readonly process: ChildProcess;
	readonly notifications: Notification[];
	readonly registrations: { method: string; registerOptions?: unknown }[];
	/** What the server answered to `initialize`. */
	readonly initializeResult: InitializeResult;
	/** How often the server asked the client to pull diagnostics again (`workspace/diagnostic/refresh`). */
	readonly refreshes: number;
	/** Resolves with the first notification (already received or still to come) that `match` accepts. */
	waitFor<T>(method: string, match?: (params: T) => boolean): Promise<T>;
	/** Resolves when the first indexing progress ("Indexing tickets") ends. */
	indexed(): Promise<void>;
	/** Resolves once every "Finding duplicate tickets" progress that began has ended (the duplicate prints are done). */
	duplicatesFound(): Promise<void>;
	stop(): Promise<void>;
}

interface Progress {
	readonly token: unknown;
	readonly value: { kind: string; title?: string; message?: string; percentage?: number };
}

export interface StartOptions {
	readonly folders: readonly string[];
	readonly settings?: unknown;
	readonly locale?: string;
	/** Another build of the server (a test build with a faulty rule, say); dist/server.js by default. */
	readonly serverPath?: string;
	/** Options for the server's node (`--expose-gc`, say). */
	readonly nodeArgs?: readonly string[];
	/** Announce pull diagnostics (`textDocument.diagnostic`, with refresh), as VS Code does; without it the client takes pushed diagnostics only. */
	readonly pullDiagnostics?: boolean;
}

export async function startServer(options: StartOptions): Promise<TestClient> {
	const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.serverPath ?? serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
	let stderr = '';
	child.stderr!.on('data', (d) => (stderr += String(d)));
	const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
	const notifications: Notification[] = [];
	const registrations: { method: string; registerOptions?: unknown }[] = [];
	const waiters: { method: string; match: (p: unknown) => boolean; resolve: (p: unknown) => void }[] = [];
	const record = (method: string, params: unknown) => {
		notifications.push({ method, params });
		for (const w of [...waiters]) {
			if (w.method === method && w.match(params)) {
				waiters.splice(waiters.indexOf(w), 1);
				w.resolve(params);
			}
		}
	};
	connection.onNotification((method, params) => record(method, params));
	// `$/progress` reaches only handlers registered for its token, which the server creates first.
	connection.onRequest('window/workDoneProgress/create', (params: { token: string | number }) => {
		connection.onProgress(WorkDoneProgress.type, params.token, (value) => record('$/progress', { token: params.token, value }));
		return null;
	});
	connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
		registrations.push(...params.registrations);
		return null;
	});
	connection.onRequest('client/unregisterCapability', () => null);
	let refreshes = 0;
	connection.onRequest('workspace/diagnostic/refresh', () => {
		refreshes++;
		return null;
	});
	connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => options.settings ?? null));
	connection.onRequest('workspace/workspaceFolders', () => options.folders.map((f) => ({ uri: pathToFileURL(f).href, name: f })));
	child.on('exit', (code) => {
		for (const w of waiters.splice(0)) w.resolve(Promise.reject(new Error(`server exited (${code}): ${stderr}`)));
	});
	connection.listen();

	const waitFor = <T>(method: string, match: (params: T) => boolean = () => true): Promise<T> => {
		const seen = notifications.find((n) => n.method === method && match(n.params as T));
		if (seen) return Promise.resolve(seen.params as T);
		return new Promise<T>((resolve) => waiters.push({ method, match: match as (p: unknown) => boolean, resolve: resolve as (p: unknown) => void }));
	};

	const initializeResult = await connection.sendRequest<InitializeResult>('initialize', {
		processId: process.pid,
		rootUri: options.folders[0] ? pathToFileURL(options.folders[0]).href : null,
		workspaceFolders: options.folders.map((f) => ({ uri: pathToFileURL(f).href, name: f })),
		locale: options.locale,
		capabilities: {
			window: { workDoneProgress: true },
			workspace: {
				configuration: true,
				workspaceFolders: true,
				didChangeWatchedFiles: { dynamicRegistration: true },
				symbol: { dynamicRegistration: false },
				...(options.pullDiagnostics ? { diagnostics: { refreshSupport: true } } : {}),
			},
			textDocument: {
				hover: { contentFormat: ['markdown', 'plaintext'] },
				...(options.pullDiagnostics ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
			},
		},
	});
	await connection.sendNotification('initialized', {});

	return {
		connection,
		process: child,
		notifications,
		registrations,
		initializeResult,
		get refreshes() {
			return refreshes;
		},
		waitFor,
		async indexed() {
			const begin = await waitFor<Progress>('$/progress', (p) => p.value.kind === 'begin' && p.value.title === 'Indexing tickets');
			await waitFor<Progress>('$/progress', (p) => p.token === begin.token && p.value.kind === 'end');
		},
		async duplicatesFound() {
			await waitFor<Progress>('$/progress', (p) => p.value.kind === 'begin' && p.value.title === 'Finding duplicate tickets');
			for (;;) {
				const runs = notifications.filter((n) => n.method === '$/progress').map((n) => n.params as Progress);
				const open = runs.find(
					(p) => p.value.kind === 'begin' && p.value.title === 'Finding duplicate tickets' && !runs.some((q) => q.token === p.token && q.value.kind === 'end'),
				);
				if (!open) return;
				await waitFor<Progress>('$/progress', (p) => p.token === open.token && p.value.kind === 'end');
			}
		},
		async stop() {
			if (child.exitCode !== null) return;
			const exited = new Promise((resolve) => child.once('exit', resolve));
			try {
				await connection.sendRequest('shutdown');
				await connection.sendNotification('exit');
			} catch {
				child.kill();
			}
			await exited;
			connection.dispose();
		},
	};
}

export const fileUri = (path: string) => pathToFileURL(path).href;

/** How long a request takes to be answered, with its answer. */
export async function timed<T>(request: () => Promise<T>): Promise<[T, number]> {
	const start = performance.now();
	const result = await request();
	return [result, performance.now() - start];
}

/**
 * The complete diagnostics of the one document checked since the server started: on its first check
 * a dump's own findings may be published ahead of its duplicates (features/diagnosticsFeature.ts).
 * After each publish, `tickets/serverStats` tells whether a run has finished; its answer comes after
 * that run's publish, so the last publish received is then the complete one.
 */
export async function completeDiagnostics(client: TestClient, uri: string): Promise<PublishDiagnosticsParams> {
	const publishes = () =>
		client.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as PublishDiagnosticsParams).uri === uri);
	for (let seen = 0; ; seen++) {
		await client.waitFor('textDocument/publishDiagnostics', () => publishes().length > seen);
		const stats = await client.connection.sendRequest<ServerStats>('tickets/serverStats');
		if (stats.diagnostics.published > 0) return publishes().at(-1)!.params as PublishDiagnosticsParams;
	}
}
