/** The rule catalog: stable codes, default severities, and a description in every language for each. */
import { strict as assert } from 'node:assert';
import { ruleCodes, ruleInfo, rules, ruleTranslations } from '../../../server/src/service/index';
import { foundationCodes } from '../../support/fixtures';

describe('rules/catalog', () => {
	it('lists the 21 structural codes with their default severities', () => {
		assert.equal(new Set(ruleCodes).size, ruleCodes.length, 'codes are unique');
		const severities = Object.fromEntries(foundationCodes.map((code) => [code, ruleInfo(code)?.severity]));
		assert.deepEqual(severities, {
			'file-title': 'error',
			'declared-count': 'warning',
			separator: 'warning',
			'ticket-title': 'error',
			'category-missing': 'error',
			'category-format': 'warning',
			'category-unknown': 'warning',
			'section-missing': 'error',
			'section-empty': 'warning',
			'section-order': 'warning',
			'section-duplicate': 'error',
			'section-unknown': 'warning',
			'root-cause-unknown': 'warning',
			'answers-numbering': 'warning',
			'speaker-format': 'warning',
			'speaker-unknown': 'warning',
			'dialog-empty': 'error',
			'answers-mismatch': 'information',
			'description-mismatch': 'hint',
			'stray-structure': 'warning',
			'duplicate-title': 'hint',
		});
		assert.equal(ruleInfo('no-such-rule'), undefined);
	});

	it('writes every rule a kebab-case code, an English and a Chinese sentence, and what it finds', () => {
		for (const r of rules) {
			assert.match(r.code, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
			assert.match(r.description.en, /^\S.{10,}\.$/, r.code);
			assert.match(r.description['zh-cn'], /[\u4e00-\u9fff].*。$/, r.code);
			assert.ok(r.finds.length > 10 && !r.finds.includes('\n'), r.code);
		}
	});

	it('gives the Chinese descriptions as l10n bundle entries for zh-cn only', () => {
		const zh = ruleTranslations('zh-cn');
		assert.equal(Object.keys(zh).length, rules.length, 'no two rules share an English description');
		for (const r of rules) assert.equal(zh[r.description.en], r.description['zh-cn']);
		assert.deepEqual(ruleTranslations('zh'), {});
		assert.deepEqual(ruleTranslations('en'), {});
	});
});
