/**
 * Worker threads for `tickets export`: each dump's parse, gate check and records (exportDump.ts) are
 * independent of the other dumps and take nearly all of an export's time, so they run on several
 * cores; the main thread reads the files, keeps the input order and writes. A worker runs the bundled
 * CLI (dist/cli.js) again in its own thread; it finds each dump's configuration as the main thread
 * does (cliWorkspace.ts). Results come back in any order and are put back in input order by the
 * caller, so the output is the same byte for byte whatever the number of workers.
 */
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { openWorkspace } from './cliWorkspace';
import { exportDump, gateServices, type DumpExport, type DumpExportOptions } from './exportDump';
import type { CliIO } from './io';

/** More workers than this gain little: the main thread's reading and writing becomes the limit. */
const maxJobs = 4;
const workerRole = 'tickets-export-worker';

interface WorkerInit {
	readonly role: typeof workerRole;
	readonly cwd: string;
	readonly configPath?: string;
	readonly options: DumpExportOptions;
}

export interface DumpTask {
	readonly path: string;
	/** The path as shown to the user. */
	readonly name: string;
	readonly uri: string;
	readonly text: string;
}

type WorkerReply = { readonly id: number; readonly result: DumpExport } | { readonly id: number; readonly error: string } | { readonly log: string };

export interface ExportPool {
	run(task: DumpTask): Promise<DumpExport>;
	close(): Promise<void>;
}

/** How many workers to start for `files` dumps: none (work in this thread) for one dump, one core, or an unbundled run (tests from sources). */
export function exportJobs(requested: number | undefined, files: number): number {
	if (!__filename.endsWith('.js')) return 0;
	const jobs = Math.min(requested ?? Math.min(availableParallelism(), maxJobs), files);
	return jobs > 1 ? jobs : 0;
}

export function startExportPool(jobs: number, init: Omit<WorkerInit, 'role'>, log: (text: string) => void): ExportPool {
	const pending = new Map<number, { resolve: (r: DumpExport) => void; reject: (e: Error) => void }>();
	const queue: { id: number; task: DumpTask }[] = [];
	const idle: Worker[] = [];
	let nextId = 0;
	let failure: Error | undefined;
	const fail = (e: Error) => {
		failure ??= e;
		for (const { reject } of pending.values()) reject(failure);
		pending.clear();
	};
	const dispatch = () => {
		while (idle.length && queue.length) {
			const { id, task } = queue.shift()!;
			idle.pop()!.postMessage({ id, task });
		}
	};
	const workers = Array.from({ length: jobs }, () => {
		// The same argv: the worker reads the locale from it as the CLI does.
		const worker = new Worker(__filename, {
			workerData: { ...init, role: workerRole } satisfies WorkerInit,
			argv: process.argv.slice(2),
		});
		worker.on('message', (reply: WorkerReply) => {
			if ('log' in reply) return log(reply.log);
			const waiting = pending.get(reply.id);
			pending.delete(reply.id);
			if ('error' in reply) waiting?.reject(new Error(reply.error));
			else waiting?.resolve(reply.result);
			idle.push(worker);
			dispatch();
		});
		worker.on('error', fail);
		worker.on('exit', (code) => {
			if (code !== 0) fail(new Error(`export worker stopped (exit code ${code})`));
		});
		idle.push(worker);
		return worker;
	});
	return {
		run(task) {
			if (failure) return Promise.reject(failure);
			const id = nextId++;
			const result = new Promise<DumpExport>((resolve, reject) => pending.set(id, { resolve, reject }));
			queue.push({ id, task });
			dispatch();
			return result;
		},
		async close() {
			await Promise.all(workers.map((w) => w.terminate()));
		},
	};
}

/** Whether this thread is an export worker (started by startExportPool). */
export function isExportWorker(): boolean {
	return !isMainThread && (workerData as Partial<WorkerInit> | undefined)?.role === workerRole;
}

/** The worker's side: a dump in, its export out. */
export function serveExportWorker(): void {
	const init = workerData as WorkerInit;
	const port = parentPort!;
	const log = (text: string) => port.postMessage({ log: text } satisfies WorkerReply);
	const io: CliIO = { cwd: init.cwd, env: process.env, stdout: { write: () => true }, stderr: { write: log } };
	const workspace = openWorkspace(io, init.configPath);
	const gateOf = gateServices(init.options, (message) => log(`${message}\n`));
	port.on('message', ({ id, task }: { id: number; task: DumpTask }) => {
		let reply: WorkerReply;
		try {
			const service = gateOf(workspace.contextOf(task.path).service);
			reply = { id, result: exportDump(task.name, { uri: task.uri, version: 1, getText: () => task.text }, service, init.options) };
		} catch (e) {
			reply = { id, error: e instanceof Error ? e.message : String(e) };
		}
		port.postMessage(reply);
	});
}
