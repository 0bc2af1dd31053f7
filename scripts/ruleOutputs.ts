// What `npm run generate` writes from the rule catalog (server/src/service/rules/catalog.ts): the
// new text of each file that repeats it, computed from the file's current text so that everything
// else in it (other keys, their order, the indentation) stays as it is.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleLanguages, ruleSettings, rules, type RuleInfo } from '../server/src/service/index';

export interface GeneratedFile {
	/** Relative to the repository root. */
	readonly path: string;
	readonly text: string;
}

export const readmeMarkers = { start: '<!-- rules:start -->', end: '<!-- rules:end -->' };

/** The nls key of a rule's setting description. */
export const ruleNlsKey = (code: string): string => `config.rule.${code}`;

/** Every generated file, as it should be now. */
export function ruleOutputs(root: string): GeneratedFile[] {
	const read = (path: string) => readFileSync(join(root, path), 'utf8');
	const json = (path: string, change: (value: never) => unknown): GeneratedFile => {
		const before = read(path);
		return { path, text: jsonLike(before, change(JSON.parse(before) as never)) };
	};
	const nls = (path: string, text: (r: RuleInfo) => string) => json(path, (table: Record<string, string>) => withRuleEntries(table, text));
	return [
		json('package.json', (manifest: { contributes: { configuration: { properties: Record<string, { properties: unknown }> } } }) => {
			manifest.contributes.configuration.properties['ticketCurator.rules'].properties = Object.fromEntries(
				rules.map((r) => [r.code, { type: 'string', enum: ruleSettings, default: r.severity, description: `%${ruleNlsKey(r.code)}%` }]),
			);
			return manifest;
		}),
		nls('package.nls.json', (r) => r.description.en),
		...ruleLanguages.map((language) => nls(`package.nls.${language}.json`, (r) => r.description[language])),
		json('schemas/ticketcurator.schema.json', (schema: { properties: { rules: { properties: unknown; additionalProperties: unknown } } }) => {
			const setting = { type: 'string', enum: ruleSettings };
			schema.properties.rules.additionalProperties = setting;
			schema.properties.rules.properties = Object.fromEntries(
				rules.map((r) => [r.code, { ...setting, description: `${r.description.en} (default: ${r.severity})` }]),
			);
			return schema;
		}),
		{ path: 'README.md', text: withRuleTable(read('README.md')) },
	];
}

/** `value` as JSON written like `before`: the same indentation, and a final newline if it had one. */
function jsonLike(before: string, value: unknown): string {
	const indent = /\n([ \t]+)"/.exec(before)?.[1] ?? '\t';
	return JSON.stringify(value, null, indent) + (before.endsWith('\n') ? '\n' : '');
}

/**
 * An nls table with one entry per rule: existing entries keep their place, a new rule's goes after
 * the rule before it in the catalog, entries of rules no longer in the catalog are dropped.
 */
function withRuleEntries(table: Record<string, string>, text: (r: RuleInfo) => string): Record<string, string> {
	const codes = new Set<string>(rules.map((r) => r.code));
	const isRuleKey = (key: string) => key.startsWith(ruleNlsKey(''));
	const entries = Object.entries(table).filter(([key]) => !isRuleKey(key) || codes.has(key.slice(ruleNlsKey('').length)));
	rules.forEach((r, i) => {
		const key = ruleNlsKey(r.code);
		const at = entries.findIndex(([k]) => k === key);
		if (at >= 0) {
			entries[at] = [key, text(r)];
			return;
		}
		const previous = i > 0 ? entries.findIndex(([k]) => k === ruleNlsKey(rules[i - 1].code)) : entries.findIndex(([k]) => isRuleKey(k)) - 1;
		entries.splice(previous >= 0 ? previous + 1 : entries.length, 0, [key, text(r)]);
	});
	return Object.fromEntries(entries);
}

/** The README with the rule table between its markers written anew. */
function withRuleTable(readme: string): string {
	const from = readme.indexOf(readmeMarkers.start);
	const to = readme.indexOf(readmeMarkers.end);
	if (from < 0 || to < from) throw new Error(`README.md: the rule table must stand between ${readmeMarkers.start} and ${readmeMarkers.end}`);
	const rows = rules.map((r) => `| \`${r.code}\` | ${r.severity} | ${r.finds.replace(/\|/g, '\\|')} |`);
	return `${readme.slice(0, from + readmeMarkers.start.length)}\n| code | default | finds |\n|---|---|---|\n${rows.join('\n')}\n${readme.slice(to)}`;
}
