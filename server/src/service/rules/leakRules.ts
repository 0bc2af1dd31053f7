/**
 * Leaks the anonymiser missed, in every section of a ticket: personal data, secrets, and values
 * the ticket masks elsewhere. The finding's range is the value; its data carries the mask the
 * quick fix writes. Messages name the kind only, never the value nor its mask (they end up in CI
 * logs and reports); the editor's quick fix shows the mask.
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
	ipv6: () => l10n.t('A public IPv6 address is not masked.'),
	wechat: () => l10n.t('A WeChat ID is not masked.'),
	qq: () => l10n.t('A QQ number is not masked.'),
	passport: () => l10n.t('A passport number is not masked.'),
	plate: () => l10n.t('A vehicle number plate is not masked.'),
	apiKey: (leak) => l10n.t('A {0} key or token is in clear text.', leak.cue ?? ''),
	accessKey: () => l10n.t('An access key with its signature (AK:SIGN) is in clear text.'),
	uploadToken: () => l10n.t('An upload token is in clear text.'),
	bearerToken: () => l10n.t('A bearer token is in clear text.'),
	jwt: () => l10n.t('A JSON web token is in clear text.'),
	password: (leak) => l10n.t('A password after `{0}` is in clear text.', leak.cue ?? ''),
	secretValue: (leak) => l10n.t('A secret value after `{0}` is in clear text.', leak.cue ?? ''),
	privateKey: () => l10n.t('A private key is in clear text.'),
	orgId: () => l10n.t('A unified social credit code (company tax ID, valid check character) is not masked.'),
	masked: () => l10n.t('This value is masked elsewhere in this ticket but written in full here.'),
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
			const publicDoc = leak.kind === 'masked' && onPublicDocHost(leak.value, config.publicDocHosts);
			report({
				code: leak.code,
				range: index.rangeAt(leak.start, leak.end),
				// Neither the value nor its mask: a mask keeps a secret's first characters, and messages reach CI logs.
				message: maskedElsewhere
					? `${describe[leak.kind](leak)} ${l10n.t('This ticket masks it elsewhere.')}`
					: publicDoc
						? `${describe[leak.kind](leak)} ${l10n.t('It links to public documentation (`publicDocHosts`).')}`
						: describe[leak.kind](leak),
				related: leak.masked ? [{ range: index.rangeAt(leak.masked.start, leak.masked.end), message: l10n.t('Masked here') }] : undefined,
				data: { replacement: leak.mask, leak: leak.kind },
				...(publicDoc ? { defaultSeverity: 'information' as const } : {}),
			});
		}
	},
};

/** Whether a value is a link (scheme optional) to a host of the list: the host itself, or any under a `*.` entry. */
export function onPublicDocHost(value: string, hosts: readonly string[]): boolean {
	if (!hosts.length) return false;
	const host = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?=[/?#:]|$)/i.exec(value)?.[1].toLowerCase();
	if (!host) return false;
	return hosts.some((h) => (h.startsWith('*.') ? host.endsWith(h.slice(1)) : host === h));
}
