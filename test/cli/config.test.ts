/**
 * The shared configuration file: found from the current folder upwards (or `--config`),
 * validated with clear messages, and enough on its own to check a dump written in English.
 */
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, validateSettings } from '../../server/src/host/configFile';
import { ruleCodes } from '../../server/src/service/index';
import { mergeSettings, toServerSettings } from '../../server/src/host/settings';
import { cliFixtures, root, runCli, tempDir } from './runCli';

const englishDir = join(cliFixtures, 'english');
const englishDump = join(englishDir, 'support-dump.md');
const englishConfig = JSON.parse(readFileSync(join(englishDir, '.ticketcurator.json'), 'utf8'));

describe('configuration file', () => {
	it('checks the English-label dump clean with the English configuration, found from the current folder', () => {
		const result = runCli(['check', 'support-dump.md'], { cwd: englishDir });
		assert.equal(result.code, 0, result.stdout + result.stderr);
		assert.equal(result.stdout, '1 dump(s) checked: 0 error(s), 0 warning(s), 0 information, 0 hint(s).\n');
		const stats = JSON.parse(runCli(['stats', '--json', '.'], { cwd: englishDir }).stdout);
		assert.equal(stats.tickets, 3);
		assert.deepEqual(
			stats.categories.map((c: { name: string }) => c.name),
			['CDN/Certificates', 'CDN/Configuration', 'Storage/Upload'],
		);
		assert.deepEqual(
			stats.withoutStaffAnswers.map((t: { title: string }) => t.title),
			['Cache rules ignored'],
		);
	});

	it('fails on the same dump without it: nothing in it reads as a ticket dump', () => {
		const dir = tempDir();
		try {
			copyFileSync(englishDump, join(dir.path, 'support-dump.md'));
			const result = runCli(['check', 'support-dump.md'], { cwd: dir.path });
			assert.equal(result.code, 2);
			assert.match(result.stderr, /^tickets: no ticket dump among 1 file\(s\); a dump has `\*\*问题分类\*\*:` category lines/);
			// Given explicitly, the configuration works from anywhere.
			assert.equal(runCli(['check', '--config', join(englishDir, '.ticketcurator.json'), 'support-dump.md'], { cwd: dir.path }).code, 0);
		} finally {
			dir.remove();
		}
	});

	it('finds the configuration in a parent folder, or under "ticketCurator" in package.json', () => {
		const dir = tempDir();
		try {
			mkdirSync(join(dir.path, 'dumps', 'part1'), { recursive: true });
			copyFileSync(englishDump, join(dir.path, 'dumps', 'part1', 'a.md'));
			writeFileSync(join(dir.path, 'package.json'), JSON.stringify({ name: 'curation', ticketCurator: englishConfig }));
			const fromChild = runCli(['check', '.'], { cwd: join(dir.path, 'dumps', 'part1') });
			assert.equal(fromChild.code, 0, fromChild.stderr);
			// The nearest file wins: a .ticketcurator.json below the package.json turns a rule up.
			writeFileSync(
				join(dir.path, 'dumps', '.ticketcurator.json'),
				JSON.stringify({ ...englishConfig, rootCauses: ['Something else'], rules: { 'root-cause-unknown': 'error' } }),
			);
			const stricter = runCli(['check', '.'], { cwd: join(dir.path, 'dumps', 'part1') });
			assert.equal(stricter.code, 1);
			assert.equal((stricter.stdout.match(/^a\.md:\d+:\d+\s+error\s+root-cause-unknown\s/gm) ?? []).length, 3);
		} finally {
			dir.remove();
		}
	});

	it('uses the glob of dump files, relative to the configuration', () => {
		const dir = tempDir();
		try {
			mkdirSync(join(dir.path, 'dumps'));
			mkdirSync(join(dir.path, 'drafts'));
			copyFileSync(join(cliFixtures, 'clean.md'), join(dir.path, 'dumps', 'a.md'));
			copyFileSync(join(cliFixtures, 'clean.md'), join(dir.path, 'drafts', 'b.md'));
			writeFileSync(join(dir.path, '.ticketcurator.json'), JSON.stringify({ files: { include: 'dumps/**/*.md' } }));
			assert.match(runCli(['check'], { cwd: dir.path }).stdout, /^1 dump\(s\) checked/m);
		} finally {
			dir.remove();
		}
	});

	it('rejects an invalid configuration with every problem at once, one clear line each, and exit code 2', () => {
		const dir = tempDir();
		try {
			copyFileSync(join(cliFixtures, 'clean.md'), join(dir.path, 'a.md'));
			writeFileSync(
				join(dir.path, '.ticketcurator.json'),
				JSON.stringify({
					rules: { 'category-unknwn': 'error', 'section-empty': 'loud', 'Not A Code': 'off' },
					rootCause: [],
					labels: { speakers: { customer: '' }, declaredCount: '(\\d+' },
				}),
			);
			const result = runCli(['check', 'a.md'], { cwd: dir.path });
			assert.equal(result.code, 2);
			assert.equal(
				result.stderr,
				[
					'tickets: invalid configuration in .ticketcurator.json:',
					'  /: unknown property `rootCause`',
					'  /rules: `Not A Code` is not a valid name',
					'  /rules/section-empty: must be one of `error`, `warning`, `information`, `hint`, `off`',
					'  /labels/speakers/customer: must not be empty',
					'  /rules: unknown rule `category-unknwn`; did you mean `category-unknown`?',
					'  /labels/declaredCount: not a valid regular expression: Invalid regular expression: /(\\d+/: Unterminated group',
					'',
				].join('\n'),
			);
			// A syntax error says where, by line and column.
			writeFileSync(join(dir.path, '.ticketcurator.json'), '{\n  "rules": {\n    "section-empty": "off",\n  }\n}\n');
			assert.equal(
				runCli(['check', 'a.md'], { cwd: dir.path }).stderr,
				'tickets: invalid configuration in .ticketcurator.json:\n  not valid JSON at line 4, column 3: Expected double-quoted property name\n',
			);
			writeFileSync(join(dir.path, '.ticketcurator.json'), '{ "rules": { ');
			assert.match(
				runCli(['check', 'a.md'], { cwd: dir.path }).stderr,
				/^tickets: invalid configuration in \.ticketcurator\.json:\n {2}not valid JSON at line 1, column 14: /,
			);
		} finally {
			dir.remove();
		}
	});

	it('has a schema that names every rule code of the catalog', () => {
		const schema = JSON.parse(readFileSync(join(root, 'schemas', 'ticketcurator.schema.json'), 'utf8'));
		assert.deepEqual(Object.keys(schema.properties.rules.properties), [...ruleCodes], 'run `npm run generate` after adding a rule');
		assert.deepEqual(validateSettings(englishConfig), []);
		const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
		assert.deepEqual(manifest.contributes.jsonValidation, [
			{ fileMatch: '.ticketcurator.json', url: './schemas/ticketcurator.schema.json' },
			{ fileMatch: 'package.json', url: './schemas/package.schema.json' },
		]);
	});

	it('lets editor settings override the file: set values win, rules and labels merge, allow-lists add up', () => {
		const file = loadConfig(englishDir)!;
		assert.equal(file.path, join(englishDir, '.ticketcurator.json'));
		// What VS Code sends for a workspace that changed nothing: the defaults.
		const untouched = toServerSettings(
			mergeSettings(file.settings, {
				rules: {},
				categories: [],
				rootCauses: [],
				files: { include: '**/*.{md,txt}', exclude: '**/{node_modules,.git,dist,out}/**' },
			}),
		);
		assert.equal(untouched.config.labels.speakers.staff, 'Agent');
		assert.deepEqual(untouched.config.rootCauses, englishConfig.rootCauses);
		const merged = mergeSettings(
			{ ...file.settings, rules: { 'section-empty': 'error', 'duplicate-title': 'off' }, allowList: ['support@example.com'], files: { include: 'dumps/**' } },
			{
				rules: { 'section-empty': 'hint' },
				rootCauses: ['Editor label'],
				labels: { speakers: { staff: 'Support' } },
				allowList: ['cdn.example.com'],
				files: { include: '**/*.{md,txt}' },
			},
		);
		assert.deepEqual(merged.rules, { 'section-empty': 'hint', 'duplicate-title': 'off' });
		assert.deepEqual(merged.rootCauses, ['Editor label']);
		assert.deepEqual(merged.labels?.speakers, { customer: 'Customer', staff: 'Support' });
		assert.equal(merged.labels?.categoryKey, 'Category');
		assert.deepEqual(merged.allowList, ['support@example.com', 'cdn.example.com']);
		assert.equal(merged.files?.include, 'dumps/**');
	});

	it('takes the limits from the file unless the editor sets them to something other than their defaults', () => {
		const file = { limits: { maxFileSizeMB: 5, outlineSectionsMaxTickets: 200 } };
		assert.deepEqual(toServerSettings(mergeSettings(file, { limits: { maxFileSizeMB: 50, outlineSectionsMaxTickets: 5000 } })).config.limits, {
			maxFileSizeMB: 5,
			outlineSectionsMaxTickets: 200,
		});
		assert.deepEqual(toServerSettings(mergeSettings(file, { limits: { maxFileSizeMB: 50, outlineSectionsMaxTickets: 0 } })).config.limits, {
			maxFileSizeMB: 5,
			outlineSectionsMaxTickets: 0,
		});
		assert.deepEqual(toServerSettings(mergeSettings(undefined, null)).config.limits, { maxFileSizeMB: 50, outlineSectionsMaxTickets: 5000 });
		assert.deepEqual(toServerSettings({ limits: { outlineSectionsMaxTickets: -1 } }).config.limits.outlineSectionsMaxTickets, 5000, 'not a count: the default');
		assert.deepEqual(validateSettings({ limits: { outlineSectionsMaxTickets: 1.5 } }).length, 1);
	});
});
