/**
 * Pushes diagnostics: waits for typing to pause (debounce), validates in short slices so that other
 * requests are answered meanwhile, cancels a run that a newer edit made stale, and never publishes
 * for a version that is no longer the document's.
 */
import { CancellationTokenSource, type Diagnostic } from 'vscode-languageserver';
import type { DiagnosticsRunStats } from '../../../common/protocol';
import type { SliceScheduler } from '../workspace/workspacePrints';

interface ScheduledDocument {
	readonly uri: string;
	readonly version: number;
}

interface SchedulerHost {
	/** The document's current version, or undefined once closed. */
	currentVersion(uri: string): number | undefined;
	/**
	 * The validation as steps (see TicketService.validateSteps); undefined when there is nothing to
	 * validate. A step may yield diagnostics to publish ahead of the rest (the final value replaces them).
	 */
	validate(uri: string): ValidationSteps | undefined;
	publish(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void;
	/** Where a validation that threw is reported (the server keeps running; the last diagnostics stand). */
	log(message: string): void;
	/** A validation threw: nothing is published for it. */
	failed?(uri: string): void;
}

export type ValidationSteps = Generator<Diagnostic[] | void, Diagnostic[]>;

/** The scheduler's counts, as it updates them. */
export type RunCounts = { -readonly [K in keyof DiagnosticsRunStats]: number };

export function runCounts(): RunCounts {
	return { scheduled: 0, superseded: 0, cancelled: 0, published: 0, early: 0, failed: 0 };
}

export class DiagnosticsScheduler {
	private readonly pending = new Map<string, { timer?: NodeJS.Timeout; source: CancellationTokenSource; started?: boolean }>();
	constructor(
		private readonly host: SchedulerHost,
		private readonly delayMs: () => number,
		/** Where validations get their turns: the server's queue, where requests come first. */
		private readonly slices: SliceScheduler,
		/** What became of the runs asked for, counted here (`tickets/serverStats`: tests and bug reports read it). */
		readonly stats: RunCounts = runCounts(),
	) {}

	schedule(doc: ScheduledDocument, immediately = false): void {
		this.cancel(doc.uri);
		this.stats.scheduled++;
		const source = new CancellationTokenSource();
		const timer = setTimeout(() => this.start(doc, source), immediately ? 0 : this.delayMs());
		this.pending.set(doc.uri, { timer, source });
	}

	cancel(uri: string): void {
		const entry = this.pending.get(uri);
		if (!entry) return;
		// Not started yet: dropped here. Started: its next slice sees the cancellation and counts it.
		if (!entry.started) this.stats.superseded++;
		clearTimeout(entry.timer);
		entry.source.cancel();
		this.pending.delete(uri);
	}

	/** Clears what was published for a document that is closed or no longer a dump. */
	clear(uri: string): void {
		this.cancel(uri);
		this.host.publish(uri, undefined, []);
	}

	private start(doc: ScheduledDocument, source: CancellationTokenSource): void {
		const entry = this.pending.get(doc.uri);
		if (this.host.currentVersion(doc.uri) !== doc.version) {
			if (entry?.source === source) this.pending.delete(doc.uri);
			this.stats.superseded++;
			return;
		}
		if (entry?.source === source) entry.started = true;
		const steps = this.host.validate(doc.uri);
		if (steps) this.slice(doc, source, steps);
		else if (entry?.source === source) this.pending.delete(doc.uri);
	}

	private slice(doc: ScheduledDocument, source: CancellationTokenSource, steps: ValidationSteps): void {
		const stale = () => source.token.isCancellationRequested || this.host.currentVersion(doc.uri) !== doc.version;
		const until = performance.now() + this.slices.sliceMs();
		while (performance.now() < until) {
			if (stale()) {
				this.stats.cancelled++;
				return;
			}
			let step: IteratorResult<Diagnostic[] | void, Diagnostic[]>;
			try {
				step = steps.next();
			} catch (error) {
				if (this.pending.get(doc.uri)?.source === source) this.pending.delete(doc.uri);
				this.stats.failed++;
				this.host.log(
					`Checking ${doc.uri} (version ${doc.version}) failed; its last diagnostics stand: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
				);
				this.host.failed?.(doc.uri);
				return;
			}
			if (step.done) {
				if (this.pending.get(doc.uri)?.source === source) this.pending.delete(doc.uri);
				if (stale()) {
					this.stats.cancelled++;
					return;
				}
				this.host.publish(doc.uri, doc.version, step.value);
				this.stats.published++;
				return;
			}
			if (step.value) {
				this.host.publish(doc.uri, doc.version, step.value);
				this.stats.early++;
			}
		}
		this.slices.nextSlice(() => this.slice(doc, source, steps), true);
	}
}
