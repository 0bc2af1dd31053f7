// Lint: typescript-eslint's recommended rules, plus the architecture rule that keeps the ticket
// language service editor-agnostic (no vscode, no LSP connection, no node: built-ins).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
	{ ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', '**/*.d.ts'] },
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		languageOptions: { globals: { ...globals.node } },
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'@typescript-eslint/no-non-null-assertion': 'off',
		},
	},
	{
		files: ['server/src/service/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					paths: [
						{ name: 'vscode', message: 'The ticket language service is editor-agnostic: no vscode here.' },
						{ name: 'vscode-languageserver', message: 'No LSP connection in the service; use vscode-languageserver-types.' },
						{ name: 'vscode-languageserver/node', message: 'No LSP connection in the service; use vscode-languageserver-types.' },
						{ name: 'vscode-languageclient', message: 'The service knows no client.' },
					],
					patterns: [
						{ group: ['node:*'], message: 'The service is pure: no Node built-ins (the host passes in what it needs).' },
						{ group: ['fs', 'path', 'os', 'child_process', 'url', 'util', 'crypto', 'worker_threads'], message: 'The service is pure: no Node built-ins.' },
						{ group: ['vscode-languageserver/*', 'vscode-languageclient/*'], message: 'No LSP connection in the service.' },
					],
				},
			],
		},
	},
	{
		// The service does not reach out into the server around it.
		files: ['server/src/service/*.ts'],
		rules: { 'no-restricted-syntax': ['error', { selector: "ImportDeclaration[source.value=/^\\.\\.\\//]", message: 'The service does not import the server around it.' }] },
	},
	{
		files: ['server/src/service/*/*.ts'],
		rules: { 'no-restricted-syntax': ['error', { selector: "ImportDeclaration[source.value=/^\\.\\.\\/\\.\\.\\//]", message: 'The service does not import the server around it.' }] },
	},
	{
		files: ['client/src/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ group: ['unified', 'remark-*', 'mdast*', '**/server/src/service/*', '!**/server/src/protocol'], message: 'The client parses nothing: ask the server.' },
					],
				},
			],
		},
	},
);
