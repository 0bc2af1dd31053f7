/** The dialog: turn labels, turns present, and its agreement with 客服解答 and 问题描述. */
import * as l10n from '@vscode/l10n';
import { firstDifference, sameModuloRedaction } from '../document/compare';
import type { TicketRule } from './finding';
import { maskQuote } from '../leaks/maskQuote';

export const dialogRules: TicketRule = {
	codes: ['speaker-format', 'speaker-unknown', 'dialog-empty', 'answers-mismatch', 'description-mismatch'],
	check(ticket, config, report) {
		const labels = config.labels;
		// Ticket text in a message goes through the leak masker: messages end up in CI logs.
		const quote = (text: string) => maskQuote(text, config, ticket);
		const dialog = ticket.sections.find((s) => s.kind === 'dialog');
		if (!dialog) return;
		if (!ticket.turns.length) {
			report({
				code: 'dialog-empty',
				range: dialog.name.range,
				message: l10n.t(
					'The dialog has no turns; each turn starts with `**{0}**{2}` or `**{1}**{2}`.',
					labels.speakers.customer,
					labels.speakers.staff,
					labels.speakerColon,
				),
			});
			return;
		}
		for (const orphan of ticket.unlabelled) {
			report({
				code: 'speaker-unknown',
				range: orphan.range,
				message: l10n.t('Dialog text before the first turn has no speaker; start it with `**{0}**{1}`.', labels.speakers.customer, labels.speakerColon),
			});
		}
		for (const turn of ticket.turns) {
			if (!turn.speaker) {
				report({
					code: 'speaker-unknown',
					range: turn.label.range,
					message: l10n.t('`{0}` is no known speaker; a turn is spoken by `{1}` or `{2}`.', quote(turn.name), labels.speakers.customer, labels.speakers.staff),
				});
			} else if (!turn.wellFormed) {
				const expected = `**${turn.name}**${labels.speakerColon}`;
				report({
					code: 'speaker-format',
					range: turn.label.range,
					message: l10n.t('The speaker label is written `{0}`; expected `{1}`.', quote(turn.label.text), quote(expected)),
					data: { replacement: expected },
				});
			}
		}
		const staff = ticket.turns.filter((t) => t.speaker === 'staff');
		const answersSection = ticket.sections.find((s) => s.kind === 'answers');
		// The comparisons below are the rule's costly part: skipped when their code is off (the export's gate).
		const on = (code: 'answers-mismatch' | 'description-mismatch') => config.rules[code] !== 'off';
		if (answersSection && ticket.answers.length && on('answers-mismatch')) {
			if (ticket.answers.length !== staff.length) {
				report({
					code: 'answers-mismatch',
					range: answersSection.name.range,
					message: l10n.t('{0} has {1} items but the dialog has {2} staff turns.', answersSection.name.text, ticket.answers.length, staff.length),
				});
			}
			ticket.answers.forEach((answer, k) => {
				const turn = staff[k];
				if (!turn || sameModuloRedaction(answer.text, turn.text) || sameModuloRedaction(answer.text, firstLine(turn.text))) return;
				// Masked before the cut: a value cut in half (12 digits of an ID number) is no longer found.
				const diff = firstDifference(quote(answer.text), quote(turn.text));
				report({
					code: 'answers-mismatch',
					range: answer.range,
					message: l10n.t('Answer {0} differs from staff turn {0} of the dialog: "{1}" vs "{2}".', k + 1, diff.left, diff.right),
					related: [{ range: turn.range, message: l10n.t('Staff turn {0}', k + 1) }],
				});
			});
		}
		const description = ticket.sections.find((s) => s.kind === 'description');
		const firstCustomer = ticket.turns.find((t) => t.speaker === 'customer');
		if (on('description-mismatch') && description?.contentText && firstCustomer && !sameModuloRedaction(description.contentText, firstCustomer.text)) {
			const diff = firstDifference(quote(description.contentText), quote(firstCustomer.text));
			report({
				code: 'description-mismatch',
				range: description.content,
				message: l10n.t('The description is not the first customer turn: "{0}" vs "{1}".', diff.left, diff.right),
				related: [{ range: firstCustomer.range, message: l10n.t('First customer turn') }],
			});
		}
	},
};

function firstLine(text: string): string {
	const end = text.indexOf('\n');
	return end < 0 ? text : text.slice(0, end);
}
