/**
 * File-level rules: the title, the declared count, the header separator, titles used twice, unknown
 * categories. Of each ticket they read only what fileRuleInputs returns: the validator reuses their
 * findings after an edit that changed none of it (a rule reading more must add it there).
 */
import * as l10n from '@vscode/l10n';
import type { Range } from 'vscode-languageserver-types';
import { shiftRange } from '../document/positions';
import type { TicketConfig } from '../config/ticketConfig';
import { typoBudget, editDistance } from './didYouMean';
import type { TicketDocument } from '../document/ticketDocument';
import type { ParsedTicket } from '../document/model';
import { categoryName } from './category';
import type { Report } from './finding';
import { runSteps, type Steps } from '../document/steps';
import { boundedRelated, maxRelated } from './boundedRelated';
import { maskQuote } from '../leaks/maskQuote';

/** How often each category occurs, across the workspace when an index is available. */
export type CategoryCounts = ReadonlyMap<string, number>;

/** A category seen this often is "frequent": a near spelling of it seen once is taken for a typo. */
const frequentCount = 3;

/** Tickets read between two yields: a 30 MB dump's 20,000 tickets took one step of 0.5-1 s. */
const ticketsPerStep = 64;

/** The file rules, in steps of a few dozen tickets (validate.ts runs them between requests). */
export function* checkFileSteps(doc: TicketDocument, config: TicketConfig, workspaceCategories: CategoryCounts | undefined, report: Report): Steps<void> {
	const header = doc.header;
	if (header.titles.length === 0) {
		report({ code: 'file-title', range: doc.index.lineRange(0), message: l10n.t('The file has no `# ` title; a dump starts with one H1 title line.') });
	}
	for (const extra of header.titles.slice(1)) {
		report({
			code: 'file-title',
			range: extra.range,
			message: l10n.t('A second file title; a dump has exactly one H1.'),
			related: [{ range: header.titles[0].range, message: l10n.t('First title') }],
		});
	}
	const found = doc.chunks.length;
	if (header.declaredCount && header.declaredCount.value !== found) {
		report({
			code: 'declared-count',
			range: header.declaredCount.number.range,
			message: l10n.t('The header declares {0} tickets but the file has {1}.', header.declaredCount.value, found),
			data: { replacement: String(found) },
		});
	}
	if (found > 0 && header.separators.length === 0) {
		// On the header's last written line (the count line, usually), not on the blank line under it.
		let line = Math.max(0, header.endLine - 1);
		while (line > 0 && !doc.index.lineText(line).trim()) line--;
		report({ code: 'separator', range: doc.index.lineRange(line), message: l10n.t('No `---` between the file header and the first ticket.') });
	}
	for (const extra of header.separators.slice(1)) {
		report({ code: 'separator', range: extra, message: l10n.t('A second `---` in the file header; one separator is expected before the first ticket.') });
	}
	yield* checkDuplicateTitles(doc, config, report);
	yield* checkCategories(doc, config, workspaceCategories, report);
}

/** Everything of a ticket the file rules read, as one string: equal strings, equal findings. */
export function fileRuleInputs(parsed: ParsedTicket, separator: string): string {
	const c = parsed.category;
	return JSON.stringify([parsed.title.text, parsed.title.range, categoryName(parsed, separator), c?.value.range, !!c?.subcategory]);
}

function* checkDuplicateTitles(doc: TicketDocument, config: TicketConfig, report: Report): Steps<void> {
	const byTitle = new Map<string, number[]>();
	for (let i = 0; i < doc.chunks.length; i++) {
		if (i % ticketsPerStep === ticketsPerStep - 1) yield;
		const title = doc.parsed(i).title.text;
		if (!title) continue;
		const list = byTitle.get(title);
		if (list) list.push(i);
		else byTitle.set(title, [i]);
	}
	let reported = 0;
	for (const [title, tickets] of byTitle) {
		if (tickets.length < 2) continue;
		const others = tickets.length - 1;
		const range = (j: number) => placed(doc, j, doc.parsed(j).title.range);
		for (const i of tickets) {
			if (++reported % ticketsPerStep === 0) yield;
			const quoted = maskQuote(title, config, doc.parsed(i));
			const laterUse = i !== tickets[0];
			if (laterUse && others > maxRelated) {
				// A title on many tickets: only its first use lists the others, so that 3,000 tickets titled `咨询`
				// cost a few hundred bytes each, not a list each; the later uses name the line of the first.
				report({
					code: 'duplicate-title',
					range: range(i),
					message: l10n.t(
						'The title "{0}" is also used by {1} other tickets in this file; its first use is on line {2}.',
						quoted,
						others,
						range(tickets[0]).start.line + 1,
					),
				});
				continue;
			}
			// The first others in file order, and the one after them for "and N more": never the whole list.
			const listed: number[] = [];
			for (const j of tickets) {
				if (j === i) continue;
				listed.push(j);
				if (listed.length > maxRelated) break;
			}
			report({
				code: 'duplicate-title',
				range: range(i),
				message:
					others === 1
						? l10n.t('The title "{0}" is also used by another ticket in this file.', quoted)
						: l10n.t('The title "{0}" is also used by {1} other tickets in this file.', quoted, others),
				related: boundedRelated(
					listed,
					(j) => ({ range: range(j), message: l10n.t('Same title') }),
					(j, message) => ({ range: range(j), message }),
					others,
				),
			});
		}
	}
}

function* checkCategories(doc: TicketDocument, config: TicketConfig, workspace: CategoryCounts | undefined, report: Report): Steps<void> {
	const separator = config.labels.categorySeparator;
	// The workspace index may not hold this file (opened from outside, or not indexed yet) or hold
	// an older text of it: count its own tickets too, taking the larger count of each category.
	const counts = withOwnCounts(workspace, yield* countCategoriesSteps(doc.chunks.length, (i) => doc.parsed(i), separator));
	const taxonomy = config.categories;
	const frequent = [...counts]
		.filter(([, n]) => n >= frequentCount)
		.sort((a, b) => b[1] - a[1])
		.map(([name]) => name);
	for (let i = 0; i < doc.chunks.length; i++) {
		if (i % ticketsPerStep === ticketsPerStep - 1) yield;
		const parsed = doc.parsed(i);
		const name = categoryName(parsed, separator);
		if (!name || !parsed.category?.subcategory) continue;
		const range = placed(doc, i, parsed.category.value.range);
		// Only when reported: masking looks for leaks in the whole ticket.
		const quoted = () => maskQuote(name, config, parsed);
		if (taxonomy.length) {
			if (taxonomy.includes(name)) continue;
			// Part by part: `CDN｜证书问题` is another subcategory than `CDN｜配置问题`, not a typo of it.
			const suggestion = taxonomy.find((known) => isTypoOf(name, known, separator));
			report({
				code: 'category-unknown',
				range,
				message: suggestion
					? l10n.t('Category `{0}` is not in the taxonomy; did you mean `{1}`?', quoted(), suggestion)
					: l10n.t('Category `{0}` is not in the taxonomy.', quoted()),
				data: suggestion ? { replacement: ` ${suggestion}` } : undefined,
			});
			continue;
		}
		if ((counts.get(name) ?? 0) > 1) continue;
		const suggestion = frequent.find((f) => isTypoOf(name, f, separator));
		if (suggestion) {
			report({
				code: 'category-unknown',
				range,
				// The suggestion is other tickets' text (of any file of the workspace): masked too.
				message: l10n.t(
					'Category `{0}` is seen only once; did you mean `{1}` ({2} tickets)?',
					quoted(),
					maskQuote(suggestion, config),
					counts.get(suggestion) ?? 0,
				),
				data: { replacement: ` ${suggestion}` },
			});
		}
	}
}

/** One part equal and the other a near spelling: `CDN｜配置问提` for `CDN｜配置问题`, not `云主机｜其他类咨询` for `CDN｜其他类咨询`. */
function isTypoOf(name: string, frequent: string, separator: string): boolean {
	const [product, sub = ''] = name.split(separator);
	const [fProduct, fSub = ''] = frequent.split(separator);
	const near = (a: string, b: string) => a !== b && editDistance(a, b) <= typoBudget(b);
	return (product === fProduct && near(sub, fSub)) || (sub === fSub && near(product, fProduct));
}

/** A range of ticket i's parse moved into the file (cheaper than placing the whole ticket). */
function placed(doc: TicketDocument, i: number, range: Range): Range {
	return shiftRange(range, doc.chunks[i].startLine);
}

function withOwnCounts(workspace: CategoryCounts | undefined, own: Map<string, number>): CategoryCounts {
	if (!workspace) return own;
	const merged = new Map(workspace);
	for (const [name, n] of own) if ((merged.get(name) ?? 0) < n) merged.set(name, n);
	return merged;
}

/** From the line outlines (the category line is read as the parse reads it): completion needs no parse of every ticket. */
export function countCategories(doc: TicketDocument, separator: string): Map<string, number> {
	return runSteps(countCategoriesSteps(doc.chunks.length, (i) => doc.outline(i), separator));
}

/** The same from each ticket's outline or parse (the file rules have every parse already), in steps. */
function* countCategoriesSteps(tickets: number, read: (i: number) => Parameters<typeof categoryName>[0], separator: string): Steps<Map<string, number>> {
	const counts = new Map<string, number>();
	for (let i = 0; i < tickets; i++) {
		if (i % ticketsPerStep === ticketsPerStep - 1) yield;
		const name = categoryName(read(i), separator);
		if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
	}
	return counts;
}
