/** Fixture files and the small adapters the tests need to hand them to the service. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { rules, type SeverityName, type TicketTextDocument } from '../../server/src/service/index';

export const fixturesDir = join(__dirname, '..', 'fixtures');
export const defectsDir = join(fixturesDir, 'defects');
export const corpusDir = join(fixturesDir, 'corpus');
export const realDumpPath = join(corpusDir, '000_8bbabfb939ae27d4.txt');
/** The plain README next to the real dump: it must get nothing from us. */
export const readmePath = join(corpusDir, 'README.md');

const texts = new Map<string, string>();

export function readText(path: string): string {
	let text = texts.get(path);
	if (text === undefined) {
		text = readFileSync(path, 'utf8');
		texts.set(path, text);
	}
	return text;
}

export const realDumpText = (): string => readText(realDumpPath);
export const defectText = (name: string): string => readText(join(defectsDir, name));

export function textDocument(text: string, uri = 'file:///work/dump.md', version = 1): TicketTextDocument {
	return { uri, version, getText: () => text };
}

export function fileDocument(path: string, version = 1): TicketTextDocument {
	return textDocument(readText(path), pathToFileURL(path).href, version);
}

export const severityNames: Record<DiagnosticSeverity, SeverityName> = {
	[DiagnosticSeverity.Error]: 'error',
	[DiagnosticSeverity.Warning]: 'warning',
	[DiagnosticSeverity.Information]: 'information',
	[DiagnosticSeverity.Hint]: 'hint',
};

/** [code, severity, 1-based line] of a diagnostic, the shape the tests compare. */
export type Expected = readonly [code: string, severity: SeverityName, line: number];

export function summary(diagnostics: readonly Diagnostic[]): Expected[] {
	return diagnostics
		.map((d): Expected => [String(d.code), severityNames[d.severity!], d.range.start.line + 1])
		.sort((a, b) => a[2] - b[2] || a[0].localeCompare(b[0]));
}

/** The text a single-line range covers. */
export function covered(text: string, d: Diagnostic): string {
	const line = text.split(/\r\n|\r|\n/)[d.range.start.line];
	return d.range.end.line === d.range.start.line ? line.slice(d.range.start.character, d.range.end.character) : line.slice(d.range.start.character);
}

/** The structural rule codes (each has its defect fixture); curation rules have their own tests. */
export const foundationCodes: readonly string[] = rules.filter((r) => r.category === 'structure').map((r) => r.code);

export const isFoundationCode = (d: Diagnostic): boolean => foundationCodes.includes(String(d.code));
