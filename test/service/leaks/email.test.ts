import { strict as assert } from 'node:assert';
import { detectEmails } from '../../../server/src/service/leaks/email';
import { values } from '../../support/leaks';

describe('leaks/email', () => {
	it('finds addresses, also right against Chinese text', () => {
		assert.deepEqual(values(detectEmails, '发票请发邮箱：zhang.wei+invoice@example-corp.cn谢谢，或 FINANCE@Qiniu-Partner.com.cn。'), [
			'zhang.wei+invoice@example-corp.cn',
			'FINANCE@Qiniu-Partner.com.cn',
		]);
	});

	it('ignores version strings, scoped packages, shell prompts, SSH remotes, image names and documentation domains', () => {
		const text =
			'qiniu+upload@1.0.2 @qiniu/sdk@7.12.0 root@iZj6c2kx:~/app git@github.com:qiniu/js-sdk.git logo@2x.png icon@3x.webp user@example.com a@b.test [REDACTED_EMAIL] abc@localhost';
		assert.deepEqual(values(detectEmails, text), []);
	});
});
