/**
 * Secrets by their own shape: access keys with their signature (`AK:SIGN=`, as in `Authorization:
 * Qiniu AK:SIGN`; the signature has the length of an HMAC-SHA1 or -SHA256 digest in base64), upload
 * tokens (`AK:SIGN:eyJ…` with the encoded put policy), bearer tokens and JWTs, private key blocks.
 * Values after key words are secretWords.ts; provider token formats tokenFormats.ts.
 */
import { followedByMask } from './boundaries';
import type { Detector, LeakKind } from './leak';
import { randomLooking } from './secretValues';

const keyPart = '[A-Za-z0-9_-]';
// The signature is an HMAC digest in base64: 27 characters and `=` for SHA-1, 43 for SHA-256.
const accessKey = new RegExp(
	`(?<!${keyPart})(${keyPart}{16,64}):([A-Za-z0-9_+/-]{27}(?:[A-Za-z0-9_+/-]{16})?=?)(?::(${keyPart}{10,}={0,2}))?(?![A-Za-z0-9_+/=-])`,
	'g',
);
const bearer = /(?<![A-Za-z])Bearer[ \t]+([A-Za-z0-9._~+/-]{16,}=*)/gi;
const jwt = /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}(?![A-Za-z0-9_-])/g;
const privateKey =
	/-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----(?:[\s\S]{0,8000}?-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|(?:\r?\n[A-Za-z0-9+/=:, -]{16,})+)/g;

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
};
