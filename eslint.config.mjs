// Lint: typescript-eslint's recommended rules, plus the architecture (docs/ARCHITECTURE.md): each
// layer imports only in its allowed direction (eslint/layers.mjs), the service and the workspace
// state stay pure (no vscode, no LSP connection, no Node built-ins), the client parses nothing.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { layersPlugin } from './eslint/layers.mjs';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'url', 'util', 'crypto', 'worker_threads', 'fs/promises', 'stream', 'v8', 'vm', 'net'];
const connection = [
	{ name: 'vscode-languageserver', message: 'Only server/src/lsp/ knows the LSP connection; use vscode-languageserver-types.' },
	{ name: 'vscode-languageserver/node', message: 'Only server/src/lsp/ knows the LSP connection; use vscode-languageserver-types.' },
];
const editor = [
	{ name: 'vscode', message: 'Only the client knows VS Code.' },
	{ name: 'vscode-languageclient', message: 'Only the client knows the language client.' },
	{ name: 'vscode-languageclient/node', message: 'Only the client knows the language client.' },
];
const noNode = (what) => [
	{ group: ['node:*'], message: `${what} is pure: no Node built-ins (the host passes in what it needs).` },
	{ group: nodeBuiltins, message: `${what} is pure: no Node built-ins.` },
];

export default tseslint.config(
	{ ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', '**/*.d.ts', 'test/fixtures/**'] },
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		languageOptions: { globals: { ...globals.node } },
		plugins: { layers: layersPlugin },
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'@typescript-eslint/no-non-null-assertion': 'off',
		},
	},
	{ files: ['common/**/*.ts', 'server/src/**/*.ts', 'client/src/**/*.ts'], rules: { 'layers/direction': 'error' } },
	{
		files: ['server/src/service/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					paths: [...editor, ...connection],
					patterns: [
						...noNode('The ticket language service'),
						{ group: ['vscode-languageserver/*', '!vscode-languageserver/node', 'vscode-languageclient/*'], message: 'No LSP connection in the service.' },
					],
				},
			],
		},
	},
	{
		files: ['server/src/workspace/**/*.ts'],
		rules: {
			'no-restricted-imports': ['error', { paths: [...editor, ...connection], patterns: noNode('The workspace state (files are read by whoever creates it)') }],
		},
	},
	{
		files: ['common/**/*.ts', 'server/src/host/**/*.ts', 'server/src/cli/**/*.ts'],
		rules: { 'no-restricted-imports': ['error', { paths: [...editor, ...connection] }] },
	},
	// The overview page runs in a browser (a webview or the report file): DOM globals, and like the client it parses nothing.
	{ files: ['client/page/**/*.ts'], languageOptions: { globals: { ...globals.browser } } },
	{
		files: ['client/src/**/*.ts'],
		rules: {
			'no-restricted-imports': ['error', { patterns: [{ group: ['unified', 'remark-*', 'mdast*'], message: 'The client parses nothing: ask the server.' }] }],
		},
	},
);
