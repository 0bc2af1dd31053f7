/**
 * How a leaked value is masked, in the dump's own style: the placeholders its anonymiser writes
 * (`[REDACTED_PHONE]`, `[REDACTED_EMAIL]`…), IPv4 with the last two numbers starred (`148.153.*.*`), IPv6
 * with all but the first two groups starred (`2408:8000:*`),
 * and keys and tokens keeping up to 8 characters (a third at most) of each `:`-separated part (`jCciD48k***:lsBJ-cr-***=`).
 */
import type { LeakKind } from './leak';

const placeholders: Partial<Record<LeakKind, string>> = {
	mobile: '[REDACTED_PHONE]',
	landline: '[REDACTED_LANDLINE]',
	email: '[REDACTED_EMAIL]',
	idCard: '[REDACTED_ID_CARD_18]',
	bankCard: '[REDACTED_BANK_CARD]',
	bankAccount: '[REDACTED_BANK_ACCOUNT]',
	orgId: '[REDACTED_ORG_ID]',
	wechat: '[REDACTED_WECHAT]',
	qq: '[REDACTED_QQ]',
	passport: '[REDACTED_PASSPORT]',
	plate: '[REDACTED_PLATE]',
	password: '[REDACTED_PASSWORD]',
	privateKey: '[REDACTED_PRIVATE_KEY]',
};

/** The first characters of a secret part, never more than a third of it. */
function keepPrefix(part: string): string {
	const padding = /=+$/.exec(part)?.[0] ?? '';
	const body = part.slice(0, part.length - padding.length);
	return `${body.slice(0, Math.min(8, Math.floor(body.length / 3)))}***${padding}`;
}

export function maskValue(kind: LeakKind, value: string): string {
	const placeholder = placeholders[kind];
	if (placeholder) return placeholder;
	switch (kind) {
		case 'ip': {
			const [a, b] = value.split('.');
			return `${a}.${b}.*.*`;
		}
		case 'ipv6': {
			// Like an IPv4: the network's first two groups stay, the rest is starred.
			const [a, b] = value.split(':');
			return `${a}:${b}:*`;
		}
		case 'accessKey':
		case 'uploadToken':
			return value.split(':').map(keepPrefix).join(':');
		default:
			return keepPrefix(value);
	}
}
