/**
 * Quick fixes and "fix all" for a ticket dump. The diagnostics come from the service's own
 * validation of the current text (never from a client's possibly stale copy), plus the ones the
 * host adds from outside the file (cross-file duplicates), which carry what their fix needs.
 * `source.fixAll.tickets` applies every safe fix at once; overlapping edits keep the widest.
 */
import * as l10n from '@vscode/l10n';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import { deleteDuplicateFix } from './deleteDuplicate';
import type { Fix, FixContext, Fixer } from './fixContext';
import { keepLabelEdit, relabelFixes, type KeepTarget } from './labelFix';
import { maskFixes } from './maskFix';
import { missingSectionFix } from './missingSection';
import { renumberFix } from './renumber';
import { replacementFix } from './replacement';
import { rewriteAnswersFix, rewriteLeakingAnswersFix } from './rewriteAnswers';
import { separatorFix } from './separator';
import { leakCodes } from '../leaks/leak';
import { comparePositions } from '../document/positions';
import { diagnosticSource } from '../rules/catalog';

export const fixAllKind = `${CodeActionKind.SourceFixAll}.tickets`;

const fixers: Record<string, readonly Fixer[]> = {
	'declared-count': [replacementFix],
	'category-format': [replacementFix],
	'category-unknown': [replacementFix],
	'section-unknown': [replacementFix],
	'root-cause-unknown': [replacementFix],
	'speaker-format': [replacementFix],
	'answers-numbering': [replacementFix, renumberFix],
	'section-missing': [missingSectionFix],
	'answers-mismatch': [rewriteAnswersFix],
	separator: [separatorFix],
	'duplicate-ticket': [deleteDuplicateFix],
	'near-duplicate': [deleteDuplicateFix],
	'root-cause-unsupported': [relabelFixes],
	'category-unsupported': [relabelFixes],
	...Object.fromEntries(leakCodes.map((code) => [code, [maskFixes, rewriteLeakingAnswersFix]])),
};

/** Every fix each diagnostic offers. */
function fixesFor(diagnostic: Diagnostic, context: FixContext): Fix[] {
	if (diagnostic.source !== diagnosticSource) return [];
	return (fixers[String(diagnostic.code)] ?? []).flatMap((fixer) => fixer(diagnostic, context));
}

export interface CodeActionRequest {
	readonly range: Range;
	/** Kinds the client asked for (`only`); all when absent. */
	readonly only?: readonly string[];
	/** Where "keep the label" writes; without it, that action is not offered. */
	readonly keep?: KeepTarget;
}

const wants = (only: readonly string[] | undefined, kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));

export function codeActions(uri: string, request: CodeActionRequest, context: FixContext): CodeAction[] {
	const actions: CodeAction[] = [];
	if (wants(request.only, CodeActionKind.QuickFix)) {
		const seen = new Set<string>();
		for (const diagnostic of context.diagnostics) {
			if (!overlaps(diagnostic.range, request.range)) continue;
			for (const fix of fixesFor(diagnostic, context)) {
				// "Mask all" and "renumber" come once, however many of their diagnostics the range holds.
				const key = `${fix.title}\u0000${JSON.stringify(fix.edits)}`;
				if (seen.has(key)) continue;
				seen.add(key);
				actions.push({
					title: fix.title,
					kind: CodeActionKind.QuickFix,
					diagnostics: [diagnostic],
					isPreferred: fix.preferred,
					edit: { changes: { [uri]: [...fix.edits] } },
				});
			}
			const keep = request.keep && keepLabelEdit(diagnostic, uri, request.keep);
			if (keep) actions.push({ title: keep.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: keep.edit });
		}
	}
	if (request.only && wants(request.only, fixAllKind)) {
		const edits = fixAllEdits(context);
		if (edits.length) actions.push({ title: l10n.t('Fix all safe ticket problems'), kind: fixAllKind, edit: { changes: { [uri]: edits } } });
	}
	return actions;
}

/** The edits of every safe fix of the file, without overlaps. */
export function fixAllEdits(context: FixContext): TextEdit[] {
	const edits: TextEdit[] = [];
	for (const diagnostic of context.diagnostics) for (const fix of fixesFor(diagnostic, context)) if (fix.safe) edits.push(...fix.edits);
	return withoutOverlaps(edits);
}

/** Identical edits once; of overlapping edits the widest (the stray-spaces fix rewrites the separator too). */
export function withoutOverlaps(edits: readonly TextEdit[]): TextEdit[] {
	const lines = (e: TextEdit) => e.range.end.line - e.range.start.line;
	const chars = (e: TextEdit) => e.range.end.character - e.range.start.character;
	const ranked = [...edits].sort((a, b) => lines(b) - lines(a) || chars(b) - chars(a) || comparePositions(a.range.start, b.range.start));
	const kept: TextEdit[] = [];
	for (const edit of ranked) {
		if (kept.some((k) => same(k, edit) || clash(k.range, edit.range))) continue;
		kept.push(edit);
	}
	return kept.sort((a, b) => comparePositions(a.range.start, b.range.start));
}

function same(a: TextEdit, b: TextEdit): boolean {
	return a.newText === b.newText && comparePositions(a.range.start, b.range.start) === 0 && comparePositions(a.range.end, b.range.end) === 0;
}

/** Two edits clash when their ranges overlap, or both insert at the same place (their order would be arbitrary). */
function clash(a: Range, b: Range): boolean {
	if (comparePositions(a.start, b.start) === 0) return true;
	return comparePositions(a.start, b.end) < 0 && comparePositions(b.start, a.end) < 0;
}

/** A diagnostic is under the cursor when their ranges meet (an empty range at either end counts). */
function overlaps(a: Range, b: Range): boolean {
	return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}
