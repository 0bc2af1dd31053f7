/**
 * Leaks the anonymiser missed, in every section of a ticket: personal data, secrets, and values
 * the ticket masks elsewhere. The finding's range is the value; its data carries the mask the
 * quick fix writes. Messages never repeat the value (they end up in CI logs and reports).
 */
import * as l10n from '@vscode/l10n';
import { allowListFor } from '../leaks/allowList';
import { findLeaks } from '../leaks/findLeaks';
import { leakCodes, type Leak, type LeakCode, type LeakKind } from '../leaks/leak';
import { ticketLeaks } from '../leaks/ticketLeaks';
import { LineIndex } from '../document/positions';
import type { TicketRule } from './finding';

const describe: Record<LeakKind, (leak: Leak) => string> = {
	mobile: () => l10n.t('A mobile phone number is not masked.'),
	landline: () => l10n.t('A landline phone number is not masked.'),
	email: () => l10n.t('An e-mail address is not masked.'),
	idCard: () => l10n.t('A resident ID card number (valid check digit) is not masked.'),
	bankCard: () => l10n.t('A bank card number (valid Luhn check) is not masked.'),
	bankAccount: (leak) => l10n.t('A bank account number after `{0}` is not masked.', leak.cue ?? ''),
	ip: () => l10n.t('A public IPv4 address is not masked.'),
	accessKey: () => l10n.t('An access key with its signature (AK:SIGN) is in clear text.'),
	uploadToken: () => l10n.t('An upload token is in clear text.'),
	bearerToken: () => l10n.t('A bearer token is in clear text.'),
	jwt: () => l10n.t('A JSON web token is in clear text.'),
	password: (leak) => l10n.t('A password after `{0}` is in clear text.', leak.cue ?? ''),
	secretValue: (leak) => l10n.t('A secret value after `{0}` is in clear text.', leak.cue ?? ''),
	privateKey: () => l10n.t('A private key is in clear text.'),
	orgId: () => l10n.t('A unified social credit code (company tax ID, valid check character) is not masked.'),
	masked: (leak) => l10n.t('This value is masked elsewhere in this ticket as `{0}` but written in full here.', leak.mask),
};

export const leakRules: TicketRule = {
	codes: leakCodes,
	check(ticket, config, report) {
		const enabled = (code: LeakCode) => config.rules[code] !== 'off';
		// With every leak code on (the default), the same scan quoting messages use (ticketLeaks.ts).
		const leaks = leakCodes.every(enabled) ? ticketLeaks(ticket, config.allowList) : findLeaks(ticket.text, { enabled, allow: allowListFor(config.allowList) });
		if (!leaks.length) return;
		const index = new LineIndex(ticket.text);
		for (const leak of leaks) {
			const maskedElsewhere = leak.masked && leak.kind !== 'masked';
			report({
				code: leak.code,
				range: index.rangeAt(leak.start, leak.end),
				message: maskedElsewhere
					? `${describe[leak.kind](leak)} ${l10n.t('This ticket masks it elsewhere as `{0}`.', leak.masked!.text)}`
					: `${describe[leak.kind](leak)} ${l10n.t('Mask it as `{0}`.', leak.mask)}`,
				related: leak.masked ? [{ range: index.rangeAt(leak.masked.start, leak.masked.end), message: l10n.t('Masked here') }] : undefined,
				data: { replacement: leak.mask, leak: leak.kind },
			});
		}
	},
};
