/**
 * The editor's settings (from the initialize params, `workspace/configuration` or
 * `workspace/didChangeConfiguration`), checked as `.ticketcurator.json` is (configFile.ts, the same
 * schema) before anything uses them. A value that does not fit is dropped and the last good value of
 * that setting stays; each bad value is reported once, and again only if it comes back after a fix.
 */
import { settingsProblems, type SettingsProblem } from './configFile';
import type { TicketSettings } from './settings';

export interface AcceptedSettings {
	/** The settings in force: what came, but for the bad values. */
	readonly settings: TicketSettings;
	/** Problems not reported before, one line each (`ticketCurator.files.include: must be of type string`). */
	readonly problems: readonly string[];
}

/** Dropping one bad value may let a check see further (rule codes, the pattern): a few rounds. */
const maxRounds = 4;

const where = (path: readonly string[]) => ['ticketCurator', ...path].join('.');

export class EditorSettings {
	private current: TicketSettings = {};
	private reported = new Set<string>();

	/** Takes settings as they came (anything a client sends); undefined or null is none. */
	accept(raw: unknown): AcceptedSettings {
		const found: { key: string; text: string }[] = [];
		let settings: TicketSettings;
		if (raw === undefined || raw === null) settings = {};
		else if (typeof raw !== 'object' || Array.isArray(raw)) {
			found.push({ key: `=${JSON.stringify(raw)}`, text: settingsProblems(raw, where, true)[0]?.text ?? where([]) });
			settings = this.current;
		} else settings = this.withoutBadValues(structuredClone(raw) as Record<string, unknown>, found);
		this.current = settings;
		const problems = found.filter((f) => !this.reported.has(f.key)).map((f) => f.text);
		this.reported = new Set(found.map((f) => f.key));
		return { settings, problems: [...new Set(problems)] };
	}

	private withoutBadValues(value: Record<string, unknown>, found: { key: string; text: string }[]): TicketSettings {
		for (let round = 0; round < maxRounds; round++) {
			const problems = settingsProblems(value, where, true);
			if (!problems.length) return value as TicketSettings;
			for (const problem of problems) {
				const path = settingPath(value, problem);
				found.push({ key: `${path.join('.')}=${JSON.stringify(valueAt(value, path))}`, text: problem.text });
				restore(value, path, this.current as Record<string, unknown>);
			}
		}
		return this.current;
	}
}

/** The setting a problem is about: a list is one setting (`categories`), not its items. */
function settingPath(value: unknown, problem: SettingsProblem): string[] {
	const path: string[] = [];
	let at = value;
	for (const key of problem.path) {
		if (Array.isArray(at) || typeof at !== 'object' || at === null) break;
		path.push(key);
		at = own(at, key);
	}
	return path;
}

/** A value's own property: a setting named `valueOf` or `__proto__` is a bad value, not the prototype's. */
function own(value: unknown, key: string): unknown {
	return typeof value === 'object' && value !== null && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

function valueAt(value: unknown, path: readonly string[]): unknown {
	let at = value;
	for (const key of path) at = own(at, key);
	return at;
}

/** Puts the previous value at `path` back (or removes the value when there was none). */
function restore(value: Record<string, unknown>, path: readonly string[], previous: Record<string, unknown>): void {
	if (!path.length) {
		for (const key of Object.keys(value)) delete value[key];
		Object.assign(value, structuredClone(previous));
		return;
	}
	const parent = valueAt(value, path.slice(0, -1)) as Record<string, unknown>;
	const before = valueAt(previous, path);
	const key = path[path.length - 1];
	if (before === undefined) delete parent[key];
	else Object.defineProperty(parent, key, { value: structuredClone(before), writable: true, enumerable: true, configurable: true });
}
