/**
 * Loads the translated strings for a locale (`l10n/bundle.l10n.<locale>.json`, plus the rule
 * descriptions' translations, which the rule catalog holds); English needs none.
 */
import * as l10n from '@vscode/l10n';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleTranslations } from '../service/index';

/** False when the locale has no translation (the messages stay English). */
export function loadL10n(locale: string | undefined, l10nDir: string): boolean {
	if (!locale) return true;
	const lower = locale.toLowerCase();
	if (lower === 'en' || lower.startsWith('en-')) return true;
	for (const candidate of [lower, lower.split('-')[0]]) {
		const file = join(l10nDir, `bundle.l10n.${candidate}.json`);
		if (existsSync(file)) {
			l10n.config({ contents: { ...JSON.parse(readFileSync(file, 'utf8')), ...ruleTranslations(candidate) } });
			return true;
		}
	}
	return false;
}
