/**
 * Which files are ticket dumps: decided by content, so a README next to the dumps gets nothing
 * from us. A dump has the declared-count header line or at least one category line.
 */
import { escapeRegExp, type TicketLabels } from './labels';

const headerWindow = 4096;

export function isTicketDump(text: string, labels: TicketLabels): boolean {
	const head = text.slice(0, headerWindow);
	if (new RegExp(labels.declaredCount).test(head) && /^\uFEFF?#[ \t]/m.test(head)) return true;
	return new RegExp(`^[ \\t]*\\*\\*${escapeRegExp(labels.categoryKey)}\\*\\*`, 'm').test(text);
}
