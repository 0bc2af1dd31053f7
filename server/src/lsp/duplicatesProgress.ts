/**
 * The duplicate prints of the workspace as `window/workDoneProgress` ("Finding duplicate tickets
 * 312/1000 files"): they go on for a while after the index is read (a 100k-ticket workspace takes
 * seconds), and a client (or a benchmark) can tell when they are done.
 */
import * as l10n from '@vscode/l10n';
import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import type { BacklogProgress } from '../workspace/workspacePrints';

/** Reports at most this often. */
const reportMs = 250;

export function duplicatesProgress(connection: Connection): BacklogProgress {
	let reporter: Promise<WorkDoneProgressServerReporter> | undefined;
	let reported = 0;
	return {
		begin() {
			reporter = connection.window.createWorkDoneProgress().then((progress) => {
				progress.begin(l10n.t('Finding duplicate tickets'), 0, undefined);
				return progress;
			});
			reported = 0;
		},
		report(filesDone, filesTotal) {
			const now = Date.now();
			if (now - reported < reportMs) return;
			reported = now;
			void reporter?.then((progress) =>
				progress.report(Math.floor((filesDone * 100) / Math.max(1, filesTotal)), l10n.t('{0}/{1} files', filesDone, filesTotal)),
			);
		},
		end() {
			void reporter?.then((progress) => progress.done());
			reporter = undefined;
		},
	};
}
