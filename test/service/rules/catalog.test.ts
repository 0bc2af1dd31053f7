/** The rule catalog: stable codes, default severities as issue 2 sets them, and the settings that name them. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleCodes, ruleInfo } from '../../../server/src/service/index';
import { foundationCodes } from '../../support/fixtures';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));

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
		for (const code of foundationCodes) assert.ok(ruleInfo(code)!.description().length > 10, code);
		assert.equal(ruleInfo('no-such-rule'), undefined);
	});

	it('has a `ticketCurator.rules` setting per code, defaulting to the same severity, `off` allowed', () => {
		const settings = manifest.contributes.configuration.properties['ticketCurator.rules'].properties;
		for (const code of foundationCodes) {
			assert.ok(settings[code], `setting for ${code}`);
			assert.equal(settings[code].default, ruleInfo(code)!.severity, code);
			assert.deepEqual(settings[code].enum, ['error', 'warning', 'information', 'hint', 'off'], code);
		}
	});
});
