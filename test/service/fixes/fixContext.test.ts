import { strict as assert } from 'node:assert';
import { lineBreak } from '../../../server/src/service/fixes/fixContext';
import { createTicketService } from '../../../server/src/service/index';
import { textDocument } from '../../support/fixtures';

describe('fixes/fix', () => {
	it("inserts lines with the file's own line break", () => {
		const service = createTicketService();
		assert.equal(lineBreak(service.parse(textDocument('# A\r\n\r\n## B\r\n'))), '\r\n');
		assert.equal(lineBreak(service.parse(textDocument('# A\n\n## B\n'))), '\n');
		assert.equal(lineBreak(service.parse(textDocument('# A'))), '\n');
	});
});
