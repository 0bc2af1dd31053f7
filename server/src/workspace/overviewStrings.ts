/**
 * The overview page's words in the host's language (the page translates nothing itself: it is given
 * these with the data). The server answers them with `tickets/overview`, the CLI writes them into
 * the report, so the webview and the HTML file say the same.
 */
import * as l10n from '@vscode/l10n';
import type { OverviewStrings } from '../../../common/overview';

export function overviewStrings(): OverviewStrings {
	return {
		title: l10n.t('Tickets overview'),
		totals: l10n.t('{0} dump(s), {1} ticket(s)'),
		none: l10n.t('(none)'),
		tickets: l10n.t('Tickets'),
		findings: l10n.t('Findings'),
		name: l10n.t('Name'),
		share: l10n.t('Share'),
		file: l10n.t('File'),
		line: l10n.t('Line'),
		ticketTitle: l10n.t('Title'),
		rule: l10n.t('Rule'),
		errors: l10n.t('Errors'),
		warnings: l10n.t('Warnings'),
		others: l10n.t('Information and hints'),
		products: l10n.t('Tickets per product'),
		categories: l10n.t('Tickets per category'),
		rootCauseByProduct: l10n.t('Root cause × product'),
		givenBySuggested: l10n.t('Given × suggested root cause (label review)'),
		givenRootCause: l10n.t('Given root cause'),
		suggestedRootCause: l10n.t('Suggested root cause'),
		product: l10n.t('Product'),
		rootCause: l10n.t('Root cause'),
		findingsPerRule: l10n.t('Findings per rule'),
		findingsPerFile: l10n.t('Findings per file'),
		duplicateGroups: l10n.t('Duplicate groups'),
		groupSize: l10n.t('Tickets in the group'),
		groups: l10n.t('Groups'),
		turns: l10n.t('Dialog turns per ticket'),
		turnCount: l10n.t('Turns'),
		withoutStaffAnswers: l10n.t('Tickets without staff answers'),
		shownFirst: l10n.t('The chart shows the first {0}; the table lists all {1}.'),
		category_structure: l10n.t('structure'),
		category_leaks: l10n.t('leaks'),
		category_files: l10n.t('files'),
		category_duplicates: l10n.t('duplicates'),
		category_labels: l10n.t('labels'),
		clickHint: l10n.t('Click a bar or a cell to see its tickets.'),
		empty: l10n.t('Nothing to show.'),
		table: l10n.t('Table'),
	};
}
