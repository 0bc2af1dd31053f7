/** The export gate on the real dump's findings: leaks and errors keep a ticket out, with their codes; hints do not. */
import { strict as assert } from 'node:assert';
import { createTicketService, findingsByTicket, gateVerdicts, maskedText } from '../../../server/src/service/index';
import { fileDocument, realDumpPath, realDumpText, textDocument } from '../../support/fixtures';

describe('export gate', () => {
	const service = createTicketService();

	it("withholds the real dump's tickets with leaks, for leaks only; none once their leaks are masked", () => {
		const document = fileDocument(realDumpPath);
		const parsed = service.parse(document);
		const byTicket = findingsByTicket(parsed.chunks, service.validate(document)!);
		assert.equal(byTicket.length, 114);
		const verdicts = byTicket.map(gateVerdicts).filter((v) => v.length);
		assert.ok(verdicts.length > 30);
		assert.ok(verdicts.every((v) => v.length === 1 && v[0].reason === 'leak'));
		assert.ok(verdicts.some((v) => v[0].codes.includes('secret-credential')));
		// Hints (duplicate titles, labels without evidence) do not count.
		assert.ok(byTicket.some((f) => f.length && !gateVerdicts(f).length));
		const masked = textDocument(maskedText(realDumpText(), service.config), 'file:///masked.txt');
		const after = findingsByTicket(service.parse(masked).chunks, service.validate(masked)!);
		assert.deepEqual(
			after.map(gateVerdicts).filter((v) => v.length),
			[],
		);
	});

	it('withholds a ticket with an error finding, with its code', () => {
		const text = '# 导出\n\n## 没有分类的工单\n\n### 问题描述\n\n登录失败\n';
		const document = textDocument(text);
		const byTicket = findingsByTicket(service.parse(document).chunks, service.validate(document)!);
		assert.deepEqual(
			gateVerdicts(byTicket[0]).map((v) => v.reason),
			['error-finding'],
		);
		assert.ok(gateVerdicts(byTicket[0])[0].codes.includes('category-missing'));
	});
});
