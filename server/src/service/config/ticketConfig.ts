/**
 * What the service is configured with. Editor settings, the `.ticketcurator.json` file and the
 * command line all come down to this one shape.
 */
import { chineseLabels, type TicketLabels } from './labels';
import type { RuleCode, RuleSetting } from '../rules/catalog';
import { defaultProductEvidence, defaultRootCauseEvidence, resolveEvidence, type EvidenceSetting, type EvidenceTable } from '../labels/evidence';

/** A label a curator reviewed and kept: its finding does not return for that ticket (by title) of that file. */
export interface KeptLabel {
	/** The dump, as a path relative to the configuration file's folder (`/`-separated). */
	readonly file: string;
	readonly title: string;
	/** The root cause or product kept. */
	readonly label: string;
}

export interface TicketConfig {
	/** Severity per rule code; rules not named keep their default. */
	readonly rules: Readonly<Partial<Record<RuleCode, RuleSetting>>>;
	/** The category taxonomy (`product｜subcategory`); empty means "learn it from the workspace". */
	readonly categories: readonly string[];
	/** Known root-cause labels. */
	readonly rootCauses: readonly string[];
	readonly labels: TicketLabels;
	/** Terms a ticket with each root cause is expected to mention (labels/evidence.ts); an empty list marks the catch-all. */
	readonly rootCauseEvidence: EvidenceTable;
	/** Terms a ticket of each product is expected to mention. */
	readonly productEvidence: EvidenceTable;
	/** Labels kept after review, whose findings are not reported again. */
	readonly keptLabels: readonly KeptLabel[];
	/** Values the personal-data and secret checks accept (`*` matches any run of characters). */
	readonly allowList: readonly string[];
	/** Hosts of public documentation: a redaction leak of a link to them is `information` unless `redaction-leak` is configured. */
	readonly publicDocHosts: readonly string[];
	/** Near duplicates: the estimated Jaccard similarity (0..1] of character 5-shingles from which two tickets are reported. */
	readonly duplicates: { readonly threshold: number };
	readonly limits: {
		/** A file larger than this (UTF-8 megabytes) is outlined but not checked (one `file-too-large` diagnostic says so). */
		readonly maxFileSizeMB: number;
		/** A dump with more tickets than this is outlined by tickets only, without their sections (the file symbol's detail says so). */
		readonly outlineSectionsMaxTickets: number;
	};
}

export const defaultDuplicateThreshold = 0.8;

/** Above the 20 MB of the biggest dumps seen (about 12,000 tickets, checked in seconds), below what strains memory. */
export const defaultMaxFileSizeMB = 50;

/**
 * Parts hold about a hundred tickets. Past 5,000, the sections would make the Outline tens of
 * thousands of symbols: a 13,000-ticket dump's is 15 MB of JSON, 0.7 s from request to answer
 * (0.4 s without sections), most of it spent encoding and decoding it.
 */
export const defaultOutlineSectionsMaxTickets = 5000;

/** The eight labels of the real dump (docs/TICKET-FORMAT.md). */
export const defaultRootCauses: readonly string[] = [
	'SSL/TLS证书配置问题',
	'需要进一步排查具体原因',
	'网络连接问题或DNS解析异常',
	'配置参数错误或不当',
	'认证凭证或权限配置问题',
	'CDN节点或缓存问题',
	'账户密码或登录凭证问题',
	'文件传输或分片处理问题',
];

/**
 * Public documentation sites. A link to one that the dialog masked and the answer did not is the
 * anonymiser's excess, not a person's data: on the real dump 35 of 67 redaction leaks are
 * developer.qiniu.com pages. Not code hosts (a github.com path names a user) nor consoles.
 */
export const defaultPublicDocHosts: readonly string[] = [
	'developer.qiniu.com',
	'developer.mozilla.org',
	'docs.aws.amazon.com',
	'learn.microsoft.com',
	'docs.microsoft.com',
	'cloud.google.com',
	'help.aliyun.com',
	'docs.github.com',
	'nginx.org',
];

export const defaultConfig: TicketConfig = {
	rules: {},
	categories: [],
	rootCauses: defaultRootCauses,
	labels: chineseLabels,
	rootCauseEvidence: defaultRootCauseEvidence,
	productEvidence: defaultProductEvidence,
	keptLabels: [],
	allowList: [],
	publicDocHosts: defaultPublicDocHosts,
	duplicates: { threshold: defaultDuplicateThreshold },
	limits: { maxFileSizeMB: defaultMaxFileSizeMB, outlineSectionsMaxTickets: defaultOutlineSectionsMaxTickets },
};

/** Fills what a partial configuration leaves out with the defaults. */
export interface PartialTicketConfig {
	readonly rules?: TicketConfig['rules'];
	readonly categories?: readonly string[];
	readonly rootCauses?: readonly string[];
	readonly allowList?: readonly string[];
	readonly publicDocHosts?: readonly string[];
	readonly rootCauseEvidence?: Readonly<Record<string, EvidenceSetting>>;
	readonly productEvidence?: Readonly<Record<string, EvidenceSetting>>;
	readonly keptLabels?: readonly KeptLabel[];
	readonly duplicates?: { readonly threshold?: number };
	readonly limits?: { readonly maxFileSizeMB?: number; readonly outlineSectionsMaxTickets?: number };
	readonly labels?: Partial<Omit<TicketLabels, 'sections' | 'speakers'>> & {
		readonly sections?: Partial<TicketLabels['sections']>;
		readonly speakers?: Partial<TicketLabels['speakers']>;
	};
}

export function resolveConfig(partial: PartialTicketConfig = {}): TicketConfig {
	return {
		rules: { ...partial.rules },
		categories: partial.categories ?? defaultConfig.categories,
		rootCauses: partial.rootCauses?.length ? partial.rootCauses : defaultConfig.rootCauses,
		allowList: partial.allowList ?? defaultConfig.allowList,
		publicDocHosts: (partial.publicDocHosts ?? defaultConfig.publicDocHosts).map((h) => h.toLowerCase()),
		rootCauseEvidence: partial.rootCauseEvidence ? resolveEvidence(defaultRootCauseEvidence, partial.rootCauseEvidence) : defaultRootCauseEvidence,
		productEvidence: partial.productEvidence ? resolveEvidence(defaultProductEvidence, partial.productEvidence) : defaultProductEvidence,
		keptLabels: (partial.keptLabels ?? []).filter((k) => typeof k?.file === 'string' && typeof k.title === 'string' && typeof k.label === 'string'),
		duplicates: { threshold: validThreshold(partial.duplicates?.threshold) },
		limits: {
			maxFileSizeMB: validSize(partial.limits?.maxFileSizeMB),
			outlineSectionsMaxTickets: validCount(partial.limits?.outlineSectionsMaxTickets, defaultOutlineSectionsMaxTickets),
		},
		labels: {
			...chineseLabels,
			...partial.labels,
			sections: { ...chineseLabels.sections, ...partial.labels?.sections },
			speakers: { ...chineseLabels.speakers, ...partial.labels?.speakers },
		},
	};
}

/** A threshold outside (0, 1] (or not a number) falls back to the default. */
function validThreshold(value: number | undefined): number {
	return typeof value === 'number' && value > 0 && value <= 1 ? value : defaultDuplicateThreshold;
}

/** A size that is not a positive number falls back to the default. */
function validSize(value: number | undefined): number {
	return typeof value === 'number' && value > 0 ? value : defaultMaxFileSizeMB;
}

/** A count that is not a whole number of at least 0 falls back to the default. */
function validCount(value: number | undefined, fallback: number): number {
	return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : fallback;
}
