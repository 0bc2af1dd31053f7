/**
 * Masking a leaked value: this one, or every leak of the same code in the file, each written as
 * its finding's mask (the dump's placeholder, a kept prefix with `***`, or exactly how the ticket
 * masks the value elsewhere). Never safe: the user decides what is masked.
 */
import * as l10n from '@vscode/l10n';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { leakCodes } from '../leaks/leak';
import type { Fix, FixContext } from './fixContext';

const isLeakCode = (code: unknown) => (leakCodes as readonly unknown[]).includes(code);

function maskEdit(d: Diagnostic): TextEdit | undefined {
	const mask = (d.data as { replacement?: unknown } | undefined)?.replacement;
	return typeof mask === 'string' ? { range: d.range, newText: mask } : undefined;
}

export function maskFixes(diagnostic: Diagnostic, { diagnostics }: FixContext): Fix[] {
	const edit = maskEdit(diagnostic);
	if (!edit || !isLeakCode(diagnostic.code)) return [];
	const fixes: Fix[] = [{ title: l10n.t('Mask as `{0}`', edit.newText), edits: [edit], preferred: true }];
	const all = diagnostics
		.filter((d) => d.code === diagnostic.code)
		.map(maskEdit)
		.filter((e): e is TextEdit => !!e);
	if (all.length > 1) fixes.push({ title: l10n.t('Mask all {0} `{1}` findings in this file', all.length, String(diagnostic.code)), edits: all });
	return fixes;
}
