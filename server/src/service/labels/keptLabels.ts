/**
 * Labels a curator kept after review (`keptLabels` of the configuration): the finding of that
 * label on the ticket of that title in that file is not reported again. The file is written
 * relative to the configuration file's folder, so it matches the end of the document's path.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { KeptLabel, TicketConfig } from '../config/ticketConfig';

const labelCodes = new Set(['root-cause-unsupported', 'category-unsupported']);

/** The path of a `file:` (or any) URI, decoded, `/`-separated. */
export function uriPath(uri: string): string {
	const path = uri.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
	try {
		return decodeURIComponent(path);
	} catch {
		return path;
	}
}

function fileMatches(kept: KeptLabel, path: string): boolean {
	const file = kept.file.replace(/\\/g, '/').replace(/^\.\//, '');
	return path === file || path.endsWith(`/${file}`);
}

/** Whether `label` of the ticket titled `title` in the document `uri` was kept. */
export function isKept(config: TicketConfig, uri: string, title: string, label: string): boolean {
	if (!config.keptLabels.length) return false;
	const path = uriPath(uri);
	return config.keptLabels.some((k) => k.title === title && k.label === label && fileMatches(k, path));
}

/** The diagnostics of one ticket without the label findings its curator kept. */
export function withoutKept(diagnostics: readonly Diagnostic[], config: TicketConfig, uri: string): readonly Diagnostic[] {
	if (!config.keptLabels.length) return diagnostics;
	return diagnostics.filter((d) => {
		if (!labelCodes.has(String(d.code))) return true;
		const data = d.data as { title?: unknown; label?: unknown } | undefined;
		return !(typeof data?.title === 'string' && typeof data.label === 'string' && isKept(config, uri, data.title, data.label));
	});
}
