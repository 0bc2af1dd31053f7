/**
 * The architecture's import directions (docs/ARCHITECTURE.md), enforced by the project's own ESLint
 * configuration: each fixture under test/fixtures/layers/ crosses one forbidden boundary and is
 * linted as if it stood where its first line says; the tree as it is has no violation.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';

const root = join(__dirname, '..', '..');
const fixtures = join(root, 'test', 'fixtures', 'layers');
const guardRules = ['no-restricted-imports', 'layers/direction'];

/** Each forbidden crossing and the rule that must stop it. */
const forbidden: Record<string, string> = {
	'service-imports-host.ts': 'layers/direction',
	'service-imports-node.ts': 'no-restricted-imports',
	'service-imports-connection.ts': 'no-restricted-imports',
	'workspace-imports-lsp.ts': 'layers/direction',
	'workspace-imports-host.ts': 'layers/direction',
	'workspace-imports-node.ts': 'no-restricted-imports',
	'host-imports-workspace.ts': 'layers/direction',
	'host-imports-lsp.ts': 'layers/direction',
	'lsp-imports-cli.ts': 'layers/direction',
	'cli-imports-lsp.ts': 'layers/direction',
	'common-imports-server.ts': 'layers/direction',
	'client-imports-server.ts': 'layers/direction',
	'client-imports-remark.ts': 'no-restricted-imports',
	'lsp-imports-service-inside.ts': 'layers/direction',
	'loose-file.ts': 'layers/direction',
};

describe('layers', function () {
	// Loading typescript-eslint takes a few seconds on a busy machine.
	this.timeout(60_000);
	const eslint = new ESLint({ cwd: root });

	/** The fixture's text and the path its first line names (`// Linted as PATH: why`). */
	function fixture(name: string): { code: string; path: string } {
		const code = readFileSync(join(fixtures, name), 'utf8');
		const m = /^\/\/ Linted as (\S+):/.exec(code);
		assert.ok(m, `${name} says where it is linted`);
		return { code, path: m[1] };
	}

	async function violations(name: string): Promise<string[]> {
		const { code, path } = fixture(name);
		const [result] = await eslint.lintText(code, { filePath: join(root, path) });
		return result.messages.filter((m) => m.ruleId && guardRules.includes(m.ruleId)).map((m) => `${m.ruleId}: ${m.message}`);
	}

	it('has a test for every fixture', () => {
		const names = readdirSync(fixtures).filter((n) => n !== 'allowed.ts');
		assert.deepEqual(names.sort(), Object.keys(forbidden).sort());
	});

	for (const [name, rule] of Object.entries(forbidden)) {
		it(`rejects ${name.replace(/\.ts$/, '').replace(/-/g, ' ')}`, async () => {
			const found = await violations(name);
			assert.equal(found.length, 1, found.join('\n') || `${name} passes the lint`);
			assert.ok(found[0].startsWith(`${rule}: `), found[0]);
		});
	}

	it('accepts every allowed direction: the LSP wiring importing common, host, service (its index) and workspace', async () => {
		assert.deepEqual(await violations('allowed.ts'), []);
	});

	it('holds for the tree as it is', async () => {
		const results = await eslint.lintFiles(['common/**/*.ts', 'server/src/**/*.ts', 'client/src/**/*.ts']);
		assert.ok(results.length >= 100, `${results.length} files linted`);
		const broken = results.flatMap((r) =>
			r.messages.filter((m) => m.ruleId && guardRules.includes(m.ruleId)).map((m) => `${r.filePath}:${m.line} ${m.message}`),
		);
		assert.deepEqual(broken, []);
	});

	it('leaves no loose file in server/src', () => {
		const loose = readdirSync(join(root, 'server', 'src'), { withFileTypes: true }).filter((e) => e.isFile());
		assert.deepEqual(
			loose.map((e) => e.name),
			[],
		);
	});
});
