/**
 * `tickets labels`: root causes and products that do not fit their ticket, in review order: those
 * without evidence that confident learning suspects too, then evidence alone, then confident
 * learning alone where the dumps are large enough for it (workspace/labelReview.ts); with the
 * labels suggested instead, a given × suggested root-cause table, and what confident learning did.
 */
import * as l10n from '@vscode/l10n';
import type { ParsedArgs } from '../args';
import { commonOptions, configOption, formatOf, formatOptions, type Command } from '../command';
import { exitCode } from '../errors';
import type { CliIO } from '../io';
import { openWorkspace } from '../cliWorkspace';
import { labelReview, type LabelReview, type LearningState, type ReviewDump, type ReviewRow } from '../../workspace/labelReview';

interface FileRow extends ReviewRow {
	readonly file: string;
}

export const labelsCommand: Command = {
	name: 'labels',
	usage: '[options] [paths or globs…]',
	summary: () => l10n.t('List root causes and products without evidence in their ticket, with suggested labels.'),
	details: () => l10n.t('Exit code: 0 done (suspects or not), 2 bad usage or unreadable input. `tickets fix --labels` applies the suggestions.'),
	options: [...formatOptions(['text', 'json', 'csv']), ...commonOptions],
	async run(args: ParsedArgs, io: CliIO): Promise<number> {
		const workspace = openWorkspace(io, configOption(args));
		const dumps: ReviewDump[] = [];
		const names = new Map<string, string>();
		let config = workspace.service.config;
		for (const dump of workspace.dumps(await workspace.files(args.positionals))) {
			dumps.push({ uri: dump.document.uri, tickets: dump.service.parse(dump.document).tickets() });
			names.set(dump.document.uri, dump.name);
			dump.service.forget(dump.document.uri);
			// Confident learning reads every dump together: under the labels of the first dump's configuration.
			if (dumps.length === 1) config = dump.service.config;
		}
		const review = labelReview(dumps, config);
		const rows = review.rows.map((r) => ({ ...r, file: names.get(r.uri)! }));
		const format = formatOf(args, 'text');
		io.stdout.write(format === 'json' ? asJson(rows, review) : format === 'csv' ? asCsv(rows) : asText(rows, review));
		return workspace.unreadable ? exitCode.usage : exitCode.clean;
	},
};

/** Given root cause → first suggestion → count, in order of appearance. */
function givenBySuggested(rows: readonly FileRow[]): Map<string, Map<string, number>> {
	const table = new Map<string, Map<string, number>>();
	for (const row of rows) {
		if (row.kind !== 'rootCause') continue;
		const suggested = row.suggestions[0]?.label ?? '';
		const line = table.get(row.label) ?? new Map<string, number>();
		line.set(suggested, (line.get(suggested) ?? 0) + 1);
		table.set(row.label, line);
	}
	return table;
}

const suggestionText = (row: ReviewRow) => row.suggestions.map((s) => `${s.label} (${s.confidence.toFixed(2)})`).join(', ') || l10n.t('(none)');

function sourceText(row: ReviewRow): string {
	const learned = row.learned && `${row.learned.label} ${row.learned.probability.toFixed(2)}`;
	if (row.source === 'both') return l10n.t('evidence + statistics: {0}', learned!);
	return row.source === 'evidence' ? l10n.t('evidence') : l10n.t('statistics');
}

function learningText(state: LearningState): string {
	const kind = state.kind === 'rootCause' ? l10n.t('root causes') : l10n.t('products');
	if (!state.ranks) return l10n.t('Confident learning ({0}): off, {1} labelled tickets (it needs {2}).', kind, state.labelled, state.minimumToRank);
	if (!state.flags)
		return l10n.t(
			'Confident learning ({0}): ranks the evidence findings; its own suspects are off below {1} labelled tickets ({2} here).',
			kind,
			state.minimumTickets,
			state.labelled,
		);
	return l10n.t('Confident learning ({0}): on, {1} labelled tickets.', kind, state.labelled);
}

function asText(rows: readonly FileRow[], review: LabelReview): string {
	const lines = rows.map((r) => {
		const kind = r.kind === 'rootCause' ? l10n.t('root cause') : l10n.t('product');
		return `${r.file}:${r.labelLine + 1}  ${kind}  ${r.label} → ${suggestionText(r)}  [${sourceText(r)}]  ## ${r.title}`;
	});
	const table = givenBySuggested(rows);
	if (table.size) {
		lines.push('', l10n.t('Given × suggested root cause'));
		for (const [given, suggested] of table) {
			for (const [label, count] of [...suggested].sort((a, b) => b[1] - a[1]))
				lines.push(`  ${String(count).padStart(3)}  ${given} → ${label || l10n.t('(none)')}`);
		}
	}
	lines.push('', ...review.learning.map(learningText));
	const count = (kind: string, source?: string) => rows.filter((r) => r.kind === kind && (source ? r.source === source : r.source !== 'statistics')).length;
	lines.push(
		l10n.t(
			'Root causes: {0} found by both, {1} by evidence alone, {2} by statistics alone.',
			count('rootCause', 'both'),
			count('rootCause', 'evidence'),
			count('rootCause', 'statistics'),
		),
	);
	lines.push(l10n.t('{0} root cause(s) and {1} product(s) without evidence.', count('rootCause'), count('product')));
	return `${lines.join('\n')}\n`;
}

function asJson(rows: readonly FileRow[], review: LabelReview): string {
	const table = [...givenBySuggested(rows)].flatMap(([given, suggested]) =>
		[...suggested].map(([label, count]) => ({ given, suggested: label || null, count })),
	);
	const suspects = rows.map((r) => ({
		file: r.file,
		line: r.labelLine + 1,
		kind: r.kind,
		label: r.label,
		title: r.title,
		source: r.source,
		suggestions: r.suggestions,
		lookedFor: r.lookedFor,
		learned: r.learned ?? null,
		probability: r.probability ?? null,
		threshold: r.threshold ?? null,
		neighbours: r.neighbours.map((n) => ({ line: n.line + 1, title: n.title, label: n.label, similarity: n.similarity })),
	}));
	return `${JSON.stringify({ suspects, givenBySuggested: table, confidentLearning: review.learning }, null, 2)}\n`;
}

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
const csvField = (value: string | number) => (/[",\r\n]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value));

function asCsv(rows: readonly FileRow[]): string {
	const header = ['file', 'line', 'kind', 'label', 'suggestion', 'confidence', 'other_suggestions', 'title', 'source', 'probability'];
	const lines = rows.map((r) =>
		[
			r.file,
			r.labelLine + 1,
			r.kind,
			r.label,
			r.suggestions[0]?.label ?? '',
			r.suggestions[0]?.confidence.toFixed(2) ?? '',
			r.suggestions
				.slice(1)
				.map((s) => s.label)
				.join(';'),
			r.title,
			r.source,
			r.probability?.toFixed(2) ?? '',
		]
			.map(csvField)
			.join(','),
	);
	return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}
