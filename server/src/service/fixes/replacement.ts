/**
 * Fixes that write the replacement the rule already computed (`data.replacement`): the declared
 * count, the category line's key, colon, separator and spaces, a speaker label, an answer's number,
 * and "did you mean" spellings of a category, section or root cause.
 */
import * as l10n from '@vscode/l10n';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Fix, FixContext } from './fixContext';
import type { TicketConfig } from '../config/ticketConfig';
import { maskQuote } from '../leaks/maskQuote';

/** Codes whose replacement repairs form only, so fix-all may apply it. */
const safeCodes = new Set(['declared-count', 'category-format', 'speaker-format', 'answers-numbering', 'section-unknown']);

export function replacementFix(diagnostic: Diagnostic, { doc, config }: FixContext): Fix[] {
	const replacement = (diagnostic.data as { replacement?: unknown } | undefined)?.replacement;
	if (typeof replacement !== 'string') return [];
	const range = diagnostic.range;
	const current = doc.text.slice(doc.index.offsetAt(range.start), doc.index.offsetAt(range.end));
	if (current === replacement) return [];
	const code = String(diagnostic.code);
	return [{ title: titleFor(code, current, replacement, config), edits: [{ range, newText: replacement }], preferred: true, safe: safeCodes.has(code) }];
}

/** The title quotes ticket text (what is there, a spelling other tickets use) masked, as messages do. */
function titleFor(code: string, current: string, replacement: string, config: TicketConfig): string {
	const shown = maskQuote(replacement.trim(), config);
	switch (code) {
		case 'declared-count':
			return l10n.t('Set the declared count to {0}', shown);
		case 'category-unknown':
		case 'section-unknown':
		case 'root-cause-unknown':
			return l10n.t('Change to `{0}`', shown);
		case 'answers-numbering':
			return l10n.t('Number this answer {0}', shown);
		default:
			return l10n.t('Replace `{0}` with `{1}`', maskQuote(current.trim() || current, config), shown);
	}
}
