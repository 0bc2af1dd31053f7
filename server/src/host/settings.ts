/** Editor settings under `ticketCurator.` turned into the service's configuration. */
import {
	defaultDuplicateThreshold,
	defaultMaxFileSizeMB,
	defaultOutlineSectionsMaxTickets,
	resolveConfig,
	type EvidenceSetting,
	type KeptLabel,
	type PartialTicketConfig,
	type RuleSetting,
	type TicketConfig,
} from '../service/index';
import { defaultExclude, defaultInclude } from './pathFilter';

const maxTimerMs = 2 ** 31 - 1;

/** The settings as the client sends them (all optional: any LSP client may send nothing). */
export interface TicketSettings {
	rules?: Record<string, RuleSetting>;
	categories?: string[];
	rootCauses?: string[];
	/** Values the personal-data and secret checks accept. */
	allowList?: string[];
	/** Hosts of public documentation, whose masked-elsewhere links are `information` by default. */
	publicDocHosts?: string[];
	/** Evidence per root cause and per product, added to or replacing the defaults label by label. */
	rootCauseEvidence?: Record<string, EvidenceSetting>;
	productEvidence?: Record<string, EvidenceSetting>;
	/** Labels kept after review (the configuration file only: the quick fix writes them there). */
	keptLabels?: KeptLabel[];
	duplicates?: { threshold?: number };
	/** Files larger than this are outlined but not checked; dumps with more tickets than this are outlined without sections. */
	limits?: { maxFileSizeMB?: number; outlineSectionsMaxTickets?: number };
	labels?: PartialTicketConfig['labels'];
	files?: { include?: string; exclude?: string };
	validate?: { debounce?: number };
	diagnostics?: { maxPerFile?: number; scope?: DiagnosticsScope };
}

/** Which dumps a client that pulls diagnostics is told about: every dump of the workspace, or only the open ones. */
export type DiagnosticsScope = 'workspace' | 'openFiles';
export const defaultDiagnosticsScope: DiagnosticsScope = 'workspace';

export interface ServerSettings {
	readonly config: TicketConfig;
	readonly include: string;
	readonly exclude: string;
	/** The folder the include/exclude globs are relative to (the configuration file's), when known. */
	readonly root?: string;
	/** The configuration file in force, when there is one (kept labels are written there). */
	readonly configPath?: string;
	readonly debounceMs: number;
	/** Most diagnostics published for one file (0: no limit). */
	readonly maxDiagnosticsPerFile: number;
	/** Which dumps pulled diagnostics cover (a client that only takes pushed diagnostics always gets the open ones). */
	readonly diagnosticsScope: DiagnosticsScope;
}

/** What VS Code shows of one file's diagnostics at most: more is never seen, only sent and parsed. */
export const defaultMaxDiagnosticsPerFile = 1000;

/**
 * The configuration file (.ticketcurator.json) under the editor settings: an editor setting wins
 * when it is set to something other than its default (VS Code sends defaults for unset settings);
 * rule severities and labels merge key by key; allow-lists add up.
 */
export function mergeSettings(file: TicketSettings | undefined, editor: TicketSettings | null | undefined): TicketSettings {
	const f = file ?? {};
	const e = editor ?? {};
	const list = (a?: string[], b?: string[]) => (b?.length ? b : a);
	const glob = (a: string | undefined, b: string | undefined, fallback: string) => (b && b !== fallback ? b : a);
	const allowList = [...new Set([...(f.allowList ?? []), ...(e.allowList ?? [])])];
	return {
		rules: { ...f.rules, ...e.rules },
		categories: list(f.categories, e.categories),
		rootCauses: list(f.rootCauses, e.rootCauses),
		allowList: allowList.length ? allowList : undefined,
		publicDocHosts: list(f.publicDocHosts, e.publicDocHosts),
		// Per label, the editor's entry wins over the file's.
		rootCauseEvidence: { ...f.rootCauseEvidence, ...e.rootCauseEvidence },
		productEvidence: { ...f.productEvidence, ...e.productEvidence },
		keptLabels: f.keptLabels,
		labels: {
			...f.labels,
			...e.labels,
			sections: { ...f.labels?.sections, ...e.labels?.sections },
			speakers: { ...f.labels?.speakers, ...e.labels?.speakers },
		},
		files: { include: glob(f.files?.include, e.files?.include, defaultInclude), exclude: glob(f.files?.exclude, e.files?.exclude, defaultExclude) },
		validate: { ...f.validate, ...e.validate },
		diagnostics: {
			maxPerFile: overriding(f.diagnostics?.maxPerFile, e.diagnostics?.maxPerFile, defaultMaxDiagnosticsPerFile),
			scope: e.diagnostics?.scope ?? f.diagnostics?.scope,
		},
		duplicates: { threshold: overriding(f.duplicates?.threshold, e.duplicates?.threshold, defaultDuplicateThreshold) },
		limits: {
			maxFileSizeMB: overriding(f.limits?.maxFileSizeMB, e.limits?.maxFileSizeMB, defaultMaxFileSizeMB),
			outlineSectionsMaxTickets: overriding(f.limits?.outlineSectionsMaxTickets, e.limits?.outlineSectionsMaxTickets, defaultOutlineSectionsMaxTickets),
		},
	};
}

/** The editor's value when it is set to something other than its default (VS Code sends defaults for unset settings), else the file's. */
function overriding(file: number | undefined, editor: number | undefined, fallback: number): number | undefined {
	return editor !== undefined && editor !== fallback ? editor : (file ?? editor);
}

export function toServerSettings(settings: TicketSettings | null | undefined, root?: string, configPath?: string): ServerSettings {
	const s = settings ?? {};
	return {
		config: resolveConfig({
			rules: s.rules,
			categories: s.categories,
			rootCauses: s.rootCauses,
			allowList: s.allowList,
			publicDocHosts: s.publicDocHosts,
			rootCauseEvidence: s.rootCauseEvidence,
			productEvidence: s.productEvidence,
			keptLabels: s.keptLabels,
			duplicates: s.duplicates,
			limits: s.limits,
			labels: s.labels,
		}),
		include: s.files?.include || defaultInclude,
		exclude: s.files?.exclude || defaultExclude,
		root,
		configPath,
		// Within what a timer takes: Node runs a longer one after 1 ms.
		debounceMs: typeof s.validate?.debounce === 'number' ? Math.min(maxTimerMs, Math.max(0, s.validate.debounce)) : 200,
		maxDiagnosticsPerFile: typeof s.diagnostics?.maxPerFile === 'number' ? Math.max(0, Math.floor(s.diagnostics.maxPerFile)) : defaultMaxDiagnosticsPerFile,
		diagnosticsScope: s.diagnostics?.scope === 'openFiles' ? 'openFiles' : defaultDiagnosticsScope,
	};
}
