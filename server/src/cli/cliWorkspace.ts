/**
 * What every command works on: the dumps among the given paths, each with the configuration found
 * from its own folder upwards (as ESLint, Prettier and markdownlint-cli2 find theirs), or the one
 * `--config` names for all of them, and a service configured with it. Files that cannot be read
 * are reported and counted, and the others are still worked on.
 */
import * as l10n from '@vscode/l10n';
import { dirname, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError, findConfigFile, readConfigFile, type ConfigFile } from '../host/configFile';
import { garbageWatch } from '../host/collectGarbage';
import { pathFilter, type PathFilter } from '../host/pathFilter';
import { categoryLabel, createTicketService, type TicketService, type TicketTextDocument } from '../service/index';
import { toServerSettings, type ServerSettings } from '../host/settings';
import { CliError } from './errors';
import type { CliIO } from './io';
import { expandInputs } from './inputs';
import { createProgress, type Progress } from './progress';
import { readText, type FileStamp } from './readText';

/** One configuration in force, and the service configured with it. */
export interface ConfigContext {
	readonly config?: ConfigFile;
	readonly settings: ServerSettings;
	readonly service: TicketService;
	readonly isCandidate: PathFilter;
}

export interface Dump {
	readonly path: string;
	/** The path as shown to the user (relative to the current folder). */
	readonly name: string;
	readonly text: string;
	readonly bom: boolean;
	/** The file's size and modification time as it was read (`fix` refuses to overwrite a file changed since). */
	readonly stamp: FileStamp;
	readonly document: TicketTextDocument;
	/** The service configured for this dump (its configuration found from its folder upwards). */
	readonly service: TicketService;
	readonly settings: ServerSettings;
	/** Reports how many of this dump's tickets are through (progress on standard error). */
	readonly progress: (done: number, total: number) => void;
}

export interface CliWorkspace {
	/** The configuration of the current folder (or `--config`): for what belongs to no one file. */
	readonly config?: ConfigFile;
	readonly settings: ServerSettings;
	readonly service: TicketService;
	/** The configuration in force for a file. Throws CliError when it is invalid. */
	contextOf(path: string): ConfigContext;
	/** Files that could not be read (already reported on standard error). */
	readonly unreadable: number;
	/** The candidate files of the given paths (the current folder when none), each real file once. */
	files(paths: readonly string[]): Promise<string[]>;
	/** Reads a file; undefined (and reported, unless `quiet`) when it cannot be read or is no dump. */
	read(path: string, quiet?: boolean): Dump | undefined;
	/**
	 * Every dump among the files, with a progress bar. When there are several under one
	 * configuration, the `category-unknown` rule learns the categories from all of them (counted when
	 * it first asks), as the editor learns them from the workspace.
	 */
	dumps(files: readonly string[]): Iterable<Dump>;
}

/** A configuration's context, and the dumps its `category-unknown` rule learns categories from. */
type LearningContext = ConfigContext & { categoryCounts?: Map<string, number>; categoryFiles?: readonly string[] };

export function openWorkspace(io: CliIO, configPath: string | undefined): CliWorkspace {
	const contexts = new Map<string, LearningContext>();
	const configOfFolder = new Map<string, string | undefined>();
	const given = configPath ? resolve(io.cwd, configPath) : undefined;

	const contextAt = (file: string | undefined): LearningContext => {
		const key = file ?? '';
		let context = contexts.get(key);
		if (context) return context;
		const config = file ? loadConfiguration(io.cwd, file) : undefined;
		const settings = toServerSettings(config?.settings, config?.root ?? io.cwd);
		const service = createTicketService({
			config: settings.config,
			log: (message) => io.stderr.write(`${message}\n`),
			workspace: { categoryCounts: () => context && learnedCategories(context) },
		});
		context = { config, settings, service, isCandidate: pathFilter(settings.include, settings.exclude, settings.root) };
		contexts.set(key, context);
		return context;
	};
	const configFileOf = (folder: string): string | undefined => {
		if (given) return given;
		if (!configOfFolder.has(folder)) configOfFolder.set(folder, findConfigFile(folder));
		return configOfFolder.get(folder);
	};
	const contextOf = (path: string) => contextAt(configFileOf(dirname(path)));
	/** Files a walk left out by an exclude glob, per glob: said when no dump is found, which they may explain. */
	const excludedBy = new Map<string, { count: number; example: string; config?: string }>();
	const isCandidate = (path: string): boolean => {
		const context = contextOf(path);
		if (context.isCandidate(path)) return true;
		const { exclude, root } = context.settings;
		if (pathFilter('**', exclude, root)(path)) return false;
		const known = excludedBy.get(exclude);
		if (known) known.count++;
		else
			excludedBy.set(exclude, {
				count: 1,
				example: relative(io.cwd, path) || path,
				config: context.config && (relative(io.cwd, context.config.path) || context.config.path),
			});
		return false;
	};
	const own = () => contextAt(configFileOf(io.cwd));
	let unreadable = 0;
	let progress: Progress | undefined;
	// V8 lets garbage pile up to gigabytes before it must collect: `fix` on a 30 MB dump peaked at
	// 1.9 GB without this, 0.71 GB with it; collected whenever the resident memory grew by this much.
	const collectNow = garbageWatch(128 * 1024 * 1024);
	const reportTickets = (done: number, total: number) => {
		progress?.tickets(done, total);
		collectNow();
	};

	const read = (path: string, quiet = false): Dump | undefined => {
		const name = (relative(io.cwd, path) || path).replace(/\\/g, '/');
		const { service, settings } = contextOf(path);
		try {
			const { text, bom, stamp } = readText(path, name);
			if (!service.isTicketDump(text)) return undefined;
			const document = { uri: pathToFileURL(path).href, version: 1, getText: () => text };
			return { path, name, text, bom, stamp, document, service, settings, progress: reportTickets };
		} catch (e) {
			if (!(e instanceof CliError)) throw e;
			if (!quiet) {
				unreadable++;
				io.stderr.write(`tickets: ${e.message}\n`);
			}
			return undefined;
		}
	};

	/**
	 * Which dumps each configuration learns its categories from, where it has several (one dump
	 * teaches nothing new). They are read when a rule first asks (learnedCategories): a command
	 * whose checks never ask (the export's gate) does not read every dump twice.
	 */
	const planCategories = (files: readonly string[]) => {
		const byContext = new Map<LearningContext, string[]>();
		for (const file of files) {
			const context = contextOf(file);
			byContext.set(context, [...(byContext.get(context) ?? []), file]);
		}
		for (const [context, group] of byContext) {
			context.categoryCounts = undefined;
			context.categoryFiles = group.length < 2 ? undefined : group;
		}
	};
	const learnedCategories = (context: LearningContext): Map<string, number> | undefined => {
		const group = context.categoryFiles;
		if (!group) return context.categoryCounts;
		context.categoryFiles = undefined;
		const counts = new Map<string, number>();
		const separator = context.settings.config.labels.categorySeparator;
		for (const file of group) {
			const dump = read(file, true);
			if (!dump) continue;
			for (const t of context.service.digest(dump.text)) {
				const name = categoryLabel(t, separator);
				if (!name) continue;
				counts.set(name, (counts.get(name) ?? 0) + 1);
			}
		}
		return (context.categoryCounts = counts);
	};

	return {
		get config() {
			return own().config;
		},
		get settings() {
			return own().settings;
		},
		get service() {
			return own().service;
		},
		contextOf,
		get unreadable() {
			return unreadable;
		},
		files: (paths) =>
			expandInputs(paths, io.cwd, isCandidate, (path, code) => {
				unreadable++;
				io.stderr.write(`tickets: ${l10n.t('cannot read the folder {0} ({1})', relative(io.cwd, path) || path, code)}\n`);
			}),
		read: (path, quiet) => read(path, quiet),
		*dumps(files) {
			planCategories(files);
			progress = createProgress(io.stderr, files.length, Date.now, io.progress);
			let found = 0;
			try {
				for (const file of files) {
					const dump = read(file);
					progress.tick(relative(io.cwd, file));
					if (dump) {
						found++;
						yield dump;
						// Each ticket is read once here: keeping its parse only costs memory (7 MB of dumps: half the time).
						dump.service.clearParses();
					}
				}
			} finally {
				progress.done();
				progress = undefined;
			}
			// Checking nothing must not pass a CI job (a wrong path, labels that do not match the dumps).
			if (!found && !unreadable) {
				const lines = [noDumpMessage(files.length, (files.length ? contextOf(files[0]) : own()).settings)];
				for (const [glob, { count, example, config }] of excludedBy) {
					const from = config ?? l10n.t('the default');
					lines.push(l10n.t('{0} file(s) under the folders given were skipped by files.exclude `{1}` ({2}), e.g. {3}', count, glob, from, example));
				}
				throw new CliError(lines.join('\n'));
			}
		},
	};
}

function loadConfiguration(cwd: string, path: string): ConfigFile {
	try {
		return readConfigFile(path);
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
