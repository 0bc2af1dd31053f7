/**
 * Inserting a missing section where the format puts it (before the next section in order, or
 * after the last one). Its content is what the ticket already says elsewhere: 问题描述 is the
 * first customer turn (91 of the 114 real tickets); a missing dialog is rebuilt from 问题描述 and
 * 客服解答; a missing root cause gets the neutral label "needs further investigation" when that
 * label is known. A section with nothing to fill it gets its heading only.
 */
import * as l10n from '@vscode/l10n';
import type { Diagnostic, Position } from 'vscode-languageserver-types';
import { sectionOrder, type SectionKind } from '../config/labels';
import type { Ticket } from '../document/model';
import { lineBreak, type Fix, type FixContext } from './fixContext';

const neutralRootCause = '需要进一步排查具体原因';

export function missingSectionFix(diagnostic: Diagnostic, { doc, config }: FixContext): Fix[] {
	const kind = (diagnostic.data as { section?: SectionKind } | undefined)?.section;
	const i = doc.ticketAtLine(diagnostic.range.start.line);
	if (!kind || i === undefined) return [];
	const ticket = doc.ticket(i);
	if (ticket.sections.some((s) => s.kind === kind)) return [];
	const labels = config.labels;
	const nl = lineBreak(doc);
	const content = contentFor(kind, ticket, config.rootCauses, labels.speakers, labels.speakerColon, nl);
	const block = content ? `### ${labels.sections[kind]}${nl}${nl}${content}` : `### ${labels.sections[kind]}`;
	const rank = sectionOrder.indexOf(kind);
	const next = ticket.sections.find((s) => s.kind !== undefined && sectionOrder.indexOf(s.kind) > rank);
	let at: Position;
	let newText: string;
	if (next) {
		at = { line: next.heading.start.line, character: 0 };
		newText = `${block}${nl}${nl}`;
	} else {
		// After the last section, or after the category line, or the title.
		const last = ticket.sections[ticket.sections.length - 1];
		const end = last ? last.range.end : (ticket.category?.range.end ?? ticket.heading.end);
		at = end;
		newText = `${nl}${nl}${block}`;
	}
	return [{ title: l10n.t('Insert the section `{0}`', labels.sections[kind]), edits: [{ range: { start: at, end: at }, newText }] }];
}

function contentFor(
	kind: SectionKind,
	ticket: Ticket,
	rootCauses: readonly string[],
	speakers: { customer: string; staff: string },
	colon: string,
	nl: string,
): string {
	switch (kind) {
		case 'description':
			return (
				ticket.turns
					.find((t) => t.speaker === 'customer')
					?.text.split('\n')
					.join(nl) ?? ''
			);
		case 'rootCause':
			return rootCauses.includes(neutralRootCause) ? neutralRootCause : '';
		case 'dialog': {
			const description = ticket.sections.find((s) => s.kind === 'description')?.contentText;
			const turns = [
				...(description ? [`**${speakers.customer}**${colon}${description.split('\n').join(' ')}`] : []),
				...ticket.answers.map(
					(a) =>
						`**${speakers.staff}**${colon}${a.text
							.split('\n')
							.map((l) => l.trim())
							.join(' ')}`,
				),
			];
			return turns.join(`${nl}${nl}`);
		}
		default:
			return '';
	}
}
