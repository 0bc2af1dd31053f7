import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { createTicketService, resolveConfig } from '../../../server/src/service/index';
import { leakCodes } from '../../../server/src/service/leaks/leak';
import { fixturesDir, readText, realDumpText, textDocument } from '../../support/fixtures';
import { applyEdits, assertOutsideUnchanged } from '../../support/edits';

const isLeak = (code: unknown) => (leakCodes as readonly unknown[]).includes(code);

describe('maskLeaks', () => {
	it('masks every leak of the real dump with the mask its finding proposes, and leaves none', () => {
		const text = realDumpText();
		const service = createTicketService();
		const findings = service.validate(textDocument(text))!.filter((d) => isLeak(d.code));
		const { edits, counts } = service.maskAllLeaks(text);
		assert.deepEqual(
			edits.map((e) => [e.range, e.newText]),
			findings.map((d) => [d.range, d.data?.replacement]),
		);
		assert.deepEqual(counts, { 'redaction-leak': 67, 'pii-ip': 4, 'secret-credential': 1, 'pii-org-id': 2, 'pii-bank-card': 1 });
		const after = applyEdits(text, edits);
		assertOutsideUnchanged(text, after, edits);
		assert.deepEqual(
			service.validate(textDocument(after))!.filter((d) => isLeak(d.code)),
			[],
		);
		assert.deepEqual(service.maskAllLeaks(after), { edits: [], counts: {} });
	});

	it('follows the configuration: codes switched off and the allow-list', () => {
		const text = readText(join(fixturesDir, 'leaks', 'pii-phone.md'));
		const service = createTicketService({ config: resolveConfig({ allowList: ['13812345678'], rules: { 'pii-email': 'off' } }) });
		assert.deepEqual(service.maskAllLeaks(text).counts, { 'pii-phone': 3 });
		service.configure(resolveConfig({ rules: { 'pii-phone': 'off' } }));
		assert.deepEqual(service.maskAllLeaks(text), { edits: [], counts: {} });
	});
});
