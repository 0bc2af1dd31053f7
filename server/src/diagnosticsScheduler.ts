/**
 * Pushes diagnostics: waits for typing to pause (debounce), cancels a run that a newer edit made
 * stale, and never publishes for a version that is no longer the document's.
 */
import { CancellationTokenSource, type Diagnostic } from 'vscode-languageserver';

export interface ScheduledDocument {
	readonly uri: string;
	readonly version: number;
}

export interface SchedulerHost {
	/** The document's current version, or undefined once closed. */
	currentVersion(uri: string): number | undefined;
	/** Undefined when cancelled. */
	validate(uri: string, token: CancellationTokenSource['token']): Diagnostic[] | undefined;
	publish(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void;
}

export class DiagnosticsScheduler {
	private readonly pending = new Map<string, { timer: NodeJS.Timeout; source: CancellationTokenSource }>();

	constructor(
		private readonly host: SchedulerHost,
		private delayMs: () => number,
	) {}

	schedule(doc: ScheduledDocument, immediately = false): void {
		this.cancel(doc.uri);
		const source = new CancellationTokenSource();
		const timer = setTimeout(() => this.run(doc, source), immediately ? 0 : this.delayMs());
		this.pending.set(doc.uri, { timer, source });
	}

	cancel(uri: string): void {
		const entry = this.pending.get(uri);
		if (!entry) return;
		clearTimeout(entry.timer);
		entry.source.cancel();
		this.pending.delete(uri);
	}

	/** Clears what was published for a document that is closed or no longer a dump. */
	clear(uri: string): void {
		this.cancel(uri);
		this.host.publish(uri, undefined, []);
	}

	private run(doc: ScheduledDocument, source: CancellationTokenSource): void {
		if (this.host.currentVersion(doc.uri) !== doc.version) return;
		const diagnostics = this.host.validate(doc.uri, source.token);
		if (this.pending.get(doc.uri)?.source === source) this.pending.delete(doc.uri);
		if (!diagnostics || source.token.isCancellationRequested) return;
		if (this.host.currentVersion(doc.uri) !== doc.version) return;
		this.host.publish(doc.uri, doc.version, diagnostics);
	}
}
