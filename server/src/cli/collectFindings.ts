/**
 * Every finding of a set of dumps, as the editor shows them for a workspace: the service's rules
 * file by file, plus duplicate tickets across all of them. Used by `check` and `stats`.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { isSkippedFile, type TicketDocument, type TicketService } from '../service/index';
import { DumpDuplicates } from './dumpDuplicates';
import { validateWithProgress } from './validateSteps';
import { byPosition, type FileFindings } from './format/fileFindings';
import type { CliWorkspace, Dump } from './cliWorkspace';

/** `visit` sees each dump parsed, before it is dropped (for figures that need more than findings). */
export function findingsOf(workspace: CliWorkspace, files: readonly string[], visit?: (dump: Dump, document: TicketDocument) => void): FileFindings[] {
	// Duplicates are sought among the dumps of one configuration, as in one workspace.
	const duplicates = new Map<TicketService, DumpDuplicates>();
	const results: { uri: string; name: string; diagnostics: Diagnostic[] }[] = [];
	for (const dump of workspace.dumps(files)) {
		const { service } = dump;
		const document = service.parse(dump.document);
		results.push({ uri: dump.document.uri, name: dump.name, diagnostics: validateWithProgress(service, dump.document, dump.progress) });
		if (!duplicates.has(service)) duplicates.set(service, new DumpDuplicates());
		// A file whose tickets are not checked (file-too-large) gets no duplicate findings either.
		if (!isSkippedFile(dump.text, service.config)) duplicates.get(service)!.add(document);
		visit?.(dump, document);
		service.forget(dump.document.uri);
	}
	const copies = new Map<string, Diagnostic[]>();
	for (const [service, found] of duplicates) for (const [uri, list] of found.diagnostics(service.config)) copies.set(uri, list);
	return results.map((r) => ({ name: r.name, diagnostics: [...r.diagnostics, ...(copies.get(r.uri) ?? [])].sort(byPosition) }));
}
