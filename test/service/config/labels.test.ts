/** The words of a dump's structure, and the category label written with them. */
import { strict as assert } from 'node:assert';
import { categoryLabel } from '../../../server/src/service/config/labels';

describe('categoryLabel', () => {
	it('joins product and subcategory with the separator given', () => {
		assert.equal(categoryLabel({ product: 'CDN', subcategory: '配置问题' }, '｜'), 'CDN｜配置问题');
		assert.equal(categoryLabel({ product: 'CDN', subcategory: '配置问题' }, ' / '), 'CDN / 配置问题');
	});

	it('is the product alone without a subcategory, and empty without a product', () => {
		assert.equal(categoryLabel({ product: 'CDN' }, '｜'), 'CDN');
		assert.equal(categoryLabel({ product: 'CDN', subcategory: '' }, '｜'), 'CDN');
		assert.equal(categoryLabel({ subcategory: '配置问题' }, '｜'), '');
		assert.equal(categoryLabel({ product: '', subcategory: '配置问题' }, '｜'), '');
		assert.equal(categoryLabel({}, '｜'), '');
	});
});
