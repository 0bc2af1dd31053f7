/**
 * For a client that pulls diagnostics: the last diagnostics the scheduler made for each open dump,
 * with a result id, instead of pushing them. A pull waits for the check of the version it asks about
 * (typing waits for its own document's check, never for the workspace's). Diagnostics that change
 * with nobody waiting (another file gained a copy of a ticket, the duplicates came after the dump's
 * own findings) make the server ask the client to pull again (`refresh`).
 */
import type { Diagnostic } from 'vscode-languageserver/node';

export interface OpenReport {
	readonly version: number;
	readonly resultId: string;
	readonly diagnostics: readonly Diagnostic[];
}

interface Waiter {
	readonly uri: string;
	readonly version: number;
	readonly resolve: (report: OpenReport | undefined) => void;
}

export class OpenReports {
	private readonly reports = new Map<string, OpenReport>();
	/** Per document, the result id last handed to the client. */
	private readonly answered = new Map<string, string>();
	private waiters: Waiter[] = [];
	private nextId = 0;

	/** `refresh`: the client should pull again (some answered report is out of date). */
	constructor(private readonly refresh: () => void) {}

	/** What the scheduler published; `version` undefined: the document is closed or no dump any more. */
	publish(uri: string, version: number | undefined, diagnostics: readonly Diagnostic[]): void {
		if (version === undefined) {
			this.reports.delete(uri);
			this.answered.delete(uri);
			this.settle(uri, Infinity, undefined);
			return;
		}
		// The same findings again (checked again for other files' sake, or a version that changed nothing) keep their result id.
		const before = this.reports.get(uri);
		const same = before !== undefined && sameDiagnostics(before.diagnostics, diagnostics);
		const report = { version, resultId: same ? before.resultId : `open.${++this.nextId}`, diagnostics };
		this.reports.set(uri, report);
		const waited = this.settle(uri, version, report);
		if (!waited && this.answered.has(uri) && this.answered.get(uri) !== report.resultId) this.refresh();
	}

	/** The last report of an open document, if it has been checked. */
	latest(uri: string): OpenReport | undefined {
		return this.reports.get(uri);
	}

	/** A check ended without diagnostics (it failed): whoever waits gets the last ones. */
	failed(uri: string): void {
		this.settle(uri, Infinity, this.reports.get(uri));
	}

	/** The report of `version` or a later one, once the check is done; undefined when the document closed or the pull was cancelled. */
	wait(uri: string, version: number, cancel: { onCancellationRequested(listener: () => void): { dispose(): void } }): Promise<OpenReport | undefined> {
		const known = this.reports.get(uri);
		if (known && known.version >= version) return Promise.resolve(this.answer(uri, known));
		return new Promise((resolve) => {
			const waiter: Waiter = {
				uri,
				version,
				resolve: (report) => {
					cancelled.dispose();
					resolve(report && this.answer(uri, report));
				},
			};
			const cancelled = cancel.onCancellationRequested(() => {
				this.waiters = this.waiters.filter((w) => w !== waiter);
				waiter.resolve(undefined);
			});
			this.waiters.push(waiter);
		});
	}

	/** Resolves the waiters of `uri` up to `version`; returns whether there were any. */
	private settle(uri: string, version: number, report: OpenReport | undefined): boolean {
		const ready = this.waiters.filter((w) => w.uri === uri && w.version <= version);
		if (!ready.length) return false;
		this.waiters = this.waiters.filter((w) => !ready.includes(w));
		for (const w of ready) w.resolve(report);
		return true;
	}

	private answer(uri: string, report: OpenReport): OpenReport {
		this.answered.set(uri, report.resultId);
		return report;
	}
}

function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
	return a.length === b.length && JSON.stringify(a) === JSON.stringify(b);
}
