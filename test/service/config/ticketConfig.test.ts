/** The one configuration shape: defaults filled in for whatever a partial configuration leaves out. */
import { strict as assert } from 'node:assert';
import { defaultConfig, defaultRootCauses, resolveConfig } from '../../../server/src/service/config/ticketConfig';
import { chineseLabels } from '../../../server/src/service/config/labels';
import { createTicketService } from '../../../server/src/service/index';
import { defectText, summary, textDocument } from '../../support/fixtures';

describe('config', () => {
	it('defaults: every rule at its default severity, no taxonomy, the 8 root causes of the dump, Chinese labels', () => {
		const config = resolveConfig();
		assert.deepEqual(config.rules, {});
		assert.deepEqual(config.categories, []);
		assert.equal(config.rootCauses.length, 8);
		assert.deepEqual(config.rootCauses, defaultRootCauses);
		assert.deepEqual(config.labels, chineseLabels);
		assert.deepEqual(resolveConfig({}), defaultConfig);
	});

	it('keeps what is given and fills the rest, label by label', () => {
		const config = resolveConfig({
			rules: { 'duplicate-title': 'off' },
			categories: ['CDN｜配置问题'],
			rootCauses: ['其他'],
			labels: { categoryKey: '分类', sections: { dialog: '对话' }, speakers: { staff: '工程师' } },
		});
		assert.deepEqual(config.rules, { 'duplicate-title': 'off' });
		assert.deepEqual(config.categories, ['CDN｜配置问题']);
		assert.deepEqual(config.rootCauses, ['其他']);
		assert.equal(config.labels.categoryKey, '分类');
		assert.equal(config.labels.categorySeparator, '｜');
		assert.deepEqual(config.labels.sections, { ...chineseLabels.sections, dialog: '对话' });
		assert.deepEqual(config.labels.speakers, { customer: '客户', staff: '工程师' });
	});

	it('falls back to the known root causes when the list is empty', () => {
		assert.deepEqual(resolveConfig({ rootCauses: [] }).rootCauses, defaultRootCauses);
	});

	it('does not share state between configurations', () => {
		const rules = { separator: 'error' as const };
		const config = resolveConfig({ rules });
		assert.notEqual(config.rules, rules);
		assert.notEqual(config.labels, chineseLabels);
		assert.deepEqual(chineseLabels.sections.dialog, '完整对话记录');
	});

	it('drives the service: configured labels read a dump written with them', () => {
		const text = defectText('clean.md').replaceAll('完整对话记录', '对话').replaceAll('**客服**', '**工程师**');
		const chinese = createTicketService();
		assert.ok(summary(chinese.validate(textDocument(text))!).some(([code]) => code === 'section-missing'));
		const configured = createTicketService({ config: resolveConfig({ labels: { sections: { dialog: '对话' }, speakers: { staff: '工程师' } } }) });
		assert.deepEqual(configured.validate(textDocument(text)), []);
	});
});
