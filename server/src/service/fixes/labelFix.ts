/**
 * Fixes of a label without evidence (root-cause-unsupported, category-unsupported): one action per
 * suggested label, writing it in place of the label, and "keep the label", which records the
 * curator's decision in the configuration file (`keptLabels`, by file and ticket title) so the
 * finding does not return. Neither is safe: relabelling is content, so fix-all never does it.
 */
import * as l10n from '@vscode/l10n';
import type { Diagnostic, WorkspaceEdit } from 'vscode-languageserver-types';
import type { KeptLabel } from '../config/ticketConfig';
import type { LabelKind, LabelSuggestion } from '../labels/labelSuspects';
import { uriPath } from '../labels/keptLabels';
import { diagnosticSource } from '../rules/catalog';
import type { Fix, FixContext } from './fixContext';

const labelCodes = ['root-cause-unsupported', 'category-unsupported'];

/** Where kept labels are written: the configuration file in force, or where a new one would go. */
export interface KeepTarget {
	/** The configuration file (`.ticketcurator.json`, or a package.json read under `ticketCurator`). */
	readonly uri: string;
	/** Its text; undefined when it does not exist yet. */
	readonly text?: string;
	/** The folder the file's paths are relative to (the configuration file's). */
	readonly folderUri: string;
}

interface LabelData {
	readonly kind: LabelKind;
	readonly label: string;
	readonly title: string;
	readonly suggestions: readonly LabelSuggestion[];
}

function labelData(diagnostic: Diagnostic): LabelData | undefined {
	const data = diagnostic.data as Partial<LabelData> | undefined;
	if (typeof data?.label !== 'string' || typeof data.title !== 'string' || !Array.isArray(data.suggestions)) return undefined;
	return data as LabelData;
}

export function relabelFixes(diagnostic: Diagnostic, { doc }: FixContext): Fix[] {
	const data = labelData(diagnostic);
	if (!data) return [];
	const current = doc.text.slice(doc.index.offsetAt(diagnostic.range.start), doc.index.offsetAt(diagnostic.range.end));
	// The diagnostic may be older than the text: never overwrite a label it was not about.
	if (current !== data.label) return [];
	return data.suggestions.map((s, i) => ({
		title:
			data.kind === 'rootCause'
				? l10n.t('Change the root cause to `{0}` (confidence {1})', s.label, s.confidence.toFixed(2))
				: l10n.t('Change the product to `{0}` (confidence {1})', s.label, s.confidence.toFixed(2)),
		edits: [{ range: diagnostic.range, newText: s.label }],
		preferred: i === 0,
	}));
}

/** "Keep the label": an edit of the configuration file, not of the dump (see codeActions.ts). */
export function keepLabelEdit(diagnostic: Diagnostic, uri: string, target: KeepTarget): { title: string; edit: WorkspaceEdit } | undefined {
	const data = diagnostic.source === diagnosticSource && labelCodes.includes(String(diagnostic.code)) ? labelData(diagnostic) : undefined;
	if (!data) return undefined;
	const file = relativePath(uriPath(target.folderUri), uriPath(uri));
	if (file === undefined) return undefined;
	const entry: KeptLabel = { file, title: data.title, label: data.label };
	const title = l10n.t('Keep `{0}` (remembered in {1})', data.label, baseName(target.uri));
	const isPackage = baseName(target.uri) === 'package.json';
	if (target.text === undefined) {
		const text = `${JSON.stringify({ keptLabels: [entry] }, null, '\t')}\n`;
		return {
			title,
			edit: {
				documentChanges: [
					{ kind: 'create', uri: target.uri, options: { ignoreIfExists: true } },
					{ textDocument: { uri: target.uri, version: null }, edits: [{ range: wholeRange(''), newText: text }] },
				],
			},
		};
	}
	const next = withKept(target.text, entry, isPackage);
	if (next === undefined) return undefined;
	return { title, edit: { changes: { [target.uri]: [{ range: wholeRange(target.text), newText: next }] } } };
}

/** The configuration text with `entry` added to its kept labels; undefined when it is not a JSON object. */
export function withKept(text: string, entry: KeptLabel, underPackageKey = false): string | undefined {
	let json: unknown;
	try {
		json = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch {
		return undefined;
	}
	if (!isObject(json)) return undefined;
	const settings = underPackageKey ? json.ticketCurator : json;
	if (!isObject(settings)) return undefined;
	const kept = Array.isArray(settings.keptLabels) ? (settings.keptLabels as KeptLabel[]) : [];
	if (!kept.some((k) => k.file === entry.file && k.title === entry.title && k.label === entry.label)) kept.push(entry);
	settings.keptLabels = kept;
	return `${JSON.stringify(json, null, indentOf(text))}${/\r?\n$/.test(text) ? '\n' : ''}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The indentation the file uses (tab, or its first indented line's spaces). */
function indentOf(text: string): string {
	const first = /\n([ \t]+)\S/.exec(text);
	return first ? (first[1].startsWith('\t') ? '\t' : first[1]) : '\t';
}

function wholeRange(text: string) {
	const lines = text.split(/\r\n|\r|\n/);
	return { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1].length } };
}

function baseName(uri: string): string {
	return uriPath(uri).split('/').pop() ?? uri;
}

/** `path` relative to `folder`, `/`-separated; undefined when it is not inside it. */
function relativePath(folder: string, path: string): string | undefined {
	const base = folder.endsWith('/') ? folder : `${folder}/`;
	return path.startsWith(base) ? path.slice(base.length) : undefined;
}
