/**
 * The architecture rule: the ticket language service stays pure (no vscode, no LSP connection, no
 * Node built-ins, nothing from the server around it). Lints in-memory code as if it stood in
 * server/src/service/ with the project's own ESLint configuration.
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { ESLint } from 'eslint';

const root = join(__dirname, '..', '..');
const guardRules = ['no-restricted-imports', 'no-restricted-syntax'];

describe('architecture', function () {
	// Loading typescript-eslint takes a few seconds on a busy machine.
	this.timeout(60_000);
	const eslint = new ESLint({ cwd: root });

	async function violations(code: string, path: string): Promise<string[]> {
		const [result] = await eslint.lintText(code, { filePath: join(root, path) });
		return result.messages.filter((m) => m.ruleId && guardRules.includes(m.ruleId)).map((m) => `${m.ruleId}: ${m.message}`);
	}

	const impure: [what: string, code: string, path: string, rule: string][] = [
		['a node: built-in', "import * as fs from 'node:fs';\nexport const read = fs.readFileSync;\n", 'server/src/service/x.ts', 'no-restricted-imports'],
		['a bare built-in', "import { join } from 'path';\nexport const j = join;\n", 'server/src/service/x.ts', 'no-restricted-imports'],
		['vscode', "import 'vscode';\n", 'server/src/service/x.ts', 'no-restricted-imports'],
		['the LSP connection', "import { createConnection } from 'vscode-languageserver/node';\nexport const c = createConnection;\n", 'server/src/service/x.ts', 'no-restricted-imports'],
		['the server around it', "import '../files';\n", 'server/src/service/x.ts', 'no-restricted-syntax'],
		['the server, from a rule', "import { pathFilter } from '../../files';\nexport const p = pathFilter;\n", 'server/src/service/rules/x.ts', 'no-restricted-syntax'],
	];

	for (const [what, code, path, rule] of impure) {
		it(`rejects ${what} in ${path}`, async () => {
			const found = await violations(code, path);
			assert.ok(found.length >= 1, `${what} is reported`);
			for (const message of found) assert.ok(message.startsWith(`${rule}: `), message);
		});
	}

	it('accepts pure service code: LSP types and its own modules', async () => {
		const code = [
			"import type { Range } from 'vscode-languageserver-types';",
			"import { LineIndex } from './positions';",
			"import type { Finding } from './rules/finding';",
			'export const lines = (text: string, r: Range, f?: Finding): number => new LineIndex(text).lineCount + r.start.line + (f ? 1 : 0);',
			'',
		].join('\n');
		const [result] = await eslint.lintText(code, { filePath: join(root, 'server/src/service/x.ts') });
		assert.deepEqual(result.messages, []);
	});

	it('lets the server around the service use Node and the connection', async () => {
		assert.deepEqual(await violations("import * as fs from 'node:fs';\nimport '../files';\nexport const r = fs.readFileSync;\n", 'server/src/features/x.ts'), []);
	});

	it('holds for the service as it is', async () => {
		const results = await eslint.lintFiles(['server/src/service/**/*.ts']);
		assert.ok(results.length >= 20, `${results.length} service files linted`);
		const broken = results.flatMap((r) => r.messages.filter((m) => m.ruleId && guardRules.includes(m.ruleId)).map((m) => `${r.filePath}:${m.line} ${m.message}`));
		assert.deepEqual(broken, []);
	});
});
