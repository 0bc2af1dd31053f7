// The project's layers and the one direction each may import in (docs/ARCHITECTURE.md): a local
// ESLint rule that resolves every relative import to the file it names and checks both ends' layers.
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');

/** Folder of each layer, relative to the repository root. */
export const layers = {
	common: 'common',
	service: 'server/src/service',
	workspace: 'server/src/workspace',
	host: 'server/src/host',
	lsp: 'server/src/lsp',
	cli: 'server/src/cli',
	client: 'client/src',
};

/** What each layer may import besides itself. */
export const allowedImports = {
	common: [],
	service: [],
	workspace: ['service', 'common'],
	host: ['service', 'common'],
	lsp: ['service', 'workspace', 'host', 'common'],
	cli: ['service', 'workspace', 'host', 'common'],
	client: ['common'],
};

/** The service's one door: everyone outside it imports this file only. */
const serviceDoor = `${layers.service}/index.ts`;

function layerOf(path) {
	const rel = relative(root, path).split(sep).join('/');
	for (const [name, folder] of Object.entries(layers)) if (rel === folder || rel.startsWith(`${folder}/`)) return name;
	return undefined;
}

function resolveImport(fromFile, spec) {
	const base = resolve(dirname(fromFile), spec);
	for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) if (/\.\w+$/.test(candidate) && existsSync(candidate)) return candidate;
	return `${base}.ts`;
}

const layerRule = {
	meta: {
		type: 'problem',
		schema: [],
		messages: {
			direction: '{{from}}/ may not import {{to}}/ ({{allowed}}).',
			door: 'Outside the service, import {{door}} only, not {{target}}.',
			loose: 'server/src holds no loose files: put this file in the folder of its layer.',
		},
	},
	create(context) {
		const file = context.filename;
		const from = layerOf(file);
		const rel = relative(root, file).split(sep).join('/');
		const check = (node, spec) => {
			if (typeof spec !== 'string' || !spec.startsWith('.')) return;
			const target = resolveImport(file, spec);
			const to = layerOf(target);
			if (!from || !to || to === from) return;
			if (!allowedImports[from].includes(to)) {
				const allowed = allowedImports[from].length ? `it may import ${allowedImports[from].map((l) => `${l}/`).join(', ')}` : 'it imports no other layer';
				context.report({ node, messageId: 'direction', data: { from, to, allowed } });
			} else if (to === 'service' && relative(root, target).split(sep).join('/') !== serviceDoor) {
				context.report({ node, messageId: 'door', data: { door: serviceDoor, target: relative(root, target).split(sep).join('/') } });
			}
		};
		return {
			Program(node) {
				if (/^server\/src\/[^/]+\.ts$/.test(rel)) context.report({ node, messageId: 'loose' });
			},
			ImportDeclaration: (node) => check(node, node.source.value),
			ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
			ExportAllDeclaration: (node) => check(node, node.source.value),
			ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
			TSImportType: (node) => {
				const arg = node.argument?.literal ?? node.argument;
				if (arg?.type === 'Literal') check(node, arg.value);
			},
		};
	},
};

export const layersPlugin = { rules: { direction: layerRule } };
