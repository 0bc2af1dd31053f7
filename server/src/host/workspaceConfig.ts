/**
 * The server's view of the shared configuration file (.ticketcurator.json or package.json
 * "ticketCurator"): found from the workspace root upwards, and read again when it changes. The
 * folders holding it and the root are watched with fs.watch (one non-recursive watch each): cheap,
 * and it works with any LSP client, not only those that forward file events.
 */
import * as l10n from '@vscode/l10n';
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InitializeParams } from 'vscode-languageserver-protocol';
import { ConfigError, configFileName, loadConfig, type ConfigFile } from './configFile';
import type { TicketSettings } from './settings';

/** Saves come in bursts (write, rename, touch): read once they settle. */
const settleMs = 100;

interface WorkspaceConfigHost {
	log(message: string): void;
	/** The file is invalid: tell the user (the last valid configuration stays in force). */
	warn(message: string): void;
	/** The configuration changed (a file appeared, changed or went away). */
	changed(): void;
}

/** The workspace root from the initialize params: the first folder, else the legacy root URI or path. */
function workspaceRoot(params: InitializeParams): string | undefined {
	const uri = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
	if (uri?.startsWith('file:')) return fileURLToPath(uri);
	return params.rootPath ?? undefined;
}

export class WorkspaceConfig {
	private root: string | undefined;
	private file: ConfigFile | undefined;
	private readonly watchers = new Map<string, FSWatcher>();
	private timer: NodeJS.Timeout | undefined;

	constructor(private readonly host: WorkspaceConfigHost) {}

	/** The file's settings, when there is a valid one. */
	get settings(): TicketSettings | undefined {
		return this.file?.settings;
	}

	/** The configuration file in force, when there is a valid one. */
	get path(): string | undefined {
		return this.file?.path;
	}

	/** The folder globs are relative to: the configuration's, else the workspace root. */
	get folder(): string | undefined {
		return this.file?.root ?? this.root;
	}

	/** Reads the configuration for the workspace of these params and starts watching. */
	start(params: InitializeParams): void {
		this.root = workspaceRoot(params);
		if (!this.root) return;
		this.load();
		this.watchFolders();
	}

	dispose(): void {
		clearTimeout(this.timer);
		for (const w of this.watchers.values()) w.close();
		this.watchers.clear();
	}

	/** True when what is in force changed. */
	private load(): boolean {
		try {
			const next = loadConfig(this.root!);
			const changed = JSON.stringify(next) !== JSON.stringify(this.file);
			this.file = next;
			if (changed && next) this.host.log(l10n.t('Configuration read from {0}', next.path));
			return changed;
		} catch (e) {
			if (!(e instanceof ConfigError)) throw e;
			this.host.warn(l10n.t('Ticket Curator: {0} is invalid, the previous configuration stays in force: {1}', e.path, e.problems.join('; ')));
			return false;
		}
	}

	private watchFolders(): void {
		const folders = new Set([this.root!]);
		if (this.file) folders.add(dirname(this.file.path));
		for (const [folder, watcher] of this.watchers) {
			if (!folders.has(folder)) {
				watcher.close();
				this.watchers.delete(folder);
			}
		}
		for (const folder of folders) {
			if (this.watchers.has(folder)) continue;
			try {
				const watcher = watch(folder, { persistent: false }, (_event, name) => {
					const file = name ? basename(name.toString()) : undefined;
					if (!file || file === configFileName || file === 'package.json') this.schedule();
				});
				watcher.on('error', () => watcher.close());
				this.watchers.set(folder, watcher);
			} catch (e) {
				this.host.log(l10n.t('Cannot watch {0} for configuration changes: {1}', folder, (e as Error).message));
			}
		}
	}

	private schedule(): void {
		clearTimeout(this.timer);
		this.timer = setTimeout(() => {
			if (this.load()) {
				this.watchFolders();
				this.host.changed();
			}
		}, settleMs);
	}
}
