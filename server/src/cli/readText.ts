/**
 * Reads a dump as strict UTF-8: a file in another encoding (GBK exports are common) is reported,
 * not checked as mojibake. The BOM is kept apart so positions match the editor's and a fixed file
 * is written back with it.
 */
import * as l10n from '@vscode/l10n';
import { readFileSync } from 'node:fs';
import { CliError } from './errors';

interface FileText {
	readonly text: string;
	readonly bom: boolean;
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function readText(path: string, shownAs: string): FileText {
	let bytes: Buffer;
	try {
		bytes = readFileSync(path);
	} catch (e) {
		throw new CliError(l10n.t('cannot read {0} ({1})', shownAs, (e as NodeJS.ErrnoException).code ?? String(e)));
	}
	let text: string;
	try {
		text = decoder.decode(bytes);
	} catch {
		throw new CliError(l10n.t('{0} is not UTF-8 text; convert it first (e.g. `iconv -f GBK -t UTF-8`)', shownAs));
	}
	const bom = text.startsWith('\uFEFF');
	return { text: bom ? text.slice(1) : text, bom };
}
