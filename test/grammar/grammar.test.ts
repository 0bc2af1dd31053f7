/**
 * The TextMate grammar of ticket dumps (syntaxes/tickets.tmLanguage.json), run by vscode-tmgrammar-test:
 * the case files under cases/ assert scopes token by token; the real dump is tokenized whole and its
 * scopes counted against what its text holds.
 *
 * The grammar includes VS Code's Markdown grammar (`text.html.markdown`), which no dependency of ours
 * ships; markdown-standin.tmLanguage.json stands in for it with the same scope names and rule kinds.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tm from 'vscode-textmate';
import { createRegistry } from 'vscode-tmgrammar-test/dist/common/index';
import { defaultRootCauses } from '../../server/src/service/index';

const root = join(__dirname, '..', '..');
const ticketGrammar = join(root, 'syntaxes', 'tickets.tmLanguage.json');
const markdownGrammar = join(__dirname, 'markdown-standin.tmLanguage.json');
const casesDir = join(__dirname, 'cases');
const cli = require.resolve('vscode-tmgrammar-test/dist/unit.js');
const scopeName = 'text.html.markdown.tickets';

function runCases(file: string) {
	return spawnSync(process.execPath, [cli, '--compact', '-g', markdownGrammar, '-g', ticketGrammar, file], {
		cwd: root,
		encoding: 'utf8',
	});
}

describe('ticket grammar (vscode-tmgrammar-test)', () => {
	const cases = readdirSync(casesDir).filter((f) => f.endsWith('.test.tickets.md'));

	it('has case files', () => {
		assert.deepEqual(cases.sort(), ['redaction.test.tickets.md', 'structure.test.tickets.md']);
	});

	for (const file of cases) {
		it(`passes ${file}`, () => {
			const run = runCases(join(casesDir, file));
			assert.equal(run.status, 0, `vscode-tmgrammar-test failed:\n${run.stdout}\n${run.stderr}`);
			assert.match(run.stdout, /run successfuly/);
		});
	}

	it('reports a wrong scope (the runner is not vacuous)', () => {
		const run = runCases(join(__dirname, 'wrong-scope.tickets.md'));
		assert.notEqual(run.status, 0);
		assert.match(run.stdout, /Missing required scopes: \[ entity\.name\.function\.speaker\.staff\.tickets \]/);
	});

	it('is the grammar package.json contributes for the `tickets` language', () => {
		const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
		const entry = manifest.contributes.grammars.find((g: { language?: string }) => g.language === 'tickets');
		assert.ok(entry, 'no grammar contributed for the tickets language');
		assert.equal(entry.scopeName, scopeName);
		assert.equal(join(root, entry.path), ticketGrammar);
		assert.equal(JSON.parse(readFileSync(ticketGrammar, 'utf8')).scopeName, scopeName);
	});
});

describe('ticket grammar on the real dump', () => {
	const text = readFileSync(join(root, 'test', 'fixtures', 'corpus', '000_8bbabfb939ae27d4.txt'), 'utf8');
	const lines = text.split('\n');
	/** Token texts by their innermost scope, over the whole file. */
	const byScope = new Map<string, string[]>();

	before(async () => {
		const registry = createRegistry([
			{ path: markdownGrammar, scopeName: 'text.html.markdown' },
			{ path: ticketGrammar, scopeName },
		]);
		const grammar = await registry.loadGrammar(scopeName);
		assert.ok(grammar);
		let stack = tm.INITIAL;
		for (const line of lines) {
			const result = grammar.tokenizeLine(line, stack);
			stack = result.ruleStack;
			for (const token of result.tokens) {
				const scope = token.scopes[token.scopes.length - 1];
				const list = byScope.get(scope) ?? byScope.set(scope, []).get(scope)!;
				list.push(line.slice(token.startIndex, token.endIndex));
			}
		}
	});

	const count = (re: RegExp) => lines.filter((l) => re.test(l)).length;
	const tokens = (scope: string) => byScope.get(scope) ?? [];

	it('scopes every category line: product and subcategory', () => {
		const categories = lines.filter((l) => l.startsWith('**问题分类**: ')).map((l) => l.slice('**问题分类**: '.length).split('｜'));
		assert.equal(categories.length, 114);
		assert.deepEqual(
			tokens('entity.name.type.product.tickets'),
			categories.map((c) => c[0]),
		);
		assert.deepEqual(
			tokens('entity.other.attribute-name.subcategory.tickets'),
			categories.map((c) => c[1]),
		);
	});

	it('scopes every section heading and every root-cause label', () => {
		assert.equal(tokens('entity.name.section.description.tickets').length, 114);
		assert.equal(tokens('entity.name.section.answers.tickets').length, 110);
		assert.equal(tokens('entity.name.section.dialog.tickets').length, 114);
		const labels = tokens('string.unquoted.root-cause.tickets');
		assert.equal(labels.length, 114);
		for (const label of labels) assert.ok(defaultRootCauses.includes(label), `unexpected root-cause token ${label}`);
	});

	it('gives customer and staff labels their own scopes, one per turn', () => {
		assert.equal(tokens('variable.other.speaker.customer.tickets').length, count(/^\*\*客户\*\*：/));
		assert.equal(tokens('entity.name.function.speaker.staff.tickets').length, count(/^\*\*客服\*\*：/));
	});

	it('marks every [图片] and [REDACTED_…] placeholder', () => {
		const occurrences = (re: RegExp) => (text.match(re) ?? []).length;
		assert.equal(tokens('constant.character.escape.redaction.image.tickets').length, occurrences(/\[图片\]/g));
		assert.equal(tokens('constant.character.escape.redaction.placeholder.tickets').length, occurrences(/\[REDACTED_[A-Z_]+\]/g));
		assert.ok(tokens('constant.character.escape.redaction.ip.tickets').every((t) => /^\d+\.\d+\.\*\.\*$|^\d+\.\d+\.\d+\.\*$/.test(t)));
		assert.ok(tokens('constant.character.escape.redaction.mask.tickets').length > 100);
	});
});
