/**
 * Secrets: access keys with their signature (`AK:SIGN=`, as in `Authorization: Qiniu AK:SIGN`; the
 * signature has the length of an HMAC-SHA1 or -SHA256 digest in base64),
 * upload tokens (`AK:SIGN:eyJ…` with the encoded put policy), bearer tokens and JWTs, private key
 * blocks, passwords after 密码/password, and long random values after secret/token/key names.
 * Random-looking means mixed letters and digits, which identifiers and words rarely are.
 */
import { followedByMask } from './boundaries';
import type { Detector, LeakKind } from './leak';

const keyPart = '[A-Za-z0-9_-]';
// The signature is an HMAC digest in base64: 27 characters and `=` for SHA-1, 43 for SHA-256.
const accessKey = new RegExp(
	`(?<!${keyPart})(${keyPart}{16,64}):([A-Za-z0-9_+/-]{27}(?:[A-Za-z0-9_+/-]{16})?=?)(?::(${keyPart}{10,}={0,2}))?(?![A-Za-z0-9_+/=-])`,
	'g',
);
const bearer = /(?<![A-Za-z])Bearer[ \t]+([A-Za-z0-9._~+/-]{16,}=*)/gi;
const jwt = /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}(?![A-Za-z0-9_-])/g;
const privateKey = /-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----[\s\S]{0,8000}?-----END (?:[A-Z]+ )*PRIVATE KEY-----/g;
const password = /(?<![A-Za-z])(密码|口令|password|passwd|pwd)(?:是|为|[ \t]*[:：=])[ \t]*["'“]?([\x21-\x7e]{4,64})/gi;
const secretValue =
	/(?<![A-Za-z0-9_])(secret_?key|secret|sk|access_?key|ak|api_?key|access_?token|token|up_?token|upload_?token)["']?[ \t]*[:：=][ \t]*["']?([A-Za-z0-9_+/.=-]{16,128})/gi;

/** Values after 密码/password that are placeholders or code, not passwords. */
const placeholder =
	/^(?:\*+|x+|null|none|nil|undefined|true|false|string|str|\.{3}|…+|\?+|password|passwd|pwd|your[\w-]*|my[\w-]*|[$%]\{.*\}?|<.*>?|\{.*\}?|\[.*\]?|[A-Za-z_]\w*\(.*|[A-Za-z_]\w*\.[A-Za-z_][\w.]*)$/i;
const trailingPunctuation = /["'”,.;:)\]}]+$/;

/** Digits and letters mixed: how generated keys look and words do not. */
function randomLooking(value: string, classes = 2): boolean {
	const digit = /\d/.test(value) ? 1 : 0;
	const lower = /[a-z]/.test(value) ? 1 : 0;
	const upper = /[A-Z]/.test(value) ? 1 : 0;
	return digit === 1 && lower + upper + digit >= classes;
}

export const detectCredentials: Detector = (text, report) => {
	const emit = (kind: LeakKind, start: number, end: number, cue?: string) => {
		if (!followedByMask(text, end)) report({ kind, start, end, cue });
	};
	for (const m of text.matchAll(privateKey)) emit('privateKey', m.index, m.index + m[0].length);
	for (const m of text.matchAll(accessKey)) {
		if (!randomLooking(m[1], 3) || !/[A-Z]/.test(m[2]) || !/[a-z]/.test(m[2])) continue;
		const token = m[3]?.startsWith('eyJ');
		if (m[3] && !token) continue;
		emit(token ? 'uploadToken' : 'accessKey', m.index, m.index + m[0].length);
	}
	for (const m of text.matchAll(bearer)) {
		if (!randomLooking(m[1])) continue;
		const end = m.index + m[0].length;
		emit('bearerToken', end - m[1].length, end, 'Bearer');
	}
	for (const m of text.matchAll(jwt)) emit('jwt', m.index, m.index + m[0].length);
	for (const m of text.matchAll(password)) {
		const value = m[2].replace(trailingPunctuation, '');
		const end = m.index + m[0].length - (m[2].length - value.length);
		// A longer run of ASCII is code or a log line, not a value after a label.
		if (value.length < 4 || placeholder.test(value) || value.includes('***') || /[\x21-\x7e]/.test(text[m.index + m[0].length] ?? '')) continue;
		// After an English label a plain word is prose (`password: click Reset`); a Chinese label is specific enough.
		if (/^[a-z]/i.test(m[1]) && /^[a-z]+$/.test(value)) continue;
		emit('password', end - value.length, end, m[1]);
	}
	for (const m of text.matchAll(secretValue)) {
		const value = m[2].replace(/[.]+$/, '');
		if (!randomLooking(value)) continue;
		const start = m.index + m[0].length - m[2].length;
		emit('secretValue', start, start + value.length, m[1]);
	}
};
