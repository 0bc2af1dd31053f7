/** Ticket-level structure: an empty title, the trailing separator, and stray headings or `---`. */
import * as l10n from '@vscode/l10n';
import type { TicketRule } from './finding';

export const structureRules: TicketRule = {
	codes: ['ticket-title', 'separator', 'stray-structure'],
	check(ticket, _config, report) {
		if (!ticket.title.text) {
			report({ code: 'ticket-title', range: ticket.title.range, message: l10n.t('The ticket title is empty; write the title after `## `.') });
		}
		if (ticket.separatorUnderText) {
			report({
				code: 'separator',
				range: ticket.separatorUnderText,
				message: l10n.t('This `---` stands directly under text, so Markdown reads that text as a heading; leave a blank line before the separator.'),
			});
		} else if (!ticket.separator) {
			const line = ticket.lastContentLine;
			report({
				code: 'separator',
				range: { start: { line, character: 0 }, end: { line, character: ticket.lastContentCharacter } },
				message: l10n.t('The ticket is not followed by `---`; every ticket ends with a separator line.'),
				data: { insertAfterLine: line },
			});
		}
		for (const stray of ticket.strays) {
			if (stray.kind === 'extraSeparator') {
				report({ code: 'separator', range: stray.range, message: l10n.t('A second `---` after the ticket; one separator between tickets is expected.') });
			} else if (stray.kind === 'thematicBreak') {
				report({
					code: 'stray-structure',
					range: stray.range,
					message: l10n.t('A `---` inside the ticket reads as a ticket separator; the ticket goes on after it. Remove it or indent it.'),
				});
			} else if (stray.kind === 'setext') {
				report({
					code: 'stray-structure',
					range: stray.range,
					message: l10n.t(
						'This line underlines the text above it, which Markdown then reads as a level-{0} heading; add a blank line or escape it.',
						stray.depth ?? 1,
					),
				});
			} else {
				report({
					code: 'stray-structure',
					range: stray.range,
					message: l10n.t(
						'A level-{0} heading inside a ticket; only `## ` titles and `### ` sections structure a ticket. Escape the `#` if it is text.',
						stray.depth ?? 1,
					),
				});
			}
		}
	},
};
