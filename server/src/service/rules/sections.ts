/** The sections of a ticket: present, non-empty, in order, once each, known; the root cause label; answer numbering. */
import * as l10n from '@vscode/l10n';
import { closest } from './didYouMean';
import { requiredSections, sectionOrder, type SectionKind } from '../config/labels';
import type { Section } from '../document/model';
import type { TicketRule } from './finding';
import { maskQuote } from '../leaks/maskQuote';

export const sectionRules: TicketRule = {
	codes: ['section-missing', 'section-empty', 'section-order', 'section-duplicate', 'section-unknown', 'root-cause-unknown', 'answers-numbering'],
	check(ticket, config, report) {
		const names = config.labels.sections;
		// Ticket text in a message goes through the leak masker: messages end up in CI logs.
		const quote = (text: string) => maskQuote(text, config, ticket);
		const seen = new Map<SectionKind, Section>();
		let furthest = -1;
		for (const section of ticket.sections) {
			if (!section.kind) {
				const suggestion = closest(section.name.text, Object.values(names));
				report({
					code: 'section-unknown',
					range: section.name.text ? section.name.range : section.heading,
					message: suggestion
						? l10n.t('Unknown section `{0}`; did you mean `{1}`?', quote(section.name.text), suggestion)
						: l10n.t('Unknown section `{0}`; the sections are {1}.', quote(section.name.text), Object.values(names).join(', ')),
					data: suggestion ? { replacement: suggestion } : undefined,
				});
				continue;
			}
			const first = seen.get(section.kind);
			if (first) {
				report({
					code: 'section-duplicate',
					range: section.name.range,
					message: l10n.t('Section `{0}` appears a second time in this ticket.', quote(section.name.text)),
					related: [{ range: first.name.range, message: l10n.t('First `{0}`', quote(section.name.text)) }],
				});
				continue;
			}
			seen.set(section.kind, section);
			const rank = sectionOrder.indexOf(section.kind);
			if (rank < furthest) {
				report({
					code: 'section-order',
					range: section.name.range,
					message: l10n.t('Section `{0}` is out of order; expected the order {1}.', quote(section.name.text), sectionOrder.map((k) => names[k]).join(' → ')),
				});
			}
			furthest = Math.max(furthest, rank);
			// An empty dialog is `dialog-empty` (an error), not reported twice.
			if (!section.contentText.trim() && section.kind !== 'dialog') {
				report({ code: 'section-empty', range: section.name.range, message: l10n.t('Section `{0}` is empty.', quote(section.name.text)) });
			}
		}
		for (const kind of requiredSections) {
			if (seen.has(kind)) continue;
			const suggestion = suggestedUnknown(ticket.sections, names[kind]);
			if (suggestion) continue; // the misspelt heading is already reported with its correction
			report({
				code: 'section-missing',
				range: ticket.title.range,
				message: l10n.t('The ticket has no `### {0}` section.', names[kind]),
				data: { section: kind },
			});
		}
		const rootCause = seen.get('rootCause');
		if (rootCause?.contentText.trim()) {
			const label = rootCause.contentText.trim();
			if (!config.rootCauses.includes(label)) {
				const suggestion = closest(label, config.rootCauses);
				report({
					code: 'root-cause-unknown',
					range: rootCause.content,
					message: suggestion
						? l10n.t('Unknown root cause `{0}`; did you mean `{1}`?', quote(label), suggestion)
						: l10n.t('Unknown root cause `{0}`; expected one of the known labels.', quote(label)),
					data: suggestion ? { replacement: suggestion } : undefined,
				});
			}
		}
		ticket.answers.forEach((answer, i) => {
			if (answer.number === undefined) {
				report({ code: 'answers-numbering', range: answer.range, message: l10n.t('This answer is not a numbered item; expected `{0}. `.', i + 1) });
			} else if (answer.number !== i + 1) {
				report({
					code: 'answers-numbering',
					range: answer.numberRange!,
					message: l10n.t('Answer numbered {0}; expected {1} (answers are numbered 1..n).', answer.number, i + 1),
					data: { replacement: String(i + 1) },
				});
			}
		});
	},
};

/** Whether an unknown heading of the ticket is a near spelling of `name`. */
function suggestedUnknown(sections: readonly Section[], name: string): boolean {
	return sections.some((s) => !s.kind && closest(s.name.text, [name]) === name);
}
