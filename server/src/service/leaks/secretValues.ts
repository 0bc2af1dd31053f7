/**
 * What a secret's value looks like, shared by the secret detectors: generated keys mix letters and
 * digits; placeholders (`<your_ak>`, `${SK}`, `******`, `your-access-key`, `xxx`), environment variable
 * names and code expressions are not values.
 */

/** Digits and letters mixed: how generated keys look and words do not. */
export function randomLooking(value: string, classes = 2): boolean {
	const digit = /\d/.test(value) ? 1 : 0;
	const lower = /[a-z]/.test(value) ? 1 : 0;
	const upper = /[A-Z]/.test(value) ? 1 : 0;
	return digit === 1 && lower + upper + digit >= classes;
}

/** A long value of mixed-case letters only (`lsBJcrsxjsbfyDZMpXaAHUms`): still generated, not a word. */
export function generatedLooking(value: string, minLength: number): boolean {
	if (value.length < minLength) return false;
	if (randomLooking(value)) return true;
	// Mixed case without digits: generated when case changes often, not once per word (`ApiUploadRequest`).
	const changes = value.match(/[a-z][A-Z]|[A-Z]{2}[a-z]/g)?.length ?? 0;
	return value.length >= 20 && changes >= 4;
}

const placeholderShape =
	/^(?:[*xX.…?#_-]+|null|nil|none|undefined|true|false|string|str|bytes|int|number|empty|password|passwd|pwd|secret|token|changeme|example|sample|demo|test|placeholder|[$%]\{.*|\$\(.*|%[sd]|<.*|\{.*|\[.*|\(.*)$/i;
/** Words inside a value that say it is written for the reader to replace. */
const placeholderWord = /xxx|\*\*\*|\.\.\.|…|your|here|example|placeholder|dummy|replace|填写|替换|你的|您的|自己的/i;

export function isPlaceholder(value: string): boolean {
	if (placeholderShape.test(value) || placeholderWord.test(value)) return true;
	// `my_secret_key`, `MY_AK`: named after what it holds.
	if (/^my[_-]/i.test(value)) return true;
	// An environment variable or constant name: `QINIU_ACCESS_KEY`, `SK`.
	if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/.test(value) && (value.includes('_') || value.length <= 4 || !/\d/.test(value))) return true;
	return false;
}

/** An expression of code in the value's place (`config.secretKey`, `getToken(`, `os.environ[`). */
export function isCode(value: string, next: string): boolean {
	if (/^[(.[]/.test(next)) return true;
	return /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(value) && !/\d/.test(value.replace(/\.\w+$/, ''));
}
