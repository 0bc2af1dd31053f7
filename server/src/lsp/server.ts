/**
 * The language server: thin LSP wiring. Each feature (features/) looks up the document and asks
 * the service. Runs as `node dist/server.js --stdio` in any LSP client; nothing here depends on
 * VS Code (VS Code extras are custom requests declared in protocol.ts).
 */
import * as l10n from '@vscode/l10n';
import { join } from 'node:path';
import {
	createConnection,
	DiagnosticRefreshRequest,
	DidChangeConfigurationNotification,
	MessageType,
	ProposedFeatures,
	ShowMessageNotification,
	StreamMessageWriter,
	TextDocuments,
	TextDocumentSyncKind,
	type InitializeParams,
	type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { version } from '../../../package.json';
import { answerEncoder } from './answerEncoder';
import { runCounts } from './diagnosticsScheduler';
import { BackgroundSlices } from './backgroundSlices';
import { exitWhenInputEnds } from './lifetime';
import { ProtocolReader } from './protocolReader';
import type { ServerContext } from './serverContext';
import { features } from './features/allFeatures';
import { pathFilter, uriPath, type PathFilter } from '../host/pathFilter';
import { loadL10n } from '../host/l10nSetup';
import { createTicketService } from '../service/index';
import { EditorSettings } from '../host/editorSettings';
import { mergeSettings, toServerSettings, type ServerSettings, type TicketSettings } from '../host/settings';
import { WorkspaceConfig } from '../host/workspaceConfig';
import { WorkspaceDuplicates } from '../workspace/workspaceDuplicates';
import { duplicatesProgress } from './duplicatesProgress';
import { WorkspaceIndex } from '../workspace/workspaceIndex';
import { WorkspaceDiagnostics } from '../workspace/workspaceDiagnostics';
import { readUriText } from '../host/workspaceFiles';
import { checkGarbageWatch } from '../host/collectGarbage';
import { OpenReports } from './openReports';

// Over stdio (what every client uses), the transport is watched so that background work gives way to requests,
// and read by a reader that survives a broken client (protocolReader.ts).
const stdio = process.argv.includes('--stdio');
const slices = new BackgroundSlices(stdio ? process.stdout : undefined);
const connection = stdio ? createConnection(ProposedFeatures.all, ...slices.watch(...stdioTransport())) : createConnection(ProposedFeatures.all);
if (stdio) exitWhenInputEnds(process.stdin, connection);
const documents = new TextDocuments(TextDocument);
const log = (message: string) => connection.console.error(message);
// A handler's promise that fails unseen is a bug, not a reason to take every open dump's checks down with it.
process.on('unhandledRejection', (reason) => log(`Unhandled error: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));

function stdioTransport(): [ProtocolReader, StreamMessageWriter] {
	const writer = new StreamMessageWriter(process.stdout, { contentTypeEncoder: answerEncoder });
	const reader = new ProtocolReader(process.stdin, {
		// Straight to the writer: the watch (backgroundSlices.ts) counts only the requests the connection saw.
		answer: (message) => void writer.write(message).catch(() => undefined),
		log: (message) => log(message),
	});
	return [reader, writer];
}

let settings: ServerSettings = toServerSettings(undefined);
let isCandidatePath: PathFilter = pathFilter(settings.include, settings.exclude);
let canPullConfiguration = false;
const settingsListeners: (() => void)[] = [];
const initializedListeners: ((params: InitializeParams) => void)[] = [];
let initializeParams: InitializeParams | undefined;
let editorSettings: TicketSettings | undefined;
const editorSettingsCheck = new EditorSettings();
// The workspace's .ticketcurator.json (or package.json "ticketCurator"): editor settings override it.
const configFile = new WorkspaceConfig({
	log,
	// A notification (not showMessageRequest): every client handles it, and nothing waits on an answer.
	warn: (message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }),
	changed: () => applySettings(editorSettings),
});
// The category-unknown rule learns the categories from the whole workspace once it is indexed.
const service = createTicketService({ config: settings.config, log, workspace: { categoryCounts: () => index.categoryCounts() } });
const index = new WorkspaceIndex(service);
const duplicates = new WorkspaceDuplicates(
	index,
	service,
	() => documents.all().filter((doc) => context.isDump(doc)),
	log,
	duplicatesProgress(connection),
	slices,
);
settingsListeners.push(() => duplicates.reset());
const workspaceDiagnostics = new WorkspaceDiagnostics(index, duplicates, service, {
	readText: readUriText,
	run: (steps) => slices.runInSlices(steps),
	isOpen: (uri) => documents.get(uri) !== undefined,
	afterCheck: checkGarbageWatch(),
	log,
});
settingsListeners.push(() => workspaceDiagnostics.invalidateAll());
let clientPulls = false;
let clientRefreshes = false;
let refreshTimer: NodeJS.Timeout | undefined;
/** Asks a pulling client to pull again, once for a burst of changes. */
function refreshPulls(): void {
	if (!clientRefreshes || refreshTimer) return;
	refreshTimer = setTimeout(() => {
		refreshTimer = undefined;
		connection
			.sendRequest(DiagnosticRefreshRequest.type)
			.catch((error) => log(`workspace/diagnostic/refresh failed: ${error instanceof Error ? error.message : String(error)}`));
	}, 50);
}

/** Dump-ness by path and content, cached per document version. */
const dumpCache = new Map<string, { version: number; dump: boolean }>();

const context: ServerContext = {
	connection,
	documents,
	service,
	index,
	duplicates,
	workspaceDiagnostics,
	openReports: new OpenReports(refreshPulls),
	pullsDiagnostics: () => clientPulls,
	slices,
	counters: { diagnostics: runCounts(), filesRead: 0, treeChecks: 0 },
	settings: () => settings,
	isDump(doc) {
		const known = dumpCache.get(doc.uri);
		if (known?.version === doc.version) return known.dump;
		// An unsaved new file has no path to match yet: its content alone decides.
		const candidate = doc.uri.startsWith('untitled:') || isCandidatePath(uriPath(doc.uri));
		const dump = candidate && service.isTicketDump(doc.getText());
		dumpCache.set(doc.uri, { version: doc.version, dump });
		return dump;
	},
	isUnreadable(doc) {
		// Only what is not a dump: a dump's own checks report its encoding (validate.ts).
		return !context.isDump(doc) && isCandidatePath(uriPath(doc.uri)) && service.isUnreadable(doc.getText());
	},
	onSettingsChanged: (listener) => void settingsListeners.push(listener),
	onInitialized: (listener) => void initializedListeners.push(listener),
	log,
};

connection.onInitialize((params: InitializeParams): InitializeResult => {
	initializeParams = params;
	loadL10n(params.locale, join(__dirname, '..', 'l10n'));
	canPullConfiguration = !!params.capabilities?.workspace?.configuration;
	clientPulls = !!params.capabilities?.textDocument?.diagnostic;
	clientRefreshes = !!params.capabilities?.workspace?.diagnostics?.refreshSupport;
	configFile.start(params);
	const initial = params.initializationOptions as { settings?: unknown } | null | undefined;
	applySettings(typeof initial === 'object' ? initial?.settings : undefined);
	return {
		capabilities: Object.assign(
			{ textDocumentSync: TextDocumentSyncKind.Incremental },
			...features.map((f) => f.capabilities ?? {}),
			...features.map((f) => f.capabilitiesFor?.(params) ?? {}),
		),
		serverInfo: { name: 'ticket-curator', version },
	};
});

connection.onInitialized(async () => {
	if (canPullConfiguration) {
		void connection.client.register(DidChangeConfigurationNotification.type, { section: 'ticketCurator' });
		await pullSettings();
	}
	for (const listener of initializedListeners) listener(initializeParams!);
});

async function pullSettings(): Promise<void> {
	let pulled: unknown;
	try {
		pulled = await connection.workspace.getConfiguration('ticketCurator');
	} catch (error) {
		log(`Could not read the editor settings: ${error instanceof Error ? error.message : String(error)}`);
		return;
	}
	applySettings(pulled);
}

/** Editor settings as they came (initialize params, pull or push), checked first: a bad value is said once and its previous value stays (host/editorSettings.ts). */
function applySettings(raw: unknown): void {
	const accepted = editorSettingsCheck.accept(raw);
	if (accepted.problems.length) {
		const message = l10n.t('Ticket Curator: invalid settings, their previous values stay in force: {0}', accepted.problems.join('; '));
		log(message);
		void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
	}
	let next: ServerSettings;
	let nextFilter: PathFilter;
	try {
		next = toServerSettings(mergeSettings(configFile.settings, accepted.settings), configFile.folder, configFile.path);
		nextFilter = pathFilter(next.include, next.exclude, next.root);
		service.configure(next.config);
	} catch (error) {
		// The checks above should leave nothing that throws here; if something does, the settings in force stay.
		log(`Settings not applied: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
		return;
	}
	editorSettings = accepted.settings;
	settings = next;
	isCandidatePath = nextFilter;
	dumpCache.clear();
	for (const listener of settingsListeners) listener();
}

connection.onDidChangeConfiguration(async (change) => {
	if (canPullConfiguration) return pullSettings();
	// Pushed: the settings of every section, ours among them (none when it is absent); anything else is no settings at all.
	const pushed: unknown = (change as { settings?: unknown } | undefined)?.settings;
	if (typeof pushed === 'object' && pushed !== null && !Array.isArray(pushed)) applySettings((pushed as { ticketCurator?: unknown }).ticketCurator);
	else log(`workspace/didChangeConfiguration without settings (${JSON.stringify(change ?? null)?.slice(0, 100)}): ignored.`);
});

documents.onDidClose((e) => {
	dumpCache.delete(e.document.uri);
	service.forget(e.document.uri);
});

for (const feature of features) feature.register(context);
documents.listen(connection);
connection.listen();
