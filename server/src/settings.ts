/** Editor settings under `ticketCurator.` turned into the service's configuration. */
import { resolveConfig, type PartialTicketConfig, type RuleSetting, type TicketConfig } from './service/index';
import { defaultExclude, defaultInclude } from './files';

/** The settings as the client sends them (all optional: any LSP client may send nothing). */
export interface TicketSettings {
	rules?: Record<string, RuleSetting>;
	categories?: string[];
	rootCauses?: string[];
	labels?: PartialTicketConfig['labels'];
	files?: { include?: string; exclude?: string };
	validate?: { debounce?: number };
}

export interface ServerSettings {
	readonly config: TicketConfig;
	readonly include: string;
	readonly exclude: string;
	readonly debounceMs: number;
}

export function toServerSettings(settings: TicketSettings | null | undefined): ServerSettings {
	const s = settings ?? {};
	return {
		config: resolveConfig({ rules: s.rules, categories: s.categories, rootCauses: s.rootCauses, labels: s.labels }),
		include: s.files?.include || defaultInclude,
		exclude: s.files?.exclude || defaultExclude,
		debounceMs: typeof s.validate?.debounce === 'number' ? Math.max(0, s.validate.debounce) : 200,
	};
}
