/**
 * Editor settings checked against the configuration schema (server/src/host/editorSettings.ts), in
 * process: what VS Code sends for untouched settings passes as it is; a bad value gives way to the
 * setting's previous value and is said once. Over stdio: badSettings.test.ts.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EditorSettings } from '../../server/src/host/editorSettings';

/** The `ticketCurator` section as VS Code sends it when nothing is set: every contributed setting at its default. */
function vscodeDefaults(): Record<string, unknown> {
	const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
		contributes: { configuration: { properties: Record<string, { default: unknown }> } };
	};
	const section: Record<string, unknown> = {};
	for (const [key, { default: value }] of Object.entries(manifest.contributes.configuration.properties)) {
		const path = key.split('.').slice(1);
		let at = section;
		for (const name of path.slice(0, -1)) at = (at[name] ??= {}) as Record<string, unknown>;
		at[path[path.length - 1]] = value;
	}
	return section;
}

describe('editor settings (host/editorSettings.ts)', () => {
	it('takes what VS Code sends for settings left at their defaults, as it is', () => {
		const defaults = vscodeDefaults();
		assert.ok('trace' in defaults && 'validate' in defaults && 'files' in defaults);
		assert.deepEqual(new EditorSettings().accept(defaults), { settings: defaults, problems: [] });
	});

	it('keeps the previous value of a bad setting and says it once, again only when it comes back', () => {
		const check = new EditorSettings();
		check.accept({ files: { include: '**/*.md', exclude: '**/old/**' }, categories: ['A｜b'] });
		const bad = { files: { include: 42, exclude: '**/new/**' }, categories: ['A｜b', ''] };
		const first = check.accept(bad);
		assert.deepEqual(first.settings, { files: { include: '**/*.md', exclude: '**/new/**' }, categories: ['A｜b'] });
		assert.deepEqual(first.problems, ['ticketCurator.categories.1: must not be empty', 'ticketCurator.files.include: must be of type string']);
		assert.deepEqual(check.accept(bad).problems, []);
		check.accept({});
		assert.equal(check.accept(bad).problems.length, 2);
	});

	it('drops a bad value that had no previous one, and checks the rule codes and the pattern once the schema is met', () => {
		const accepted = new EditorSettings().accept({
			rules: { 'section-empty': 'loud', 'categry-unknown': 'off', separator: 'off' },
			labels: { declaredCount: '(' },
		});
		assert.deepEqual(accepted.settings, { rules: { separator: 'off' }, labels: {} });
		assert.deepEqual(accepted.problems, [
			'ticketCurator.rules.section-empty: must be one of `error`, `warning`, `information`, `hint`, `off`',
			'ticketCurator.rules: unknown rule `categry-unknown`; did you mean `category-unknown`?',
			'ticketCurator.labels.declaredCount: not a valid regular expression: Invalid regular expression: /(/: Unterminated group',
		]);
	});

	it('wants group 1 of the declared-count pattern (the number)', () => {
		assert.deepEqual(new EditorSettings().accept({ labels: { declaredCount: 'contains \\d+ tickets' } }).problems, [
			'ticketCurator.labels.declaredCount: has no group for the number; write it `(\\d+)`',
		]);
		assert.deepEqual(new EditorSettings().accept({ labels: { declaredCount: 'contains (\\d+) tickets' } }).problems, []);
	});

	it('takes a setting named like a property of every object for an unknown one', () => {
		const accepted = new EditorSettings().accept(JSON.parse('{"valueOf": 1, "__proto__": {"x": 1}, "rules": {"constructor": "off"}}'));
		assert.deepEqual(accepted.settings, { rules: {} });
		assert.equal(accepted.problems.length, 3);
	});

	it('keeps every previous setting when what came is no object, and takes none for null', () => {
		const check = new EditorSettings();
		check.accept({ validate: { debounce: 50 } });
		assert.deepEqual(check.accept('x'), { settings: { validate: { debounce: 50 } }, problems: ['ticketCurator: must be of type object'] });
		assert.deepEqual(check.accept([1]).settings, { validate: { debounce: 50 } });
		assert.deepEqual(check.accept(null), { settings: {}, problems: [] });
	});
});
