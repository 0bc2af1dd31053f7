/**
 * What `tickets export` reads and decides, before anything is written: every dump through
 * exportDump.ts (in worker threads when there are several dumps and cores: exportPool.ts), taken
 * in input order, exact duplicates dropped after their first copy, and the inputs' SHA-256 for the
 * manifest. Files are read here; the decisions are the service's.
 */
import { createHash } from 'node:crypto';
import type { TicketPrint } from '../service/index';
import type { CliWorkspace, Dump } from './cliWorkspace';
import { exportDump, gateServices, type DumpExport, type DumpExportOptions, type WithheldReasons } from './exportDump';
import { exportJobs, startExportPool, type ExportPool } from './exportPool';
import { betweenSteps } from './tempFiles';

export { csvColumns, csvHeader, type ExportFormat, type ExportRow } from './exportDump';

export interface CollectOptions extends DumpExportOptions {
	/** Where a rule that fails says so. */
	readonly log?: (message: string) => void;
	/** Worker threads (default: the cores, at most 4; 1: none). */
	readonly jobs?: number;
	/** The `--config` given, which workers read too. */
	readonly configPath?: string;
	/** The folder relative paths are read from. */
	readonly cwd?: string;
}

export interface ExportEntry {
	/** The serialised row or record, without its line break. */
	readonly text: string;
	readonly product: string;
	readonly print?: TicketPrint;
}

export interface WithheldTicket {
	readonly file: string;
	/** 1-based line of the ticket's title. */
	readonly line: number;
	readonly reasons: WithheldReasons;
}

export interface InputFile {
	readonly file: string;
	readonly sha256: string;
	readonly tickets: number;
}

export interface Collected {
	readonly withheld: WithheldTicket[];
	readonly inputs: InputFile[];
	readonly tickets: number;
}

function sha256(dump: Dump): string {
	return createHash('sha256')
		.update(dump.bom ? `\ufeff${dump.text}` : dump.text, 'utf8')
		.digest('hex');
}

/**
 * Runs over the dumps and hands each exported entry to `emit`, in input order. `afterDump` is
 * called once a dump is done (with how many tickets it had), for progress.
 */
export async function collectExport(
	workspace: CliWorkspace,
	files: readonly string[],
	options: CollectOptions,
	emit: (entry: ExportEntry) => void,
	afterDump?: (tickets: number) => void,
): Promise<Collected> {
	const jobs = exportJobs(options.jobs, files.length);
	const { log, jobs: _, configPath, cwd, ...dumpOptions } = options;
	const pool: ExportPool | undefined = jobs
		? startExportPool(jobs, { cwd: cwd ?? process.cwd(), configPath, options: dumpOptions }, (text) => log?.(text.replace(/\n$/, '')))
		: undefined;
	const gateOf = gateServices(options, log);
	const withheld: WithheldTicket[] = [];
	const inputs: InputFile[] = [];
	const firstCopy = new Map<number, string>();
	let tickets = 0;
	const take = (dump: Dump, result: DumpExport) => {
		for (const ticket of result.tickets) {
			const { line } = ticket;
			if ('reasons' in ticket) {
				withheld.push({ file: dump.name, line, reasons: ticket.reasons });
				continue;
			}
			const first = firstCopy.get(ticket.exact);
			if (first !== undefined) {
				withheld.push({ file: dump.name, line, reasons: [{ reason: 'duplicate', of: first }] });
				continue;
			}
			firstCopy.set(ticket.exact, `${dump.name}:${line}`);
			emit({ text: ticket.text, product: ticket.product, print: ticket.signature && { exact: ticket.exact, signature: ticket.signature } });
		}
		tickets += result.tickets.length;
		inputs.push({ file: dump.name, sha256: sha256(dump), tickets: result.tickets.length });
		afterDump?.(result.tickets.length);
	};
	// With workers, a few dumps ahead are in flight (each worker has the next one waiting), no more:
	// the files' texts are not all held at once.
	const inFlight: { dump: Dump; result: Promise<DumpExport> }[] = [];
	try {
		for (const dump of workspace.dumps(files)) {
			if (!pool) {
				take(dump, exportDump(dump.name, dump.document, gateOf(dump.service), options));
			} else {
				const result = pool.run({ path: dump.path, name: dump.name, uri: dump.document.uri, text: dump.text });
				// Awaited in turn below; a failure of a later one must not go unhandled meanwhile.
				result.catch(() => undefined);
				inFlight.push({ dump, result });
				while (inFlight.length >= jobs * 2) {
					const next = inFlight.shift()!;
					take(next.dump, await next.result);
				}
			}
			// An interrupted export removes its partial output (tempFiles.ts).
			await betweenSteps();
		}
		for (const next of inFlight.splice(0)) take(next.dump, await next.result);
	} finally {
		await pool?.close();
	}
	return { withheld, inputs, tickets };
}
