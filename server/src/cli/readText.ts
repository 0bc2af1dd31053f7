/**
 * Reads a dump as strict UTF-8: a file in another encoding (GBK exports are common) is reported,
 * not checked as mojibake. The BOM is kept apart so positions match the editor's and a fixed file
 * is written back with it.
 */
import * as l10n from '@vscode/l10n';
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { CliError } from './errors';

/** What the file was when read, to tell later whether it changed since. */
export interface FileStamp {
	readonly size: number;
	readonly mtimeMs: number;
}

interface FileText {
	readonly text: string;
	readonly bom: boolean;
	readonly stamp: FileStamp;
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function readText(path: string, shownAs: string): FileText {
	let bytes: Buffer;
	let stamp: FileStamp;
	let fd: number | undefined;
	try {
		// The stamp and the bytes come from one open file, so they describe the same file.
		fd = openSync(path, 'r');
		const info = fstatSync(fd);
		stamp = { size: info.size, mtimeMs: info.mtimeMs };
		bytes = readFileSync(fd);
	} catch (e) {
		throw new CliError(l10n.t('cannot read {0} ({1})', shownAs, (e as NodeJS.ErrnoException).code ?? String(e)));
	} finally {
		if (fd !== undefined) closeSync(fd);
	}
	if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
		throw new CliError(l10n.t('{0} is UTF-16 text; convert it first (e.g. `iconv -f UTF-16 -t UTF-8`)', shownAs));
	// A NUL is in no UTF-8 or GBK text: an image or an archive, not an export in another encoding.
	if (bytes.includes(0)) throw new CliError(l10n.t('{0} is a binary file (it holds NUL bytes), not a ticket dump', shownAs));
	let text: string;
	try {
		text = decoder.decode(bytes);
	} catch {
		throw new CliError(l10n.t('{0} is not UTF-8 text; convert it first (e.g. `iconv -f GBK -t UTF-8`)', shownAs));
	}
	const bom = text.startsWith('\uFEFF');
	return { text: bom ? text.slice(1) : text, bom, stamp };
}
