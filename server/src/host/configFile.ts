/**
 * The shared configuration file: `.ticketcurator.json`, or the `ticketCurator` key of a
 * package.json, in a folder or any of its parents (the nearest wins). Read by the CLI and the
 * language server alike; validated against schemas/ticketcurator.schema.json (the same schema
 * VS Code uses to check the file as it is edited).
 */
import * as l10n from '@vscode/l10n';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import schema from '../../../schemas/ticketcurator.schema.json';
import { closest, ruleCodes } from '../service/index';
import type { TicketSettings } from './settings';

export const configFileName = '.ticketcurator.json';
const packageJsonKey = 'ticketCurator';

export interface ConfigFile {
	/** The file read (`.ticketcurator.json` or a package.json). */
	readonly path: string;
	/** Its folder: globs in it are relative to this. */
	readonly root: string;
	readonly settings: TicketSettings;
}

/** A configuration file that cannot be used; `problems` are one line each. */
export class ConfigError extends Error {
	constructor(
		readonly path: string,
		readonly problems: readonly string[],
	) {
		super(`${path}: ${problems.join('; ')}`);
	}
}

/** The nearest configuration file from `startDir` upwards, if any (not read beyond what finding it needs). */
export function findConfigFile(startDir: string): string | undefined {
	for (let dir = startDir; ; dir = dirname(dir)) {
		const own = join(dir, configFileName);
		if (existsSync(own)) return own;
		const pkg = join(dir, 'package.json');
		if (existsSync(pkg) && hasPackageKey(pkg)) return pkg;
		if (dirname(dir) === dir) return undefined;
	}
}

function hasPackageKey(path: string): boolean {
	try {
		const json = JSON.parse(readFileSync(path, 'utf8')) as unknown;
		return typeof json === 'object' && json !== null && packageJsonKey in json;
	} catch {
		// An unreadable package.json is not ours to report.
		return false;
	}
}

/** Finds and reads the nearest configuration; undefined when there is none. Throws ConfigError. */
export function loadConfig(startDir: string): ConfigFile | undefined {
	const path = findConfigFile(startDir);
	return path ? readConfigFile(path) : undefined;
}

/** Reads and validates one configuration file (a package.json is read under its `ticketCurator` key). Throws ConfigError. */
export function readConfigFile(path: string): ConfigFile {
	let text: string;
	try {
		text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
	} catch (e) {
		throw new ConfigError(path, [l10n.t('cannot read the file ({0})', (e as NodeJS.ErrnoException).code ?? String(e))]);
	}
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (e) {
		throw new ConfigError(path, [syntaxProblem(text, (e as Error).message)]);
	}
	const isPackage = basename(path) === 'package.json';
	const value = isPackage ? (json as Record<string, unknown> | null)?.[packageJsonKey] : json;
	const problems = validateSettings(value, isPackage ? `/${packageJsonKey}` : '');
	if (problems.length) throw new ConfigError(path, problems);
	return { path, root: dirname(path), settings: value as TicketSettings };
}

/** A JSON syntax error at its line and column (JSON.parse says "at position 33", or nothing at the end). */
function syntaxProblem(text: string, message: string): string {
	const at = /\s*(?:in JSON )?at position (\d+)/.exec(message);
	const offset = at ? Number(at[1]) : text.length;
	const before = text.slice(0, offset);
	const line = before.split('\n').length;
	const column = offset - before.lastIndexOf('\n');
	const reason = (at ? message.slice(0, at.index) + message.slice(at.index + at[0].length) : message).replace(/\s*\(line \d+ column \d+\)/, '');
	return l10n.t('not valid JSON at line {0}, column {1}: {2}', line, column, reason);
}

let fileValidator: ValidateFunction | undefined;
let editorValidator: ValidateFunction | undefined;

/**
 * What editor settings have besides the file's (package.json `contributes.configuration`): the
 * debounce, the most diagnostics published per file, and `trace.server`, which vscode-languageclient
 * reads and the server does not.
 */
const editorOnlyProperties = {
	validate: { type: 'object', additionalProperties: false, properties: { debounce: { type: 'number', minimum: 0 } } },
	diagnostics: {
		type: 'object',
		additionalProperties: false,
		properties: { maxPerFile: { type: 'integer', minimum: 0 }, scope: { enum: ['workspace', 'openFiles'] } },
	},
	trace: {},
};

/** A problem with a configuration: the path of the value at fault, and the line that says it. */
export interface SettingsProblem {
	readonly path: readonly string[];
	readonly text: string;
}

/** Problems with a configuration object, one line each; empty when it is valid. */
export function validateSettings(value: unknown, prefix = ''): string[] {
	return settingsProblems(value, (path) => `${prefix}${path.map((p) => `/${p}`).join('')}` || '/').map((p) => p.text);
}

/**
 * Problems with a configuration object (`.ticketcurator.json`, or with `editor` the editor's
 * settings, which may also hold the editor-only ones: host/editorSettings.ts), `where` writing a
 * path for the lines. All of them at once: against the schema, then the rule codes and the
 * declared-count pattern wherever their values have the right type.
 */
export function settingsProblems(value: unknown, where: (path: readonly string[]) => string, editor = false): SettingsProblem[] {
	const validator = editor
		? (editorValidator ??= new Ajv({ allErrors: true, strict: false }).compile({ ...schema, properties: { ...schema.properties, ...editorOnlyProperties } }))
		: (fileValidator ??= new Ajv({ allErrors: true, strict: false }).compile(schema));
	const problems: SettingsProblem[] = validator(value) ? [] : (validator.errors ?? []).filter(isLeaf).map((e) => describe(e, where));
	if (typeof value !== 'object' || value === null) return problems;
	const settings = value as TicketSettings;
	const rules = isObject(settings.rules) ? settings.rules : {};
	const said = new Set(problems.map((p) => p.path.join('/')));
	for (const code of Object.keys(rules)) {
		if ((ruleCodes as readonly string[]).includes(code) || said.has(`rules/${code}`)) continue;
		const guess = closest(code, ruleCodes);
		const at = where(['rules']);
		problems.push({
			path: ['rules', code],
			text: guess ? l10n.t('{0}: unknown rule `{1}`; did you mean `{2}`?', at, code, guess) : l10n.t('{0}: unknown rule `{1}`', at, code),
		});
	}
	const pattern = isObject(settings.labels) ? settings.labels.declaredCount : undefined;
	if (typeof pattern === 'string') {
		const path = ['labels', 'declaredCount'];
		try {
			new RegExp(pattern);
			// Group 1 is the number: a pattern without one matches and finds none.
			if (new RegExp(`(?:${pattern})|`).exec('')!.length < 2)
				problems.push({ path, text: l10n.t('{0}: has no group for the number; write it `(\\d+)`', where(path)) });
		} catch (e) {
			problems.push({ path, text: l10n.t('{0}: not a valid regular expression: {1}', where(path), (e as Error).message) });
		}
	}
	return problems;
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `propertyNames` reports twice (the name, then the object): keep the precise one. */
function isLeaf(error: ErrorObject): boolean {
	return error.keyword !== 'propertyNames';
}

function describe(error: ErrorObject, where: (path: readonly string[]) => string): SettingsProblem {
	const path = error.instancePath
		.split('/')
		.slice(1)
		.map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
	const at = where(path);
	const p = error.params as Record<string, unknown>;
	switch (error.keyword) {
		case 'additionalProperties':
			return { path: [...path, String(p.additionalProperty)], text: l10n.t('{0}: unknown property `{1}`', at, String(p.additionalProperty)) };
		case 'enum':
			return { path, text: l10n.t('{0}: must be one of {1}', at, (p.allowedValues as unknown[]).map((v) => `\`${String(v)}\``).join(', ')) };
		case 'type':
			return { path, text: l10n.t('{0}: must be of type {1}', at, String(p.type)) };
		case 'minLength':
			return { path, text: l10n.t('{0}: must not be empty', at) };
		case 'uniqueItems':
			return { path, text: l10n.t('{0}: items {1} and {2} are the same', at, String(p.j), String(p.i)) };
		case 'pattern': {
			// Under `propertyNames`, Ajv names the property on the error, not in its params.
			const name = error.propertyName ?? (p.propertyName as string | undefined);
			if (name === undefined) return { path, text: l10n.t('{0}: not of the expected form ({1})', at, String(p.pattern)) };
			return { path: [...path, name], text: l10n.t('{0}: `{1}` is not a valid name', at, name) };
		}
		default:
			return { path, text: `${at}: ${error.message ?? error.keyword}` };
	}
}
