import { strict as assert } from 'node:assert';
import { createTicketService, resolveConfig } from '../../../server/src/service/index';
import { defectText, textDocument } from '../../support/fixtures';
import { checkFix, fixFor, replaceOnce } from '../../support/edits';

describe('fixes/missingSection', () => {
	it('inserts 根本原因分析 before the dialog, with the neutral label', () => {
		const text = defectText('section-missing.md');
		const action = fixFor(text, 'section-missing', /Insert the section `根本原因分析`/);
		const after = checkFix(
			text,
			action,
			replaceOnce(text, '处理完成，您确认下。\n\n### 完整对话记录', '处理完成，您确认下。\n\n### 根本原因分析\n\n需要进一步排查具体原因\n\n### 完整对话记录'),
		);
		assert.deepEqual(
			createTicketService()
				.validate(textDocument(after))!
				.filter((d) => String(d.code).startsWith('section-')),
			[],
		);
	});

	it('inserts the heading alone when the neutral label is not a known root cause', () => {
		const text = defectText('section-missing.md');
		const service = createTicketService({ config: resolveConfig({ rootCauses: ['配置参数错误或不当'] }) });
		const action = fixFor(text, 'section-missing', /Insert the section `根本原因分析`/, service);
		checkFix(text, action, replaceOnce(text, '确认下。\n\n### 完整对话记录', '确认下。\n\n### 根本原因分析\n\n### 完整对话记录'), service);
	});

	it('inserts 问题描述 first, from the first customer turn', () => {
		const base = defectText('section-missing.md');
		const text = replaceOnce(base, '### 问题描述\n\n一直显示处理中\n\n### 客服解答', '### 客服解答');
		const action = fixFor(text, 'section-missing', /Insert the section `问题描述`/);
		checkFix(text, action, replaceOnce(text, '配置问题\n\n### 客服解答', '配置问题\n\n### 问题描述\n\n一直显示处理中\n\n### 客服解答'));
	});

	it('rebuilds a missing dialog at the end from 问题描述 and 客服解答', () => {
		const base = defectText('section-missing.md');
		const text = replaceOnce(
			base,
			'### 完整对话记录\n\n**客户**：一直显示处理中\n\n**客服**：您好，抱歉让您久等了，已经处理完成，您确认下。\n\n**客户**：已经可以了',
			'### 根本原因分析\n\n配置参数错误或不当',
		);
		const action = fixFor(text, 'section-missing', /Insert the section `完整对话记录`/);
		checkFix(
			text,
			action,
			replaceOnce(
				text,
				'配置参数错误或不当\n\n---\n',
				'配置参数错误或不当\n\n### 完整对话记录\n\n**客户**：一直显示处理中\n\n**客服**：您好，抱歉让您久等了，已经处理完成，您确认下。\n\n---\n',
			),
		);
	});
});
