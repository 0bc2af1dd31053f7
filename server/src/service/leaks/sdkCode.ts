/**
 * Secrets in pasted SDK code: a generated-looking string literal passed to a credential
 * constructor or an auth call (`Auth.create("AK", "SK")`, `qiniu.Auth('ak', 'sk')`,
 * `credentials.NewStaticCredentials("id", "secret", "")`, `new Credential('id', 'key')`,
 * `new Mac($ak, 'sk')`), and the two keys of `qshell account AK SK`. Variables pass nothing.
 */
import { followedByMask } from './boundaries';
import type { Detector } from './leak';
import { generatedLooking, isPlaceholder } from './secretValues';

/** A part of a call's name (`Auth.create`, `qbox.NewMac`) that makes it a credential call. */
const credentialCall = /auth|mac$|credential|signer|sign(?:ature)?$|login|keypair|secret|token|session$|account$|client$|config$/i;
const literal = /(["'`])([^"'`\\\n]{8,256})\1/g;
const qshellAccount = /qshell(?:\.exe)?[ \t]+account[ \t]+(?:-[a-z]+[ \t]+)*([A-Za-z0-9_-]{16,64})[ \t]+([A-Za-z0-9_-]{16,64})(?![A-Za-z0-9_-])/dg;
/** How far the arguments of a call may run. */
const argumentWindow = 400;

/** The name called at `paren` (`Auth.create`, `new qiniu.auth.digest.Mac`), read backwards. */
function calleeBefore(text: string, paren: number): string {
	let end = paren;
	while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
	let start = end;
	while (start > 0 && end - start < 80 && /[\w$.:\\>-]/.test(text[start - 1])) start--;
	return text.slice(start, end).replace(/^[^A-Za-z_$]+/, '');
}

/** The argument list after `paren`, up to its closing parenthesis (or the window's end). */
function argumentsAfter(text: string, paren: number): string {
	let depth = 0;
	let quote = '';
	const limit = Math.min(text.length, paren + argumentWindow);
	for (let i = paren; i < limit; i++) {
		const c = text[i];
		if (quote) {
			if (c === quote) quote = '';
			else if (c === '\n') return text.slice(paren, i);
		} else if (c === '"' || c === "'" || c === '`') quote = c;
		else if (c === '(') depth++;
		else if (c === ')' && --depth === 0) return text.slice(paren, i);
	}
	return text.slice(paren, limit);
}

export const detectSdkSecrets: Detector = (text, report) => {
	for (let paren = text.indexOf('('); paren >= 0; paren = text.indexOf('(', paren + 1)) {
		const callee = calleeBefore(text, paren);
		if (!callee.split(/\.|::|->|\\/).some((part) => credentialCall.test(part))) continue;
		const args = argumentsAfter(text, paren);
		for (const m of args.matchAll(literal)) {
			const value = m[2];
			// Domains, paths and URLs are no keys; a JWT has its own detector.
			if (/[.\s:]/.test(value) || value.startsWith('/') || !generatedLooking(value, 16) || isPlaceholder(value)) continue;
			const start = paren + m.index + 1;
			if (!followedByMask(text, start + value.length)) report({ kind: 'secretValue', start, end: start + value.length, cue: `${callee}(` });
		}
	}
	for (const m of text.matchAll(qshellAccount)) {
		for (const [start, end] of [m.indices![1], m.indices![2]]) {
			const value = text.slice(start, end);
			if (generatedLooking(value, 16) && !isPlaceholder(value)) report({ kind: 'secretValue', start, end, cue: 'qshell account' });
		}
	}
};
