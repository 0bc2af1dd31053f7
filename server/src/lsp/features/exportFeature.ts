/**
 * `tickets/exportTrainingSet`: the editor's *Export Training Set…*. The export is `tickets export`
 * itself, run as a child process (host/exportProcess.ts) with the options the client picked; the
 * answer is the counts of the manifest it wrote. The output folder must exist and be empty or hold
 * an earlier export's manifest, so a request never scatters files into a folder of other things.
 */
import * as l10n from '@vscode/l10n';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { ExportProgressNotification, ExportTrainingSetRequest, type ExportTrainingSetParams, type ExportTrainingSetResult } from '../../../../common/protocol';
import { runExportProcess } from '../../host/exportProcess';
import { onCustomRequest } from '../checkedHandlers';
import type { ServerFeature } from '../serverContext';

export const exportFeature: ServerFeature = {
	register({ connection, onInitialized, log }) {
		let locale: string | undefined;
		onInitialized((params) => (locale = params.locale));
		onCustomRequest(connection, ExportTrainingSetRequest, async (params, token): Promise<ExportTrainingSetResult> => {
			const problem = refusal(params);
			if (problem) throw new ResponseError(ErrorCodes.InvalidParams, problem);
			const args = [
				...params.inputs,
				'--format',
				params.format,
				'--out',
				params.split ? params.folder : join(params.folder, `${params.format === 'csv' ? 'tickets.csv' : 'tickets.jsonl'}`),
				...(params.split ? ['--split', params.split.join(','), '--seed', String(params.seed ?? 1)] : []),
				...(params.mask ? ['--mask'] : []),
				...(params.allowFindings ? ['--allow-findings'] : []),
				'--progress',
				...(locale ? ['--locale', locale] : []),
			];
			const run = await runExportProcess(
				join(__dirname, 'cli.js'),
				args,
				params.inputs[0],
				(progress) => void connection.sendNotification(ExportProgressNotification, progress),
				(listener) => token.onCancellationRequested(listener),
			);
			if (run.code !== 0) {
				log(`export: exit ${run.code}: ${run.messages}`);
				throw new ResponseError(
					LSPErrorCodes.RequestFailed,
					run.messages.replace(/^tickets: /gm, '') || l10n.t('The export stopped (exit {0}).', String(run.code)),
				);
			}
			return summary(join(params.folder, 'manifest.json'));
		});
	},
};

/** Why the request cannot run as asked; undefined when it can. */
function refusal(params: ExportTrainingSetParams): string | undefined {
	if (!params.inputs.length) return l10n.t('No folder to export from.');
	const missing = params.inputs.find((p) => !isAbsolute(p) || !exists(p));
	if (missing !== undefined) return l10n.t('{0} is not a file or folder to export from.', missing);
	if (!isAbsolute(params.folder) || !isFolder(params.folder)) return l10n.t('{0} is not a folder.', params.folder);
	let names: string[];
	try {
		names = readdirSync(params.folder);
	} catch {
		return l10n.t('{0} is not a folder.', params.folder);
	}
	if (names.length && !names.includes('manifest.json')) return l10n.t('{0} holds other files: choose an empty folder or an earlier export.', params.folder);
	if (params.split && (params.split.length !== 3 || params.split.every((n) => n === 0)))
		return l10n.t('A split needs three shares for train, validation and test.');
	return undefined;
}

function exists(path: string): boolean {
	try {
		statSync(path);
		return true;
	} catch {
		return false;
	}
}

function isFolder(path: string): boolean {
	try {
		return statSync(path).isDirectory();
	} catch {
		return false;
	}
}

interface ManifestCounts {
	counts: { tickets: number; exported: number; withheld: number; bySplit: Record<string, number> };
	withheld: { byReason: Record<string, number> };
}

function summary(manifest: string): ExportTrainingSetResult {
	const m = JSON.parse(readFileSync(manifest, 'utf8')) as ManifestCounts;
	return {
		manifest,
		tickets: m.counts.tickets,
		exported: m.counts.exported,
		withheld: m.counts.withheld,
		byReason: m.withheld.byReason,
		bySplit: m.counts.bySplit,
	};
}
