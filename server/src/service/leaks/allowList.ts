/**
 * The allow-list: values the curator has accepted (a company's public hotline, the vendor's
 * documentation links). An entry matches a value exactly, ignoring case and the spaces and dashes
 * inside numbers; `*` in an entry stands for any run of characters (`https://developer.qiniu.com/*`).
 */

export type AllowList = (value: string) => boolean;

const compiled = new WeakMap<readonly string[], AllowList>();

const normalize = (value: string) => (/^[\d +()-]+$/.test(value) ? value.replace(/[ ()-]/g, '') : value).toLowerCase();

export function allowListFor(entries: readonly string[]): AllowList {
	let allow = compiled.get(entries);
	if (allow) return allow;
	const exact = new Set<string>();
	const patterns: RegExp[] = [];
	for (const raw of entries) {
		const entry = raw.trim();
		if (!entry) continue;
		if (entry.includes('*')) {
			const source = entry
				.split('*')
				.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
				.join('.*');
			patterns.push(new RegExp(`^${source}$`, 'is'));
		} else exact.add(normalize(entry));
	}
	allow = (value) => exact.has(normalize(value)) || patterns.some((p) => p.test(value));
	compiled.set(entries, allow);
	return allow;
}
