import { strict as assert } from 'node:assert';
import { leakCodeOf, leakCodes } from '../../../server/src/service/leaks/leak';
import { ruleInfo } from '../../../server/src/service/rules/catalog';

describe('leaks/leak', () => {
	it('every leak kind has a rule code in the catalog, secrets and sensitive data as errors', () => {
		assert.deepEqual(leakCodes, [
			'pii-phone',
			'pii-email',
			'pii-id-card',
			'pii-bank-card',
			'pii-ip',
			'pii-chat-id',
			'pii-passport',
			'pii-plate',
			'secret-credential',
			'pii-org-id',
			'redaction-leak',
		]);
		const severities = Object.fromEntries(leakCodes.map((code) => [code, ruleInfo(code)?.severity]));
		assert.deepEqual(severities, {
			'pii-phone': 'warning',
			'pii-email': 'warning',
			'pii-id-card': 'error',
			'pii-bank-card': 'error',
			'pii-ip': 'warning',
			'pii-chat-id': 'warning',
			'pii-passport': 'error',
			'pii-plate': 'warning',
			'secret-credential': 'error',
			'pii-org-id': 'warning',
			'redaction-leak': 'warning',
		});
		assert.equal(leakCodeOf.bankAccount, 'pii-bank-card');
		assert.equal(leakCodeOf.masked, 'redaction-leak');
	});
});
