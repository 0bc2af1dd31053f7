/**
 * Root causes and products without evidence in their ticket (labels/labelSuspects.ts). The message
 * names the label, the evidence looked for and the labels suggested instead; it never quotes the
 * ticket, whose text may be anything a customer pasted.
 */
import * as l10n from '@vscode/l10n';
import { labelSuspects, type LabelSuspect } from '../labels/labelSuspects';
import type { TicketRule } from './finding';
import { maskQuote } from '../leaks/maskQuote';

/** Evidence terms named in a message; the rest are counted. */
const termsShown = 8;

export const labelRules: TicketRule = {
	codes: ['root-cause-unsupported', 'category-unsupported'],
	check(ticket, config, report) {
		for (const suspect of labelSuspects(ticket, config)) {
			report({
				code: suspect.kind === 'rootCause' ? 'root-cause-unsupported' : 'category-unsupported',
				range: suspect.range,
				// The label is the ticket's own text: quoted masked, like any quote (leaks/maskQuote.ts).
				message: `${lookedFor(suspect, maskQuote(suspect.label, config, ticket))} ${suggested(suspect)}`,
				data: { kind: suspect.kind, label: suspect.label, title: ticket.title.text, suggestions: suspect.suggestions },
			});
		}
	},
};

function lookedFor(s: LabelSuspect, label: string): string {
	const shown = s.lookedFor.slice(0, termsShown).join(l10n.t(', '));
	const terms = s.lookedFor.length > termsShown ? l10n.t('{0} and {1} more', shown, s.lookedFor.length - termsShown) : shown;
	return s.kind === 'rootCause'
		? l10n.t('Root cause `{0}` has no evidence in this ticket: it mentions none of {1} outside links, names and code.', label, terms)
		: l10n.t('Product `{0}` has no evidence in this ticket: it mentions none of {1} outside links, names and code.', label, terms);
}

function suggested(s: LabelSuspect): string {
	const list = s.suggestions.map((g) => (g.terms.length ? l10n.t('`{0}` ({1})', g.label, g.terms.join(l10n.t(', '))) : `\`${g.label}\``)).join(l10n.t('; '));
	if (s.kind === 'product') return list ? l10n.t('Its words fit {0}.', list) : l10n.t('No product has evidence here either.');
	if (s.suggestions.length && !s.suggestions[0].terms.length) return l10n.t('No other root cause has evidence here: {0} fits.', list);
	return list ? l10n.t('Its words fit {0}.', list) : l10n.t('No other root cause has evidence here either.');
}
