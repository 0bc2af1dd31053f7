/**
 * Related information of a finding that points at other tickets (the same title, copies): at most a
 * few entries, then one saying how many are left out. A finding that listed every other ticket grew
 * with the square of their number: 600 tickets titled `咨询` made 56 MB of diagnostics, 3,000 more than
 * a JSON string can hold.
 */
import * as l10n from '@vscode/l10n';

/** Entries listed before the "and N more" one. */
export const maxRelated = 5;

/**
 * The first `maxRelated` items as entries and, when more are left, one more entry on the next of
 * them saying how many (`total` counts them all, for callers that pass only the first few).
 */
export function boundedRelated<T, R>(items: readonly T[], entry: (item: T) => R, more: (item: T, message: string) => R, total = items.length): R[] {
	const shown = items.slice(0, maxRelated).map(entry);
	if (total > maxRelated && items.length > maxRelated) shown.push(more(items[maxRelated], l10n.t('…and {0} more', total - maxRelated)));
	return shown;
}
