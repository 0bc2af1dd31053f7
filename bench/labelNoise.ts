/**
 * Label noise for bench/evalLabels.ts: the real dump's tickets with their root causes and
 * products, a copy of it whose root causes a reviewer has corrected (test/support/realDumpReview.ts),
 * and seeded swaps of 10% of a copy's root causes, half within a product and half across products.
 */
import { createTicketService, type Ticket } from '../server/src/service/index';
import { otherMislabels, rootCauseReview } from '../test/support/realDumpReview';
import { random } from './corpus';

export const service = createTicketService();

export interface Parsed {
	readonly text: string;
	readonly tickets: readonly Ticket[];
	readonly rootCauses: readonly string[];
	readonly products: readonly string[];
}

export function parse(text: string, version = 0): Parsed {
	const tickets = service.parse({ uri: 'file:///eval/dump.txt', version, getText: () => text }).tickets();
	return {
		text,
		tickets,
		rootCauses: tickets.map((t) => t.sections.find((s) => s.kind === 'rootCause')?.contentText.trim() ?? ''),
		products: tickets.map((t) => t.category?.product?.text ?? ''),
	};
}

/** `dump` with the root causes of the tickets in `labels` (ticket number → label) replaced, line by line. */
export function relabel(dump: Parsed, labels: ReadonlyMap<number, string>): string {
	const lines = dump.text.split('\n');
	for (const [i, label] of labels) {
		const section = dump.tickets[i].sections.find((s) => s.kind === 'rootCause')!;
		lines[section.content.start.line] = label; // placed tickets' ranges are in the file's coordinates
	}
	return lines.join('\n');
}

/**
 * The tickets a reviewer found mislabelled, with the label the reviewer gives: the evidence findings
 * the reviewer agrees with and the mislabels found reading other suspects (overruled findings left out).
 */
export function reviewedLabels(dump: Parsed): Map<number, string> {
	const out = new Map<number, string>();
	const rows = [...rootCauseReview, ...otherMislabels.map(([line, label, reviewed]) => [line, label, '', reviewed] as const)];
	for (const [line, given, , reviewed] of rows) {
		if (reviewed === given) continue;
		const i = dump.tickets.findIndex((t) => t.startLine + 1 === line);
		if (i < 0 || dump.rootCauses[i] !== given) throw new Error(`The review's ticket at line ${line} is not in the dump as reviewed`);
		out.set(i, reviewed);
	}
	return out;
}

/** A copy of `dump` with 10% of its root causes swapped for another ticket's, and which tickets they are. */
export function plant(dump: Parsed, seed: number, share = 0.1): { text: string; planted: Set<number> } {
	const next = random(seed);
	const n = dump.tickets.length;
	const order = [...Array(n).keys()].sort(() => next() - 0.5);
	const swaps = new Map<number, string>();
	const count = Math.round(n * share);
	for (const i of order) {
		if (swaps.size === count) break;
		const within = swaps.size % 2 === 0;
		const donors = [...Array(n).keys()].filter(
			(j) => (dump.products[j] === dump.products[i]) === within && dump.rootCauses[j] && dump.rootCauses[j] !== dump.rootCauses[i],
		);
		if (!donors.length) continue;
		swaps.set(i, dump.rootCauses[donors[Math.floor(next() * donors.length)]]);
	}
	return { text: relabel(dump, swaps), planted: new Set(swaps.keys()) };
}
