/** What every server feature receives: the connection, the open documents, the service, and settings. */
import type { Connection, InitializeParams, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TicketService } from '../service/index';
import type { ServerSettings } from '../host/settings';
import type { WorkspaceDuplicates } from '../workspace/workspaceDuplicates';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { WorkspaceDiagnostics } from '../workspace/workspaceDiagnostics';
import type { BackgroundSlices } from './backgroundSlices';
import type { OpenReports } from './openReports';
import type { RunCounts } from './diagnosticsScheduler';

export interface ServerContext {
	readonly connection: Connection;
	readonly documents: TextDocuments<TextDocument>;
	readonly service: TicketService;
	/** Every ticket of every dump in the workspace folders (features/workspaceIndexFeature.ts keeps it current). */
	readonly index: WorkspaceIndex;
	/** Exact and near duplicate tickets across the workspace, kept current from the index. */
	readonly duplicates: WorkspaceDuplicates;
	/** The findings of the workspace's dumps that are not open, for a client that pulls diagnostics. */
	readonly workspaceDiagnostics: WorkspaceDiagnostics;
	/** The open dumps' diagnostics, kept for a client that pulls them (features/pullDiagnosticsFeature.ts) instead of pushed. */
	readonly openReports: OpenReports;
	/** Whether the client pulls diagnostics (it announced `textDocument.diagnostic`): then nothing is pushed. Known from `initialize` on. */
	pullsDiagnostics(): boolean;
	/** The one queue of background work, where requests come first. */
	readonly slices: BackgroundSlices;
	/** What features count for `tickets/serverStats`, since the server started. */
	readonly counters: ServerCounters;
	settings(): ServerSettings;
	/** Whether an open document is a ticket dump (path glob and content). */
	isDump(doc: TextDocument): boolean;
	/** Whether an open document at a candidate path is binary or not UTF-8: not a dump, but it gets one `file-encoding` diagnostic. */
	isUnreadable(doc: TextDocument): boolean;
	/** Called by features that must react when settings change (re-validate, re-index...). */
	onSettingsChanged(listener: () => void): void;
	/** Called once the client has sent `initialized` and settings are pulled, with the initialize params. */
	onInitialized(listener: (params: InitializeParams) => void): void;
	log(message: string): void;
}

interface ServerCounters {
	/** The diagnostics scheduler's runs (features/diagnosticsFeature.ts). */
	readonly diagnostics: RunCounts;
	/** Files the workspace index read from disk (features/workspaceIndexFeature.ts): an edit re-reads only its file. */
	filesRead: number;
	/** Closed dumps the Tickets view checked itself, not through the workspace's diagnostics (features/ticketTreeFeature.ts). */
	treeChecks: number;
}

/** A server feature: registers its handlers and capabilities. */
export interface ServerFeature {
	/** Capabilities merged into the initialize result. */
	readonly capabilities?: import('vscode-languageserver/node').ServerCapabilities;
	/** Capabilities that depend on what the client announced, merged after `capabilities`. */
	capabilitiesFor?(params: InitializeParams): import('vscode-languageserver/node').ServerCapabilities | undefined;
	register(context: ServerContext): void;
}
