/**
 * `tickets fix --labels`: after the safe fixes, writes the first suggested label of each label
 * without evidence whose confidence reaches `--min-confidence` (the catch-all's is 0.5, below the
 * default, so an unsupported label is only replaced by one the ticket's own words support).
 */
import * as l10n from '@vscode/l10n';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TicketService } from '../service/index';
import type { OptionSpec, ParsedArgs } from './args';
import { CliError } from './errors';
import { suspectRows } from './labelSuspectsOf';

export const defaultMinConfidence = 0.6;

export const labelFixOptions: readonly OptionSpec[] = [
	{ name: 'labels', type: 'boolean', description: () => l10n.t('Also replace root causes and products without evidence by their first suggestion.') },
	{
		name: 'min-confidence',
		// A fraction: the parser's numbers are whole.
		type: 'string',
		placeholder: 'C',
		description: () => l10n.t('With --labels: the confidence (0..1) a suggestion needs to be applied (default {0}).', defaultMinConfidence),
	},
];

/** What `--labels` applies to a dump's fixed text; undefined without `--labels`. */
export function labelFixing(
	args: ParsedArgs,
): ((service: TicketService, uri: string, fixed: { text: string; edits: number }) => { text: string; edits: number }) | undefined {
	if (!args.options.labels) return undefined;
	const given = args.options['min-confidence'];
	const threshold = given === undefined ? defaultMinConfidence : Number(given);
	if (!(threshold >= 0 && threshold <= 1)) throw new CliError(l10n.t('--min-confidence must be a number from 0 to 1'));
	return (service, uri, fixed) => {
		const document = { uri, version: -1, getText: () => fixed.text };
		const edits = suspectRows(service, document)
			.filter((row) => row.suggestions[0] && row.suggestions[0].confidence >= threshold)
			.map((row) => ({ range: row.diagnostic.range, newText: row.suggestions[0].label }));
		service.forget(uri);
		if (!edits.length) return fixed;
		const text = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 0, fixed.text), edits);
		return { text, edits: fixed.edits + edits.length };
	};
}
