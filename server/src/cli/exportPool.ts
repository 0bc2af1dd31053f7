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
import { exportDump, gateServices, type DumpExport, type DumpExportOptions, type DumpTicket, type WithheldReasons } from './exportDump';
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

type WorkerReply = { readonly id: number; readonly result: PackedExport } | { readonly id: number; readonly error: string } | { readonly log: string };

/**
 * A dump's export as a few flat values: a message of a hundred ticket objects took a worker 2% of
 * its time to clone, one string and a few typed arrays next to nothing (the main thread, mostly
 * idle, unpacks).
 */
interface PackedExport {
	readonly lines: Int32Array;
	/** Per ticket, its reasons when withheld, else null. */
	readonly reasons: (WithheldReasons | null)[];
	/** The exported tickets' records, one after another, and each one's length. */
	readonly texts: string;
	readonly lengths: Int32Array;
	readonly products: string[];
	readonly exacts: Float64Array;
	/** 128 values per exported ticket, when kept. */
	readonly signatures?: Uint16Array;
}

function pack(result: DumpExport): PackedExport {
	const exported = result.tickets.filter((t): t is Extract<DumpTicket, { text: string }> => 'text' in t);
	const withSignatures = exported.length > 0 && exported[0].signature !== undefined;
	const signatures = withSignatures ? new Uint16Array(exported.length * exported[0].signature!.length) : undefined;
	exported.forEach((t, i) => signatures?.set(t.signature!, i * t.signature!.length));
	return {
		lines: Int32Array.from(result.tickets, (t) => t.line),
		reasons: result.tickets.map((t) => ('reasons' in t ? t.reasons : null)),
		texts: exported.map((t) => t.text).join(''),
		lengths: Int32Array.from(exported, (t) => t.text.length),
		products: exported.map((t) => t.product),
		exacts: Float64Array.from(exported, (t) => t.exact),
		signatures,
	};
}

function unpack(packed: PackedExport): DumpExport {
	const width = packed.signatures && packed.lengths.length ? packed.signatures.length / packed.lengths.length : 0;
	let next = 0;
	let at = 0;
	const tickets = Array.from(packed.lines, (line, k): DumpTicket => {
		const reasons = packed.reasons[k];
		if (reasons) return { line, reasons };
		const i = next++;
		const text = packed.texts.slice(at, (at += packed.lengths[i]));
		const signature = packed.signatures?.slice(i * width, (i + 1) * width);
		return { line, text, product: packed.products[i], exact: packed.exacts[i], signature };
	});
	return { tickets };
}

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
			else waiting?.resolve(unpack(reply.result));
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
			reply = { id, result: pack(exportDump(task.name, { uri: task.uri, version: 1, getText: () => task.text }, service, init.options)) };
		} catch (e) {
			reply = { id, error: e instanceof Error ? e.message : String(e) };
		}
		port.postMessage(reply, 'result' in reply && reply.result.signatures ? [reply.result.signatures.buffer as ArrayBuffer] : []);
	});
}
