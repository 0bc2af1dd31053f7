/**
 * A stand-in for the dialog rules, bundled into a test build of the server only (test/server/
 * crashIsolation.test.ts): it reports a finding and then throws on a ticket whose title holds 💥,
 * as a rule with a bug would on a pathological input; on every other ticket it is the real rule.
 * Production code has no hook for it: the test's esbuild plugin swaps the module at bundle time.
 */
import { dialogRules as real } from '../../server/src/service/rules/dialog';
import type { TicketRule } from '../../server/src/service/rules/finding';

export const dialogRules: TicketRule = {
	codes: real.codes,
	check(ticket, config, report) {
		if (ticket.title.text.includes('💥')) {
			report({ code: 'speaker-format', range: ticket.title.range, message: 'half-way finding' });
			throw new Error('dialog rule exploded on a pathological ticket');
		}
		real.check(ticket, config, report);
	},
};
