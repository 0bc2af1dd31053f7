/**
 * `tickets similar`: the tickets most like a text or like one ticket, over the dumps of the given
 * paths, asked as the editor's "Find Similar Tickets" asks the workspace (the service's
 * server/src/service/search/similarQuery.ts; the ranking is BM25F over title, description,
 * answers and dialog, server/src/service/search/searchIndex.ts).
 */
import * as l10n from '@vscode/l10n';
import { relative, resolve } from 'node:path';
import { categoryLabel, isCopy, SearchIndex, similarByText, similarByTicket, type SearchHit, type TicketDigest } from '../../service/index';
import type { ParsedArgs } from '../args';
import { commonOptions, configOption, formatOf, formatOptions, type Command } from '../command';
import { CliError, exitCode } from '../errors';
import type { CliIO } from '../io';
import { readText } from '../readText';
import { openWorkspace, type CliWorkspace } from '../cliWorkspace';

interface Indexed {
	readonly file: string;
	readonly path: string;
	readonly ticket: TicketDigest;
	/** Its configuration's category separator. */
	readonly separator: string;
}

export const similarCommand: Command = {
	name: 'similar',
	usage: '[options] "<text>" [paths…]  |  tickets similar --ticket FILE:LINE [options] [paths…]',
	summary: () => l10n.t('List the tickets most similar to a text or to one ticket, best first.'),
	options: [
		{
			name: 'ticket',
			short: 't',
			type: 'string',
			placeholder: 'FILE:LINE',
			description: () => l10n.t('Query by the ticket at this line of this file instead of a text.'),
		},
		{ name: 'limit', type: 'number', placeholder: 'N', description: () => l10n.t('Show at most N tickets (default 10).') },
		{ name: 'same-product', type: 'boolean', description: () => l10n.t("Only tickets of the query ticket's product.") },
		{ name: 'exclude-own-file', type: 'boolean', description: () => l10n.t("Leave out the tickets of the query ticket's file.") },
		...formatOptions(['text', 'json'], true),
		...commonOptions,
	],
	async run(args: ParsedArgs, io: CliIO): Promise<number> {
		const ticketArg = args.options.ticket as string | undefined;
		const text = ticketArg ? undefined : args.positionals[0];
		const paths = ticketArg ? args.positionals : args.positionals.slice(1);
		// No ticket asked for would print "No similar ticket", as if none were like it.
		if (args.options.limit === 0) throw new CliError(l10n.t('--limit must be at least 1'));
		if (!ticketArg && !text?.trim()) throw new CliError(l10n.t('give a text to search for, or --ticket FILE:LINE; see `tickets similar --help`'));
		const workspace = openWorkspace(io, configOption(args));
		// The query ticket first: a wrong reference fails before any file is read.
		const query = ticketArg ? queryTicket(workspace, io, ticketArg) : undefined;
		const files = await workspace.files(paths);
		const search = new SearchIndex();
		const indexed: Indexed[] = [];
		const groups = new Map<string, number>();
		for (const dump of workspace.dumps(files)) {
			groups.set(dump.path, groups.size);
			const separator = dump.settings.config.labels.categorySeparator;
			for (const ticket of dump.service.digest(dump.text)) {
				search.add(indexed.length, groups.size - 1, ticket.fields, ticket.product);
				indexed.push({ file: dump.name, path: dump.path, ticket, separator });
			}
		}
		const limit = (args.options.limit as number | undefined) ?? 10;
		let hits: SearchHit[];
		if (query) {
			const { path, ticket } = query;
			const own = indexed.findIndex((t) => t.path === path && t.ticket.ordinal === ticket.ordinal);
			const options = { limit, sameProduct: !!args.options['same-product'], excludeOwnFile: !!args.options['exclude-own-file'] };
			hits = similarByTicket(search, ticket, { key: own >= 0 ? own : undefined, group: groups.get(path) }, options, (key) =>
				isCopy(ticket.fields, indexed[key].ticket.fields),
			);
		} else {
			hits = similarByText(search, text!, limit);
		}
		const rows = hits.map((hit) => {
			const { file, ticket, separator } = indexed[hit.key];
			const category = categoryLabel(ticket, separator);
			return {
				file,
				line: ticket.titleRange.start.line + 1,
				title: ticket.title,
				category,
				score: Math.round(hit.score * 1000) / 1000,
				matchedTerms: hit.matchedTerms,
			};
		});
		if (formatOf(args, 'text') === 'json') io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
		else if (!rows.length) io.stderr.write(`${l10n.t('No similar ticket among {0} ticket(s).', indexed.length)}\n`);
		else {
			const scoreWidth = Math.max(...rows.map((r) => r.score.toFixed(2).length));
			for (const r of rows) {
				io.stdout.write(`${r.score.toFixed(2).padStart(scoreWidth)}  ${r.file}:${r.line}  ${r.title}${r.category ? `  [${r.category}]` : ''}\n`);
				if (r.matchedTerms.length) io.stdout.write(`${' '.repeat(scoreWidth)}  ${l10n.t('matched: {0}', r.matchedTerms.join(' '))}\n`);
			}
		}
		return workspace.unreadable ? exitCode.usage : exitCode.clean;
	},
};

/** The ticket named by `FILE:LINE` (any line of it, 1-based). */
function queryTicket(workspace: CliWorkspace, io: CliIO, spec: string): { path: string; ticket: TicketDigest } {
	const m = /^(.+):(\d+)$/.exec(spec);
	if (!m) throw new CliError(l10n.t('--ticket takes FILE:LINE, not `{0}`', spec));
	const path = resolve(io.cwd, m[1]);
	const line = Number(m[2]) - 1;
	const { text } = readText(path, relative(io.cwd, path) || path);
	const { service } = workspace.contextOf(path);
	if (!service.isTicketDump(text)) throw new CliError(l10n.t('{0} is no ticket dump', m[1]));
	let found: TicketDigest | undefined;
	for (const t of service.digest(text)) {
		if (t.range.start.line > line) break;
		found = t;
	}
	if (!found || line > found.range.end.line + 1) throw new CliError(l10n.t('no ticket at line {0} of {1}', m[2], m[1]));
	return { path, ticket: found };
}
