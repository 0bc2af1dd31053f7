/**
 * What every command works on: the configuration (found from the current folder upwards, or
 * `--config`), the service configured with it, and the dumps among the given paths. Files that
 * cannot be read are reported and counted, and the others are still worked on.
 */
import * as l10n from '@vscode/l10n';
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError, loadConfig, readConfigFile, type ConfigFile } from '../host/configFile';
import { pathFilter } from '../host/pathFilter';
import { categoryLabel, createTicketService, type TicketService, type TicketTextDocument } from '../service/index';
import { toServerSettings, type ServerSettings } from '../host/settings';
import { CliError } from './errors';
import type { CliIO } from './io';
import { expandInputs } from './inputs';
import { createProgress } from './progress';
import { readText, type FileStamp } from './readText';

export interface Dump {
	readonly path: string;
	/** The path as shown to the user (relative to the current folder). */
	readonly name: string;
	readonly text: string;
	readonly bom: boolean;
	/** The file's size and modification time as it was read (`fix` refuses to overwrite a file changed since). */
	readonly stamp: FileStamp;
	readonly document: TicketTextDocument;
}

export interface CliWorkspace {
	readonly config?: ConfigFile;
	readonly settings: ServerSettings;
	readonly service: TicketService;
	/** Files that could not be read (already reported on standard error). */
	readonly unreadable: number;
	/** The candidate files of the given paths (the current folder when none), each real file once. */
	files(paths: readonly string[]): Promise<string[]>;
	/** Reads a file; undefined (and reported, unless `quiet`) when it cannot be read or is no dump. */
	read(path: string, quiet?: boolean): Dump | undefined;
	/**
	 * Every dump among the files, with a progress bar. When there are several, their categories
	 * are counted first so the `category-unknown` rule learns them from all of them, as the
	 * editor learns them from the workspace.
	 */
	dumps(files: readonly string[]): Iterable<Dump>;
}

export function openWorkspace(io: CliIO, configPath: string | undefined): CliWorkspace {
	const config = loadConfiguration(io.cwd, configPath);
	const settings = toServerSettings(config?.settings, config?.root ?? io.cwd);
	let categoryCounts: Map<string, number> | undefined;
	const service = createTicketService({
		config: settings.config,
		log: (message) => io.stderr.write(`${message}\n`),
		workspace: { categoryCounts: () => categoryCounts },
	});
	const isCandidate = pathFilter(settings.include, settings.exclude, settings.root);
	let unreadable = 0;

	const read = (path: string, quiet = false): Dump | undefined => {
		const name = (relative(io.cwd, path) || path).replace(/\\/g, '/');
		try {
			const { text, bom, stamp } = readText(path, name);
			if (!service.isTicketDump(text)) return undefined;
			return { path, name, text, bom, stamp, document: { uri: pathToFileURL(path).href, version: 1, getText: () => text } };
		} catch (e) {
			if (!(e instanceof CliError)) throw e;
			if (!quiet) {
				unreadable++;
				io.stderr.write(`tickets: ${e.message}\n`);
			}
			return undefined;
		}
	};

	const countCategories = (files: readonly string[]) => {
		const counts = new Map<string, number>();
		const separator = settings.config.labels.categorySeparator;
		for (const file of files) {
			const dump = read(file, true);
			if (!dump) continue;
			for (const t of service.digest(dump.text)) {
				const name = categoryLabel(t, separator);
				if (!name) continue;
				counts.set(name, (counts.get(name) ?? 0) + 1);
			}
		}
		return counts;
	};

	return {
		config,
		settings,
		service,
		get unreadable() {
			return unreadable;
		},
		files: (paths) => expandInputs(paths, io.cwd, isCandidate),
		read: (path, quiet) => read(path, quiet),
		*dumps(files) {
			categoryCounts = files.length > 1 ? countCategories(files) : undefined;
			const progress = createProgress(io.stderr, files.length);
			let found = 0;
			try {
				for (const file of files) {
					const dump = read(file);
					progress.tick(relative(io.cwd, file));
					if (dump) {
						found++;
						yield dump;
						// Each ticket is read once here: keeping its parse only costs memory (7 MB of dumps: half the time).
						service.clearParses();
					}
				}
			} finally {
				progress.done();
			}
			// Checking nothing must not pass a CI job (a wrong path, labels that do not match the dumps).
			if (!found && !unreadable) throw new CliError(noDumpMessage(files.length, settings));
		},
	};
}

function loadConfiguration(cwd: string, configPath: string | undefined): ConfigFile | undefined {
	try {
		return configPath ? readConfigFile(resolve(cwd, configPath)) : loadConfig(cwd);
	} catch (e) {
		if (!(e instanceof ConfigError)) throw e;
		const name = relative(cwd, e.path) || e.path;
		throw new CliError([l10n.t('invalid configuration in {0}:', name), ...e.problems.map((p) => `  ${p}`)].join('\n'));
	}
}

function noDumpMessage(files: number, settings: ServerSettings): string {
	const labels = settings.config.labels;
	return l10n.t(
		'no ticket dump among {0} file(s); a dump has `**{1}**{2}` category lines or a `# ` title with the declared count. Dumps in another language need their labels in .ticketcurator.json.',
		files,
		labels.categoryKey,
		labels.categoryColon,
	);
}
