/** Fixes that write the rule's own replacement: count, category line, speaker label, answer number, did-you-mean. */
import { strict as assert } from 'node:assert';
import { createTicketService, resolveConfig } from '../../../server/src/service/index';
import { defectText } from '../../support/fixtures';
import { checkFix, fixFor, replaceOnce } from '../../support/edits';

describe('fixes/replacement', () => {
	it('sets the declared count to the real count', () => {
		const text = defectText('declared-count.md');
		const action = fixFor(text, 'declared-count', /Set the declared count to 3/);
		assert.equal(action.isPreferred, true);
		checkFix(text, action, replaceOnce(text, '本文档包含 5 个', '本文档包含 3 个'));
	});

	const separators: [file: string, wrong: string][] = [
		['category-format.ascii-bar.md', 'CDN|配置问题'],
		['category-format.slash.md', 'CDN/配置问题'],
		['category-format.hyphen.md', 'CDN-配置问题'],
	];
	for (const [file, wrong] of separators) {
		it(`replaces the category separator in ${file}`, () => {
			const text = defectText(file);
			checkFix(text, fixFor(text, 'category-format', /Replace `.` with `｜`/), replaceOnce(text, `: ${wrong}`, ': CDN｜配置问题'));
		});
	}

	it('replaces the fullwidth colon, the plain key and the missing space of the category line', () => {
		const colon = defectText('category-format.fullwidth-colon.md');
		checkFix(colon, fixFor(colon, 'category-format', /Replace `：` with `:`/), replaceOnce(colon, '**问题分类**： CDN', '**问题分类**: CDN'));
		const key = defectText('category-format.key-not-bold.md');
		checkFix(key, fixFor(key, 'category-format', /with `\*\*问题分类\*\*`/), replaceOnce(key, '\n问题分类: CDN', '\n**问题分类**: CDN'));
		const space = defectText('category-format.no-space.md');
		checkFix(space, fixFor(space, 'category-format', /Replace/), replaceOnce(space, '**问题分类**:CDN', '**问题分类**: CDN'));
	});

	it('fixes a speaker label', () => {
		const text = defectText('speaker-format.md');
		checkFix(
			text,
			fixFor(text, 'speaker-format', /Replace `\*\*客户\*\*:` with `\*\*客户\*\*：`/, undefined, 49),
			replaceOnce(text, '**客户**:一直', '**客户**：一直'),
		);
		checkFix(
			text,
			fixFor(text, 'speaker-format', /Replace `客服：` with `\*\*客服\*\*：`/, undefined, 51),
			replaceOnce(text, '\n客服：您好', '\n**客服**：您好'),
		);
	});

	it('quotes the text it replaces with its leaks masked, and still writes the text itself', () => {
		const text = defectText('clean.md').replace('**问题分类**: 对象存储｜上传下载', '**问题分类**: 对象存储 ｜ 电话13812345678');
		checkFix(
			text,
			fixFor(text, 'category-format', /^Replace `对象存储 ｜ 电话\[REDACTED_PHONE\]` with `对象存储｜电话\[REDACTED_PHONE\]`$/),
			replaceOnce(text, '对象存储 ｜ 电话13812345678', '对象存储｜电话13812345678'),
		);
	});

	it('gives one answer its number', () => {
		const text = defectText('answers-numbering.md');
		checkFix(text, fixFor(text, 'answers-numbering', /Number this answer 2/), replaceOnce(text, '3. 已经部署完成', '2. 已经部署完成'));
	});

	it('applies a did-you-mean suggestion: section, root cause, category', () => {
		const section = defectText('section-unknown.md');
		checkFix(section, fixFor(section, 'section-unknown', /Change to `问题描述`/), replaceOnce(section, '### 问题描叙', '### 问题描述'));
		const rootCause = defectText('root-cause-unknown.md');
		checkFix(
			rootCause,
			fixFor(rootCause, 'root-cause-unknown', /Change to `配置参数错误或不当`/),
			replaceOnce(rootCause, '配置参数错误或不档', '配置参数错误或不当'),
		);
		const category = defectText('category-unknown.learned.md');
		checkFix(category, fixFor(category, 'category-unknown', /Change to `CDN｜配置问题`/), replaceOnce(category, 'CDN｜配置问提', 'CDN｜配置问题'));
	});

	it('offers nothing for a finding without a replacement', () => {
		const text = defectText('category-format.no-product.md');
		const service = createTicketService({ config: resolveConfig() });
		const diagnostic = service.validate({ uri: 'file:///work/dump.md', version: 1, getText: () => text })!.find((d) => d.code === 'category-format')!;
		assert.deepEqual(
			service.codeActions({ uri: 'file:///work/dump.md', version: 1, getText: () => text }, { range: diagnostic.range, only: ['quickfix'] }),
			[],
		);
	});
});
