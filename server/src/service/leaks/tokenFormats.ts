/**
 * Secrets by shape alone: token formats that widely used secret scanners' default rules know, each
 * with a prefix its provider gives every key, so no key word needs to stand around them. File
 * hashes, UUIDs and ETags carry no such prefix.
 */
import { followedByMask } from './boundaries';
import type { Detector } from './leak';
import { randomLooking } from './secretValues';

interface TokenFormat {
	readonly provider: string;
	readonly pattern: RegExp;
	/** Beyond the shape: the part after the prefix must look generated. */
	readonly generated?: (value: string) => boolean;
}

const before = '(?<![A-Za-z0-9_+/-])';
const after = '(?![A-Za-z0-9_+/-])';
const format = (provider: string, source: string, generated?: (value: string) => boolean): TokenFormat => ({
	provider,
	pattern: new RegExp(`${before}${source}${after}`, 'g'),
	generated,
});

const formats: readonly TokenFormat[] = [
	format('AWS', '(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}', (v) => /\d/.test(v.slice(4)) || /[A-Z]/.test(v.slice(4))),
	format('Alibaba Cloud', 'LTAI[A-Za-z0-9]{12,28}', (v) => randomLooking(v.slice(4))),
	format('Tencent Cloud', 'AKID[A-Za-z0-9]{13,40}', (v) => randomLooking(v.slice(4))),
	format('Volcengine', 'AKLT[A-Za-z0-9_-]{20,60}', (v) => randomLooking(v.slice(4))),
	format('GitHub', '(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})'),
	format('GitLab', 'gl(?:pat|dt|rt|ptt|soat|cbt|ft|imt|oas|agent)-[A-Za-z0-9_-]{20,64}', (v) => randomLooking(v.slice(v.indexOf('-') + 1))),
	format('Slack', '(?:xox[abposre]-[A-Za-z0-9-]{10,250}|xapp-\\d-[A-Z0-9]+-\\d+-[a-z0-9]+)', (v) => /\d/.test(v)),
	format('Slack webhook', 'https://hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9_/]{20,120}'),
	format('OpenAI', 'sk-(?:proj-|svcacct-|admin-|ant-(?:api|admin)\\d\\d-)?[A-Za-z0-9_-]{20,200}', (v) => randomLooking(v.slice(3), 3)),
	format('Google', 'AIza[0-9A-Za-z_-]{35}'),
	format('Stripe', '(?:sk|rk)_(?:live|test)_[0-9a-zA-Z]{24,99}'),
	format('npm', 'npm_[A-Za-z0-9]{36}'),
	format('SendGrid', 'SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}'),
];

export const detectTokenFormats: Detector = (text, report) => {
	for (const { provider, pattern, generated } of formats) {
		for (const m of text.matchAll(pattern)) {
			const end = m.index + m[0].length;
			if (generated && !generated(m[0])) continue;
			if (!followedByMask(text, end)) report({ kind: 'apiKey', start: m.index, end, cue: provider });
		}
	}
};
