import { strict as assert } from 'node:assert';
import { idCardBirthDateValid, idCardValid, luhnValid, orgIdValid } from '../../../server/src/service/leaks/checksums';

describe('leaks/checksums', () => {
	it('Luhn accepts card numbers and rejects one changed digit', () => {
		for (const card of ['6222021234567890128', '6217000012345670', '4367421234567896', '4111111111111111']) {
			assert.ok(luhnValid(card), card);
			const last = Number(card.at(-1));
			assert.ok(!luhnValid(card.slice(0, -1) + ((last + 1) % 10)), `${card} with a wrong check digit`);
		}
		assert.ok(!luhnValid('1851081544546922496'), 'a snowflake order id');
		assert.ok(!luhnValid('6222 0212'), 'digits only');
	});

	it('GB 11643: the ID check character, X included', () => {
		assert.ok(idCardValid('11010519491231002X'));
		assert.ok(idCardValid('11010519491231002x'));
		assert.ok(idCardValid('440306199003071232'));
		assert.ok(!idCardValid('440306199003071233'));
		assert.ok(!idCardValid('4403061990030712'));
		assert.ok(!idCardValid('44030619900307123A'));
	});

	it('an ID birth date is a real date, not in the future', () => {
		const today = new Date(Date.UTC(2024, 10, 1));
		assert.ok(idCardBirthDateValid('110105194912310021', today));
		assert.ok(!idCardBirthDateValid('110105194902300021', today), '30 February');
		assert.ok(!idCardBirthDateValid('110105203001010021', today), 'born in 2030');
		assert.ok(!idCardBirthDateValid('110105189912310021', today), 'before 1900');
	});

	it('GB 32100: the unified social credit code check character', () => {
		// Both from the real dump's invoice requests.
		assert.ok(orgIdValid('91110108MA003UN95A'));
		assert.ok(orgIdValid('91440300MA5HM7HT6F'));
		assert.ok(orgIdValid('911101087000100061'));
		assert.ok(!orgIdValid('91110108MA003UN95B'));
		assert.ok(!orgIdValid('91110108MA003UN95'), '17 characters');
		assert.ok(!orgIdValid('91110108MI003UN95A'), 'I is not in the alphabet');
	});
});
