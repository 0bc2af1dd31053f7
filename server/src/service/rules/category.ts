/** The category line: present, written `**问题分类**: product｜subcategory`. */
import * as l10n from '@vscode/l10n';
import { categoryLabel } from '../config/labels';
import type { TicketRule } from './finding';
import { maskQuote } from '../leaks/maskQuote';

export const categoryRules: TicketRule = {
	codes: ['category-missing', 'category-format'],
	check(ticket, config, report) {
		const labels = config.labels;
		const category = ticket.category;
		if (!category) {
			report({
				code: 'category-missing',
				range: ticket.title.range,
				message: l10n.t(
					'The ticket has no category line; expected `**{0}**{1} product{2}subcategory` under the title.',
					labels.categoryKey,
					labels.categoryColon,
					labels.categorySeparator,
				),
			});
			return;
		}
		if (!category.keyWellFormed) {
			report({
				code: 'category-format',
				range: category.key.range,
				message: l10n.t('The category key is written `{0}`; expected `**{1}**`.', maskQuote(category.key.text, config, ticket), labels.categoryKey),
				data: { replacement: `**${labels.categoryKey}**` },
			});
		}
		if (!category.colon) {
			report({
				code: 'category-format',
				range: category.key.range,
				message: l10n.t('No colon after the category key; expected `**{0}**{1} `.', labels.categoryKey, labels.categoryColon),
			});
		} else if (category.colon.text !== labels.categoryColon) {
			report({
				code: 'category-format',
				range: category.colon.range,
				message: l10n.t('The colon after the category key is `{0}`; expected `{1}`.', category.colon.text, labels.categoryColon),
				data: { replacement: labels.categoryColon },
			});
		}
		if (category.separator && category.separator.text !== labels.categorySeparator) {
			report({
				code: 'category-format',
				range: category.separator.range,
				message: l10n.t(
					'The category separator is `{0}`; expected the fullwidth `{1}` between product and subcategory.',
					category.separator.text,
					labels.categorySeparator,
				),
				data: { replacement: labels.categorySeparator },
			});
		}
		if (!category.product) {
			report({
				code: 'category-format',
				range: category.value.text.trim() ? category.value.range : category.range,
				message: l10n.t('The category has no product; expected `product{0}subcategory`.', labels.categorySeparator),
			});
			return;
		}
		if (!category.subcategory) {
			report({
				code: 'category-format',
				range: category.separator?.range ?? category.product.range,
				message: l10n.t(
					'The category has no subcategory; expected `{0}{1}subcategory`.',
					maskQuote(category.product.text, config, ticket),
					labels.categorySeparator,
				),
			});
			return;
		}
		// The value as written but for its spacing.
		const canonical = ` ${categoryName(ticket, category.separator?.text ?? '')}`;
		if (category.colon && category.value.text !== canonical) {
			report({
				code: 'category-format',
				range: category.value.range,
				message: l10n.t('Stray spaces in the category; expected one space after the colon and none around `{0}`.', labels.categorySeparator),
				data: { replacement: ` ${categoryName(ticket, labels.categorySeparator)}` },
			});
		}
	},
};

/** `product｜subcategory` as the taxonomy and the tree spell it, whatever the separator written. */
export function categoryName(ticket: { category?: { product?: { text: string }; subcategory?: { text: string } } }, separator: string): string | undefined {
	const c = ticket.category;
	return categoryLabel({ product: c?.product?.text, subcategory: c?.subcategory?.text }, separator) || undefined;
}
