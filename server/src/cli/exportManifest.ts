/**
 * `manifest.json` of an export: what made it (tool version, options, configuration, inputs with
 * their SHA-256), what it holds (counts per split, product and format) and what it left out and
 * why. It holds no time and no absolute path, so the same input, options and seed give the same
 * bytes.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { version } from '../../../package.json';
import { withheldReasons, type TicketConfig } from '../service/index';
import type { Collected, ExportFormat, WithheldTicket } from './exportCollect';

export const splitNames = ['train', 'validation', 'test'] as const;

export interface ManifestInput {
	readonly collected: Collected;
	readonly format: ExportFormat;
	readonly options: Readonly<Record<string, unknown>>;
	readonly config: TicketConfig;
	/** The configuration file as shown to the user, and its path to read; none when defaults apply. */
	readonly configFile?: { readonly name: string; readonly path: string };
	/** One per output file: its name, split (or `all`), and the products of its records. */
	readonly outputs: readonly { readonly file: string; readonly split: string; readonly products: readonly string[] }[];
	readonly split?: { readonly ratios: readonly number[]; readonly seed: number; readonly groups: number; readonly largestCrossSimilarity: number };
}

function countBy(values: Iterable<string>): Record<string, number> {
	const counts = new Map<string, number>();
	for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
	return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function byReason(withheld: readonly WithheldTicket[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const reason of withheldReasons) {
		const n = withheld.filter((w) => w.reasons.some((r) => r.reason === reason)).length;
		if (n) counts[reason] = n;
	}
	return counts;
}

export function exportManifest(m: ManifestInput): Record<string, unknown> {
	const exported = m.outputs.reduce((n, o) => n + o.products.length, 0);
	const products = countBy(m.outputs.flatMap((o) => o.products));
	return {
		tool: { name: 'ticket-curator', version },
		format: m.format,
		options: m.options,
		configuration: {
			file: m.configFile?.name ?? null,
			sha256: m.configFile ? createHash('sha256').update(readFileSync(m.configFile.path)).digest('hex') : null,
			duplicatesThreshold: m.config.duplicates.threshold,
			rules: m.config.rules,
			allowList: m.config.allowList.length,
		},
		gate: {
			withheld: m.options.allowFindings ? [] : ['leak', 'error-finding'],
			masked: !!m.options.mask,
			allowFindings: !!m.options.allowFindings,
			exactDuplicates: 'first copy exported',
		},
		inputs: m.collected.inputs,
		split: m.split
			? {
					ratios: m.split.ratios,
					seed: m.split.seed,
					groups: m.split.groups,
					threshold: m.config.duplicates.threshold,
					largestCrossSimilarity: m.split.largestCrossSimilarity,
				}
			: null,
		outputs: m.outputs.map((o) => ({ file: o.file, split: o.split, records: o.products.length, products: countBy(o.products) })),
		counts: {
			tickets: m.collected.tickets,
			exported,
			withheld: m.collected.withheld.length,
			byFormat: { [m.format]: exported },
			bySplit: Object.fromEntries(m.outputs.map((o) => [o.split, o.products.length])),
			byProduct: products,
		},
		withheld: { byReason: byReason(m.collected.withheld), tickets: m.collected.withheld },
	};
}
