import * as assert from 'node:assert/strict';
import { activateExtension, extensionId } from './helpers';

describe('activation', () => {
	it('activates the extension in a real extension host', async () => {
		const extension = await activateExtension();
		assert.equal(extension.id, extensionId);
		assert.equal(extension.isActive, true);
	});
});
