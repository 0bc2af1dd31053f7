/**
 * Where "keep the label" writes (server/src/service/fixes/labelFix.ts): the configuration file in
 * force, read now so the edit adds to what it says; without one, a new `.ticketcurator.json` in
 * the workspace root.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { KeepTarget } from '../service/index';
import { configFileName } from './configFile';
import type { ServerSettings } from './settings';

export function keepTarget(settings: Pick<ServerSettings, 'root' | 'configPath'>): KeepTarget | undefined {
	const path = settings.configPath ?? (settings.root ? join(settings.root, configFileName) : undefined);
	if (!path) return undefined;
	let text: string | undefined;
	try {
		text = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
	} catch {
		// Unreadable now: no keep action rather than one that would overwrite it.
		return undefined;
	}
	return { uri: pathToFileURL(path).href, text, folderUri: pathToFileURL(dirname(path)).href };
}
