/**
 * `tickets labels`: root causes and products whose ticket gives no evidence for them, with the
 * labels suggested instead, and a given × suggested root-cause table (text, JSON or CSV).
 */
import * as l10n from '@vscode/l10n';
import type { ParsedArgs } from '../args';
import { commonOptions, configOption, formatOf, formatOptions, type Command } from '../command';
import { exitCode } from '../errors';
import type { CliIO } from '../io';
import { openWorkspace } from '../cliWorkspace';
import { suspectRows, type SuspectRow } from '../labelSuspectsOf';

interface FileRow extends SuspectRow {
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
		const rows: FileRow[] = [];
		for (const dump of workspace.dumps(await workspace.files(args.positionals))) {
			for (const row of suspectRows(dump.service, dump.document)) rows.push({ ...row, file: dump.name });
			dump.service.forget(dump.document.uri);
		}
		const format = formatOf(args, 'text');
		io.stdout.write(format === 'json' ? asJson(rows) : format === 'csv' ? asCsv(rows) : asText(rows));
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

const suggestionText = (row: SuspectRow) => row.suggestions.map((s) => `${s.label} (${s.confidence.toFixed(2)})`).join(', ') || l10n.t('(none)');

function asText(rows: readonly FileRow[]): string {
	const lines = rows.map((r) => {
		const kind = r.kind === 'rootCause' ? l10n.t('root cause') : l10n.t('product');
		return `${r.file}:${r.line}  ${kind}  ${r.label} → ${suggestionText(r)}  ## ${r.title}`;
	});
	const table = givenBySuggested(rows);
	if (table.size) {
		lines.push('', l10n.t('Given × suggested root cause'));
		for (const [given, suggested] of table) {
			for (const [label, count] of [...suggested].sort((a, b) => b[1] - a[1]))
				lines.push(`  ${String(count).padStart(3)}  ${given} → ${label || l10n.t('(none)')}`);
		}
	}
	const causes = rows.filter((r) => r.kind === 'rootCause').length;
	lines.push('', l10n.t('{0} root cause(s) and {1} product(s) without evidence.', causes, rows.length - causes));
	return `${lines.join('\n')}\n`;
}

function asJson(rows: readonly FileRow[]): string {
	const table = [...givenBySuggested(rows)].flatMap(([given, suggested]) =>
		[...suggested].map(([label, count]) => ({ given, suggested: label || null, count })),
	);
	const suspects = rows.map((r) => ({ file: r.file, line: r.line, kind: r.kind, label: r.label, title: r.title, suggestions: r.suggestions }));
	return `${JSON.stringify({ suspects, givenBySuggested: table }, null, 2)}\n`;
}

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
const csvField = (value: string | number) => (/[",\r\n]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value));

function asCsv(rows: readonly FileRow[]): string {
	const header = ['file', 'line', 'kind', 'label', 'suggestion', 'confidence', 'other_suggestions', 'title'];
	const lines = rows.map((r) =>
		[
			r.file,
			r.line,
			r.kind,
			r.label,
			r.suggestions[0]?.label ?? '',
			r.suggestions[0]?.confidence.toFixed(2) ?? '',
			r.suggestions
				.slice(1)
				.map((s) => s.label)
				.join(';'),
			r.title,
		]
			.map(csvField)
			.join(','),
	);
	return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}
