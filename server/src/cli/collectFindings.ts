/**
 * Every finding of a set of dumps, as the editor shows them for a workspace: the service's rules
 * file by file, plus duplicate tickets across all of them. Used by `check` and `stats`.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { TicketDocument } from '../service/index';
import { DumpDuplicates } from './dumpDuplicates';
import { byPosition, type FileFindings } from './format/fileFindings';
import type { CliWorkspace, Dump } from './cliWorkspace';

/** `visit` sees each dump parsed, before it is dropped (for figures that need more than findings). */
export function findingsOf(workspace: CliWorkspace, files: readonly string[], visit?: (dump: Dump, document: TicketDocument) => void): FileFindings[] {
	const { service } = workspace;
	const duplicates = new DumpDuplicates();
	const results: { uri: string; name: string; diagnostics: Diagnostic[] }[] = [];
	for (const dump of workspace.dumps(files)) {
		const document = service.parse(dump.document);
		results.push({ uri: dump.document.uri, name: dump.name, diagnostics: service.validate(dump.document) ?? [] });
		duplicates.add(document);
		visit?.(dump, document);
		service.forget(dump.document.uri);
	}
	const copies = duplicates.diagnostics(service.config);
	return results.map((r) => ({ name: r.name, diagnostics: [...r.diagnostics, ...(copies.get(r.uri) ?? [])].sort(byPosition) }));
}
