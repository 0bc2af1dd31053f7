/** `tickets stats`: what the dumps hold: tickets per product, category and root cause, findings per code, dialog sizes. */
import * as l10n from '@vscode/l10n';
import { StatsCollector, ticketRecords, type DumpStats } from '../../service/index';
import { findingsOf } from '../collectFindings';
import type { ParsedArgs } from '../args';
import { commonOptions, configOption, formatOf, formatOptions, type Command } from '../command';
import { exitCode } from '../errors';
import type { CliIO } from '../io';
import { openWorkspace } from '../cliWorkspace';

export const statsCommand: Command = {
	name: 'stats',
	usage: '[options] [paths or globs…]',
	summary: () => l10n.t('Count tickets per product, category and root cause, findings per code, unanswered tickets and dialog turns.'),
	options: [...formatOptions(['text', 'json'], true), ...commonOptions],
	async run(args: ParsedArgs, io: CliIO): Promise<number> {
		const workspace = openWorkspace(io, configOption(args));
		const files = await workspace.files(args.positionals);
		// Categories are joined with the separator of the first dump's configuration.
		let collector: StatsCollector | undefined;
		const findings = findingsOf(workspace, files, (dump, document) =>
			(collector ??= new StatsCollector(dump.settings.config.labels.categorySeparator)).addTickets(dump.name, ticketRecords(document)),
		);
		collector ??= new StatsCollector(workspace.settings.config.labels.categorySeparator);
		for (const f of findings) collector.addFindings(f.diagnostics);
		const stats = collector.result();
		io.stdout.write(formatOf(args, 'text') === 'json' ? statsJson(stats) : statsTable(stats));
		return workspace.unreadable ? exitCode.usage : exitCode.clean;
	},
};

function statsJson(s: DumpStats): string {
	const list = (counts: DumpStats['products']) => counts.map(([name, tickets]) => ({ name, tickets }));
	return `${JSON.stringify(
		{
			dumps: s.files,
			tickets: s.tickets,
			products: list(s.products),
			categories: list(s.categories),
			rootCauses: list(s.rootCauses),
			findings: s.findings.map(([code, count]) => ({ code, count })),
			withoutStaffAnswers: s.withoutStaffAnswers.map((t) => ({ file: t.file, line: t.line + 1, title: t.title })),
			turns: s.turns ?? null,
		},
		null,
		2,
	)}\n`;
}

/** Counts first, right-aligned, so names in any script line up. */
function countTable(title: string, counts: DumpStats['products'], total: number): string[] {
	const width = Math.max(5, ...counts.map(([, n]) => String(n).length));
	const rows = counts.map(([name, n]) => {
		const share = total ? `${((100 * n) / total).toFixed(1)}%`.padStart(7) : '';
		return `  ${String(n).padStart(width)} ${share}  ${name || l10n.t('(none)')}`;
	});
	return [`${title} (${counts.length})`, ...rows, ''];
}

function statsTable(s: DumpStats): string {
	const lines = [l10n.t('{0} dump(s), {1} ticket(s)', s.files, s.tickets)];
	if (s.turns) lines.push(l10n.t('Dialog turns per ticket: min {0}, median {1}, max {2}', s.turns.min, s.turns.median, s.turns.max));
	lines.push(l10n.t('Tickets without staff answers: {0}', s.withoutStaffAnswers.length));
	for (const t of s.withoutStaffAnswers) lines.push(`  ${t.file}:${t.line + 1}  ${t.title}`);
	lines.push('');
	lines.push(...countTable(l10n.t('Products'), s.products, s.tickets));
	lines.push(...countTable(l10n.t('Categories'), s.categories, s.tickets));
	lines.push(...countTable(l10n.t('Root causes'), s.rootCauses, s.tickets));
	lines.push(...countTable(l10n.t('Findings per code'), s.findings, 0));
	return `${lines.join('\n')}\n`;
}
