/**
 * Every rule of the catalog (server/src/service/rules/catalog.ts), and only those, in every file that
 * repeats it: package.json's settings, both nls files, the configuration schema and the README's
 * rule table, with the catalog's default and texts. `npm run generate` writes them.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleCodes, rules, ruleSettings } from '../../server/src/service/index';
import { readmeMarkers, ruleOutputs } from '../../scripts/ruleOutputs';

const root = join(__dirname, '..', '..');
const readJson = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8'));
const severities = Object.fromEntries(rules.map((r) => [r.code, r.severity]));
const fix = 'out of step with the rule catalog: run `npm run generate`';

interface Setting {
	readonly type: string;
	readonly enum: readonly string[];
	readonly default?: string;
	readonly description: string;
}

describe('rule manifest', () => {
	it('has a `ticketCurator.rules` setting per code, in catalog order, defaulting to its severity, `off` allowed', () => {
		const settings: Record<string, Setting> = readJson('package.json').contributes.configuration.properties['ticketCurator.rules'].properties;
		assert.deepEqual(Object.keys(settings), [...ruleCodes], fix);
		assert.deepEqual(Object.fromEntries(Object.entries(settings).map(([code, s]) => [code, s.default])), severities, fix);
		for (const [code, s] of Object.entries(settings)) {
			assert.deepEqual(s.enum, ['error', 'warning', 'information', 'hint', 'off'], code);
			assert.equal(s.description, `%config.rule.${code}%`, code);
		}
		assert.deepEqual([...ruleSettings], ['error', 'warning', 'information', 'hint', 'off']);
	});

	for (const [file, language] of [
		['package.nls.json', 'en'],
		['package.nls.zh-cn.json', 'zh-cn'],
	] as const) {
		it(`describes every rule setting in ${file} as the catalog does`, () => {
			const table: Record<string, string> = readJson(file);
			const entries = Object.entries(table).filter(([key]) => key.startsWith('config.rule.'));
			assert.deepEqual(entries.map(([key]) => key.slice('config.rule.'.length)).sort(), [...ruleCodes].sort(), fix);
			for (const r of rules) {
				assert.ok(table[`config.rule.${r.code}`], r.code);
				assert.equal(table[`config.rule.${r.code}`], r.description[language], `${r.code}: ${fix}`);
			}
		});
	}

	it('names every rule in the configuration schema with its description and default', () => {
		const schema = readJson('schemas/ticketcurator.schema.json').properties.rules;
		const properties: Record<string, Setting> = schema.properties;
		assert.deepEqual(Object.keys(properties), [...ruleCodes], fix);
		for (const r of rules) {
			assert.equal(properties[r.code].description, `${r.description.en} (default: ${r.severity})`, `${r.code}: ${fix}`);
			assert.deepEqual(properties[r.code].enum, [...ruleSettings], r.code);
		}
		assert.deepEqual(schema.additionalProperties.enum, [...ruleSettings]);
	});

	it("lists every rule in the README's table, in catalog order, with its default and what it finds", () => {
		const readme = readFileSync(join(root, 'README.md'), 'utf8');
		const table = readme.slice(readme.indexOf(readmeMarkers.start), readme.indexOf(readmeMarkers.end));
		assert.ok(readme.indexOf(readmeMarkers.start) >= 0 && table.length > 0, 'the markers around the table');
		const rows = [...table.matchAll(/^\| `([^`]+)` \| (\w+) \| (.*) \|$/gm)].map((m) => ({ code: m[1], severity: m[2], finds: m[3].replace(/\\\|/g, '|') }));
		assert.deepEqual(
			rows.map((row) => row.code),
			[...ruleCodes],
			fix,
		);
		for (const row of rows) assert.equal(row.severity, severities[row.code], `${row.code}: ${fix}`);
		assert.deepEqual(
			rows.map((row) => row.finds),
			rules.map((r) => r.finds),
			fix,
		);
	});

	it('leaves the rule descriptions out of the l10n bundle: their translations are in the catalog only', () => {
		const bundle: Record<string, string> = readJson('l10n/bundle.l10n.zh-cn.json');
		assert.deepEqual(
			rules.filter((r) => r.description.en in bundle).map((r) => r.code),
			[],
		);
	});

	it('has every generated file as `npm run generate` writes it', () => {
		for (const file of ruleOutputs(root)) assert.ok(readFileSync(join(root, file.path), 'utf8') === file.text, `${file.path}: ${fix}`);
	});
});
