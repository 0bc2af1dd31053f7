/**
 * Secrets by context: a value after a word that names a credential, written as people write it in
 * a chat or in code. The word may be Chinese (密码 and any word glued before it, 口令, 密钥, 秘钥, 私钥,
 * 令牌) or an English name in any spelling (`AccessKeySecret`, `secret_key`, `api-key`, `Access Key
 * ID`, `db_password`); the separator a colon, `=`, `=>`, `是`, `为`, `设成`/`改成`…, quotes or a plain
 * space. A key pair `X:Y` after such a word gives both values. `账号/密码：u/p` gives the password.
 */
import { followedByMask } from './boundaries';
import type { Detector, LeakKind } from './leak';
import { generatedLooking, isCode, isPlaceholder } from './secretValues';

/** Where a cue may be: a cheap first pass, checked word by word below. */
const cueHint = /密码|口令|密钥|秘钥|私钥|令牌|passw(?:or)?d|pwd|passphrase|secret|token|key|ak|sk|credential/gi;

/** English names of a secret, as their last one to three words joined (`access key id` → `accesskeyid`). */
const passwordNames = new Set(['password', 'passwd', 'pwd', 'passphrase', 'dbpassword', 'userpassword']);
const keyNames = new Set([
	'secret',
	'token',
	'ak',
	'sk',
	'secretkey',
	'secretid',
	'secretaccesskey',
	'accesskey',
	'accesskeyid',
	'accesskeysecret',
	'accessid',
	'accesssecret',
	'apikey',
	'apisecret',
	'apitoken',
	'appsecret',
	'appkeysecret',
	'clientsecret',
	'accesstoken',
	'refreshtoken',
	'authtoken',
	'sessiontoken',
	'securitytoken',
	'uptoken',
	'uploadtoken',
	'privatekey',
	'signingkey',
	'masterkey',
	'credential',
	'credentials',
]);
/** Names too common in prose or code to carry a short value: their value must be long and generated. */
const looseNames = new Set(['secret', 'token', 'credential', 'credentials']);
const chinesePassword = new Set(['密码', '口令']);

const separator = /(["'”’\]]?)([ \t]*)(:=|=>|[:：=]|(?:是|为|(?:设置?|改|修改|重置|更改)[成为]了?)[:：]?)?([ \t]*)(["'“‘`]?)/y;
const passwordRun = /[\x21-\x7e]{1,128}/y;
const quotedRun = /[^"'`”’\s]{1,128}/y;
const paramRun = /[^&;\s"'`]{1,128}/y;
const keyRun = /[A-Za-z0-9_+/=~-]{8,256}(?::[A-Za-z0-9_+/=~-]{8,256})?/y;
const trailingPunctuation = /["'”’,.;:)\]}]+$/;
/** A word that continues a name across a space (`Access Key ID`, `secret key`). */
const nameContinues = /^ (?:id|secret|key)(?![A-Za-z0-9_])/i;

interface Cue {
	readonly start: number;
	readonly end: number;
	readonly type: 'password' | 'key';
	readonly chinese: boolean;
	readonly loose: boolean;
}

/** The last words of the ASCII name ending at `end`, camelCase and separators split. */
function lastWords(text: string, end: number): string[] {
	let from = end;
	while (from > 0 && end - from < 48 && /[A-Za-z0-9_$.\- ]/.test(text[from - 1])) from--;
	const name = text.slice(from, end).trimStart();
	return name
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.filter(Boolean)
		.slice(-3);
}

function cueAt(text: string, start: number, hit: string): Cue | undefined {
	if (hit.charCodeAt(0) > 0x7f) {
		return { start, end: start + hit.length, type: chinesePassword.has(hit) ? 'password' : 'key', chinese: true, loose: false };
	}
	let end = start + hit.length;
	while (end < text.length && /[A-Za-z0-9_]/.test(text[end])) end++;
	// `-` joins words of a header name (`X-Auth-Token`), not the value after it.
	while (/^-[A-Za-z]/.test(text.slice(end, end + 2))) {
		end++;
		while (end < text.length && /[A-Za-z0-9_]/.test(text[end])) end++;
	}
	for (let more = nameContinues.exec(text.slice(end, end + 8)); more; more = nameContinues.exec(text.slice(end, end + 8))) end += more[0].length;
	// The name's own last words decide (`tokenizer` and `tokenType` name no secret).
	const words = lastWords(text, end);
	const joined = [1, 2, 3].filter((n) => n <= words.length).map((n) => words.slice(-n).join(''));
	const password = joined.find((j) => passwordNames.has(j));
	if (password) return { start, end, type: 'password', chinese: false, loose: false };
	const key = joined.find((j) => keyNames.has(j));
	if (key) return { start, end, type: 'key', chinese: false, loose: looseNames.has(key) && joined.every((j) => !keyNames.has(j) || looseNames.has(j)) };
	return undefined;
}

export const detectSecretWords: Detector = (text, report) => {
	let handledUntil = -1;
	const emit = (kind: LeakKind, start: number, end: number, cue: string) => {
		if (!followedByMask(text, end)) report({ kind, start, end, cue });
	};
	for (const m of text.matchAll(cueHint)) {
		if (m.index < handledUntil) continue;
		const cue = cueAt(text, m.index, m[0]);
		if (!cue) continue;
		handledUntil = cue.end;
		separator.lastIndex = cue.end;
		const sep = separator.exec(text)!;
		const explicit = !!sep[3] || (!!sep[1] && !!sep[5]);
		const spaced = !!(sep[2] || sep[4]);
		const opened = !!sep[5];
		if (!explicit && !spaced && !(cue.chinese && cue.type === 'password')) continue;
		const valueStart = cue.end + sep[0].length;
		// The name that a cue stands in: `AccessKey` in `"AccessKey"`; its own name for the message.
		const cueText = cue.chinese ? text.slice(cue.start, cue.end) : nameAt(text, cue.end);
		if (cue.type === 'password') readPassword(text, cue, valueStart, explicit, spaced, opened, cueText, emit);
		else readKey(text, cue, valueStart, explicit, cueText, emit);
	}
};

/** The whole name ending at `end` (`db_password`, `X-Auth-Token`), as the message shows it. */
function nameAt(text: string, end: number): string {
	let from = end;
	while (from > 0 && end - from < 48 && /[A-Za-z0-9_$.-]/.test(text[from - 1])) from--;
	return text.slice(from, end);
}

type Emit = (kind: LeakKind, start: number, end: number, cue: string) => void;

function readPassword(text: string, cue: Cue, at: number, explicit: boolean, spaced: boolean, opened: boolean, cueText: string, emit: Emit) {
	// In a URL query or JDBC parameters (`?user=u&password=p&ssl=1`) the value ends at the next parameter.
	const inParameters = /[?&;]$/.test(text.slice(Math.max(0, cue.start - 1), cue.start));
	const run = inParameters ? paramRun : opened ? quotedRun : passwordRun;
	run.lastIndex = at;
	const m = run.exec(text);
	if (!m) return;
	let value = m[0].replace(trailingPunctuation, '');
	let start = at;
	// `账号/密码：admin/Abc@123`: the part after the slash is the password.
	if (cue.chinese && /(?:账号|帐号|用户名?|账户)[/／]$/.test(text.slice(Math.max(0, cue.start - 4), cue.start))) {
		const slash = value.search(/[/／]/);
		if (slash > 0) {
			start += slash + 1;
			value = value.slice(slash + 1);
		}
	}
	const end = start + value.length;
	const next = text[at + m[0].length] ?? '';
	// A longer run of ASCII is code or a log line, not a value after a label.
	if (!inParameters && !opened && m[0].length === 128 && /[\x21-\x7e]/.test(next)) return;
	if (value.length < 4 || isPlaceholder(value) || value.includes('***') || isCode(value, text[end] ?? '')) return;
	if (!cue.chinese) {
		// After an English label a plain word is prose (`password: click Reset`), a path is `pwd`'s output.
		if (/^[a-z]+$/.test(value) || value.startsWith('/')) return;
		if (!explicit && !/[\d\W_]/.test(value)) return;
	} else if (!explicit && (value.length < 6 || !/\d/.test(value)) && !(spaced && value.length >= 6)) return;
	emit('password', start, end, cueText);
}

function readKey(text: string, cue: Cue, at: number, explicit: boolean, cueText: string, emit: Emit) {
	keyRun.lastIndex = at;
	const m = keyRun.exec(text);
	if (!m) return;
	const next = text[at + m[0].length] ?? '';
	if (/[A-Za-z0-9_]/.test(next) || isCode(m[0], next)) return;
	const parts = m[0].split(':');
	const minLength = cue.loose || !explicit ? 16 : 12;
	let offset = at;
	for (const raw of parts) {
		const value = raw.replace(/[.~-]+$/, '');
		if (generatedLooking(value, parts.length > 1 ? Math.min(minLength, 12) : minLength) && !isPlaceholder(value))
			emit('secretValue', offset, offset + value.length, cueText);
		offset += raw.length + 1;
	}
}
