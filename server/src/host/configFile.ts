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
function findConfigFile(startDir: string): string | undefined {
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
		throw new ConfigError(path, [l10n.t('not valid JSON: {0}', (e as Error).message)]);
	}
	const isPackage = basename(path) === 'package.json';
	const value = isPackage ? (json as Record<string, unknown> | null)?.[packageJsonKey] : json;
	const problems = validateSettings(value, isPackage ? `/${packageJsonKey}` : '');
	if (problems.length) throw new ConfigError(path, problems);
	return { path, root: dirname(path), settings: value as TicketSettings };
}

let validator: ValidateFunction | undefined;

/** Problems with a configuration object, one line each; empty when it is valid. */
export function validateSettings(value: unknown, prefix = ''): string[] {
	validator ??= new Ajv({ allErrors: true, strict: false }).compile(schema);
	if (!validator(value)) return (validator.errors ?? []).filter(isLeaf).map((e) => describe(e, prefix));
	const problems: string[] = [];
	const settings = value as TicketSettings;
	for (const code of Object.keys(settings.rules ?? {})) {
		if ((ruleCodes as readonly string[]).includes(code)) continue;
		const guess = closest(code, ruleCodes);
		problems.push(
			guess
				? l10n.t('{0}: unknown rule `{1}`; did you mean `{2}`?', `${prefix}/rules`, code, guess)
				: l10n.t('{0}: unknown rule `{1}`', `${prefix}/rules`, code),
		);
	}
	const pattern = settings.labels?.declaredCount;
	if (pattern !== undefined) {
		try {
			new RegExp(pattern);
		} catch (e) {
			problems.push(l10n.t('{0}: not a valid regular expression: {1}', `${prefix}/labels/declaredCount`, (e as Error).message));
		}
	}
	return problems;
}

/** `propertyNames` reports twice (the name, then the object): keep the precise one. */
function isLeaf(error: ErrorObject): boolean {
	return error.keyword !== 'propertyNames';
}

function describe(error: ErrorObject, prefix: string): string {
	const where = `${prefix}${error.instancePath}` || '/';
	const p = error.params as Record<string, unknown>;
	switch (error.keyword) {
		case 'additionalProperties':
			return l10n.t('{0}: unknown property `{1}`', where, String(p.additionalProperty));
		case 'enum':
			return l10n.t('{0}: must be one of {1}', where, (p.allowedValues as unknown[]).map((v) => `\`${String(v)}\``).join(', '));
		case 'type':
			return l10n.t('{0}: must be of type {1}', where, String(p.type));
		case 'minLength':
			return l10n.t('{0}: must not be empty', where);
		case 'uniqueItems':
			return l10n.t('{0}: items {1} and {2} are the same', where, String(p.j), String(p.i));
		case 'pattern':
			return l10n.t('{0}: `{1}` is not a valid name', where, String(p.propertyName ?? ''));
		default:
			return `${where}: ${error.message ?? error.keyword}`;
	}
}
