/** `tickets check`: findings, output formats, exit codes and the errors a user can make. */
import Ajv from 'ajv';
import { strict as assert } from 'node:assert';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { createTicketService, ruleCodes, ruleInfo } from '../../server/src/service/index';
import { cliFixtures, realDump, root, runCli, tempDir } from './runCli';

/** What the service itself finds in the real dump: the CLI must print exactly this. */
function expectedRealDumpFindings() {
	const text = readFileSync(realDump, 'utf8');
	const diagnostics = createTicketService().validate({ uri: pathToFileURL(realDump).href, version: 1, getText: () => text }) ?? [];
	return diagnostics;
}

describe('tickets check', () => {
	it('prints every finding of the real dump as file:line:col severity code message, and exits 1 only on errors', () => {
		const expected = expectedRealDumpFindings();
		assert.ok(expected.length > 0, 'the real dump has findings (hints at least)');
		const result = runCli(['check', 'test/fixtures/corpus']);
		const lines = result.stdout.split('\n').filter((l) => l.startsWith('test/fixtures/corpus/000_8bbabfb939ae27d4.txt:'));
		assert.equal(lines.length, expected.length);
		const printed = lines.map((l) => {
			const m = /^\S+?:(\d+):(\d+)\s+(\w+)\s+(\S+)\s+(.*)$/.exec(l);
			assert.ok(m, l);
			return `${m[1]}:${m[2]} ${m[4]}`;
		});
		const wanted = expected.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`);
		assert.deepEqual([...printed].sort(), [...wanted].sort());
		const errors = expected.filter((d) => d.severity === DiagnosticSeverity.Error).length;
		assert.equal(result.code, errors ? 1 : 0, result.stderr);
		assert.match(result.stdout, new RegExp(`^1 dump\\(s\\) checked: ${errors} error\\(s\\)`, 'm'));
		// The README next to the dump is no dump: nothing about it.
		assert.doesNotMatch(result.stdout, /README/);
	});

	it('exits 0 on a clean crafted dump, and prints only the summary', () => {
		const result = runCli(['check', join(cliFixtures, 'clean.md')]);
		assert.equal(result.code, 0, result.stdout + result.stderr);
		assert.equal(result.stdout, '1 dump(s) checked: 0 error(s), 0 warning(s), 0 information, 0 hint(s).\n');
	});

	it('exits 1 on errors, and on more warnings than --max-warnings', () => {
		const dir = tempDir();
		try {
			const text = readFileSync(join(cliFixtures, 'clean.md'), 'utf8');
			// An error: a ticket without its category line.
			writeFileSync(join(dir.path, 'error.md'), text.replace('**问题分类**: CDN｜证书问题\n', ''));
			const withError = runCli(['check', 'error.md'], { cwd: dir.path });
			assert.equal(withError.code, 1);
			assert.match(withError.stdout, /^error\.md:7:\d+\s+error\s+category-missing\s/m);
			// A warning: the ASCII bar as the category separator.
			writeFileSync(join(dir.path, 'warning.md'), text.replace('CDN｜证书问题', 'CDN|证书问题'));
			assert.equal(runCli(['check', 'warning.md'], { cwd: dir.path }).code, 0);
			assert.equal(runCli(['check', '--max-warnings', '1', 'warning.md'], { cwd: dir.path }).code, 0);
			const tooMany = runCli(['check', '--max-warnings=0', 'warning.md'], { cwd: dir.path });
			assert.equal(tooMany.code, 1);
			assert.match(tooMany.stderr, /1 warning\(s\), more than --max-warnings 0/);
			// --exit-zero reports the same and passes.
			const allowed = runCli(['check', '--exit-zero', '--max-warnings=0', 'warning.md', 'error.md'], { cwd: dir.path });
			assert.equal(allowed.code, 0);
			// The two files share their second ticket: a duplicate-ticket warning on each.
			assert.match(allowed.stdout, /^2 dump\(s\) checked: 1 error\(s\), 3 warning\(s\)/m);
		} finally {
			dir.remove();
		}
	});

	it('walks folders and expands globs, skipping files that are no dump', () => {
		const dir = tempDir();
		try {
			copyFileSync(join(cliFixtures, 'clean.md'), join(dir.path, 'a.md'));
			copyFileSync(join(cliFixtures, 'clean.md'), join(dir.path, 'b.txt'));
			writeFileSync(join(dir.path, 'README.md'), '# Notes\n\nNothing to see.\n');
			assert.match(runCli(['check', '.'], { cwd: dir.path }).stdout, /^2 dump\(s\) checked/m);
			assert.match(runCli(['check', '*.md'], { cwd: dir.path }).stdout, /^1 dump\(s\) checked/m);
			const none = runCli(['check', '*.csv'], { cwd: dir.path });
			assert.equal(none.code, 2);
			assert.equal(none.stderr, 'tickets: no files match *.csv\n');
		} finally {
			dir.remove();
		}
	});

	it('writes JSON with 1-based positions and the totals', () => {
		const result = runCli(['check', '--format', 'json', realDump]);
		const report = JSON.parse(result.stdout) as {
			files: { file: string; findings: { line: number; column: number; severity: string; code: string; message: string }[] }[];
			summary: Record<string, number>;
		};
		const expected = expectedRealDumpFindings();
		assert.equal(report.files.length, 1);
		assert.equal(report.files[0].findings.length, expected.length);
		const first = [...expected].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)[0];
		assert.deepEqual(
			{ line: report.files[0].findings[0].line, column: report.files[0].findings[0].column, code: report.files[0].findings[0].code },
			{ line: first.range.start.line + 1, column: first.range.start.character + 1, code: first.code },
		);
		assert.equal(report.summary.dumps, 1);
		assert.equal(report.summary.hints, expected.filter((d) => d.severity === DiagnosticSeverity.Hint).length);
	});

	it('writes SARIF 2.1.0 that validates against the official schema, one rule per code', () => {
		const result = runCli(['check', '--format', 'sarif', 'test/fixtures/corpus']);
		const log = JSON.parse(result.stdout) as SarifLog;
		const validate = sarifValidator();
		assert.deepEqual(validate(log), []);
		const run = log.runs[0];
		assert.deepEqual(
			run.tool.driver.rules.map((r) => r.id),
			[...ruleCodes],
		);
		for (const rule of run.tool.driver.rules) {
			assert.equal(rule.shortDescription.text, ruleInfo(rule.id)?.description.en, rule.id);
			assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level), rule.id);
		}
		assert.equal(run.results.length, expectedRealDumpFindings().length);
		for (const r of run.results) {
			assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
			assert.equal(r.locations[0].physicalLocation.artifactLocation.uri, 'test/fixtures/corpus/000_8bbabfb939ae27d4.txt');
		}
		// A clean dump is a valid log with no results.
		const clean = JSON.parse(runCli(['check', '-f', 'sarif', join(cliFixtures, 'clean.md')]).stdout) as SarifLog;
		assert.deepEqual(validate(clean), []);
		assert.deepEqual(clean.runs[0].results, []);
	});

	it('exits 2 with a clear message on an unknown option, a bad value, a missing path or an unknown command', () => {
		const unknown = runCli(['check', '--colour', 'test/fixtures/corpus']);
		assert.equal(unknown.code, 2);
		assert.equal(unknown.stdout, '');
		assert.equal(unknown.stderr, 'tickets: unknown option `--colour` for `tickets check`; see `tickets check --help`\n');
		const badFormat = runCli(['check', '--format', 'xml']);
		assert.equal(badFormat.code, 2);
		assert.equal(badFormat.stderr, 'tickets: option `--format` must be one of text, json, sarif, not `xml`\n');
		const badNumber = runCli(['check', '--max-warnings', 'many']);
		assert.equal(badNumber.code, 2);
		assert.match(badNumber.stderr, /`--max-warnings` needs a whole number/);
		const missing = runCli(['check', 'test/fixtures/no-such-dump.md']);
		assert.equal(missing.code, 2);
		assert.equal(missing.stderr, 'tickets: no such file or folder: test/fixtures/no-such-dump.md\n');
		const typo = runCli(['chek']);
		assert.equal(typo.code, 2);
		assert.equal(typo.stderr, 'tickets: unknown command `chek`; did you mean `check`?\n');
		for (const r of [unknown, badFormat, badNumber, missing, typo]) assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
	});

	it('reports a file that is not UTF-8 and exits 2, still checking the others', () => {
		const dir = tempDir();
		try {
			copyFileSync(join(cliFixtures, 'clean.md'), join(dir.path, 'good.md'));
			// "问题分类" in GBK: not valid UTF-8.
			writeFileSync(join(dir.path, 'gbk.md'), Buffer.from([0x23, 0x20, 0xce, 0xca, 0xcc, 0xe2, 0xb7, 0xd6, 0xc0, 0xe0, 0x0a]));
			const result = runCli(['check', '.'], { cwd: dir.path });
			assert.equal(result.code, 2);
			assert.match(result.stderr, /^tickets: gbk\.md is not UTF-8 text/m);
			assert.match(result.stdout, /^1 dump\(s\) checked/m);
		} finally {
			dir.remove();
		}
	});

	it('prints help for each command and speaks Chinese with --locale zh-cn or LANG', () => {
		const help = runCli(['check', '--help']);
		assert.equal(help.code, 0);
		assert.match(help.stdout, /^Usage: tickets check \[options\] \[paths or globs…\]/);
		assert.match(help.stdout, /--max-warnings N/);
		const zh = runCli(['check', '--locale', 'zh-cn', join(cliFixtures, 'clean.md')]);
		assert.match(zh.stdout, /已检查 1 个工单文件/);
		// Rule descriptions come from the catalog, in the same language as the rest.
		const zhSarif = JSON.parse(runCli(['check', '--locale', 'zh-cn', '-f', 'sarif', join(cliFixtures, 'clean.md')]).stdout) as SarifLog;
		assert.equal(zhSarif.runs[0].tool.driver.rules.find((r) => r.id === 'file-title')?.shortDescription.text, '文件有且只有一个一级标题。');
		assert.match(runCli(['--locale', 'zh-cn', 'check', '--help']).stdout, /^用法：tickets check /);
		const fromLang = runCli(['check', '--bogus'], { env: { LANG: 'zh_CN.UTF-8' } });
		assert.match(fromLang.stderr, /未知选项 `--bogus`/);
	});

	it('counts --format sarif paths from the folder it runs in', () => {
		const log = JSON.parse(runCli(['check', '-f', 'sarif', 'corpus'], { cwd: join(root, 'test', 'fixtures') }).stdout) as SarifLog;
		assert.equal(log.runs[0].originalUriBaseIds.ROOT.uri, `${pathToFileURL(join(root, 'test', 'fixtures')).href}/`);
		assert.ok(log.runs[0].results.every((r) => r.locations[0].physicalLocation.artifactLocation.uri.startsWith('corpus/')));
	});
});

/** The parts of a SARIF log the tests look at. */
interface SarifLog {
	runs: {
		tool: { driver: { rules: { id: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[] } };
		results: { ruleId: string; ruleIndex: number; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
		originalUriBaseIds: Record<string, { uri: string }>;
	}[];
}

/** The SARIF 2.1.0 schema shipped by @microsoft/jest-sarif (draft-04), compiled with ajv 8: gives the schema violations. */
function sarifValidator(): (log: unknown) => string[] {
	const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
	delete schema.$schema;
	schema.$id = schema.id;
	delete schema.id;
	const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
	ajv.addFormat('uri', (s: string) => URL.canParse(s));
	ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'file:///'));
	ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
	const validate = ajv.compile(schema);
	return (log) => (validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
}
