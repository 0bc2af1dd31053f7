/**
 * Leaked values: personal data and secrets the anonymiser missed. Detectors work on one ticket's
 * text and report offsets into it; the leak rule (rules/leaks.ts) turns them into findings.
 */

/** What a leaked value is; several kinds share one rule code. */
export type LeakKind =
	| 'mobile'
	| 'landline'
	| 'email'
	| 'idCard'
	| 'bankCard'
	| 'bankAccount'
	| 'ip'
	| 'ipv6'
	| 'wechat'
	| 'qq'
	| 'passport'
	| 'plate'
	| 'accessKey'
	| 'apiKey'
	| 'uploadToken'
	| 'bearerToken'
	| 'jwt'
	| 'password'
	| 'secretValue'
	| 'privateKey'
	| 'orgId'
	| 'masked';

export type LeakCode =
	| 'pii-phone'
	| 'pii-email'
	| 'pii-id-card'
	| 'pii-bank-card'
	| 'pii-ip'
	| 'pii-chat-id'
	| 'pii-passport'
	| 'pii-plate'
	| 'secret-credential'
	| 'pii-org-id'
	| 'redaction-leak';

export const leakCodeOf: Readonly<Record<LeakKind, LeakCode>> = {
	mobile: 'pii-phone',
	landline: 'pii-phone',
	email: 'pii-email',
	idCard: 'pii-id-card',
	bankCard: 'pii-bank-card',
	bankAccount: 'pii-bank-card',
	ip: 'pii-ip',
	ipv6: 'pii-ip',
	wechat: 'pii-chat-id',
	qq: 'pii-chat-id',
	passport: 'pii-passport',
	plate: 'pii-plate',
	accessKey: 'secret-credential',
	apiKey: 'secret-credential',
	uploadToken: 'secret-credential',
	bearerToken: 'secret-credential',
	jwt: 'secret-credential',
	password: 'secret-credential',
	secretValue: 'secret-credential',
	privateKey: 'secret-credential',
	orgId: 'pii-org-id',
	masked: 'redaction-leak',
};

export const leakCodes: readonly LeakCode[] = [...new Set(Object.values(leakCodeOf))];

/** A value found by a detector: `[start, end)` in the text it scanned. */
export interface RawLeak {
	readonly kind: LeakKind;
	readonly start: number;
	readonly end: number;
	/** The word that made a context-dependent value a leak (`密码`, `开户行`…). */
	readonly cue?: string;
}

/** Where the ticket masks the same value (`jCciD48k***`, `47.112.*.*`). */
export interface MaskedOccurrence {
	readonly start: number;
	readonly end: number;
	/** The masked text as written; masking the leak the same way repeats it. */
	readonly text: string;
}

export interface Leak extends RawLeak {
	readonly code: LeakCode;
	readonly value: string;
	/** The text that masks the value in the dump's style. */
	readonly mask: string;
	readonly masked?: MaskedOccurrence;
}

/** A detector reports every candidate in a text; it must run in time linear in the text. */
export type Detector = (text: string, report: (leak: RawLeak) => void) => void;
