/**
 * E-mail addresses. The domain must end in a letter TLD, so version strings (`qiniu+upload@1.0.2`),
 * shell prompts (`root@host`), SSH remotes (`git@github.com:org/repo`) and retina images
 * (`logo@2x.png`) are not addresses; documentation domains (example.com) are placeholders.
 */
import { followedByMask, lineBefore } from './boundaries';
import { connectionUserPart } from './connectionString';
import type { Detector } from './leak';

// The lookbehind keeps each start at the beginning of a run, so a failed attempt costs at most 64 steps.
const email =
	/(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.([A-Za-z]{2,24})(?![A-Za-z0-9-])/g;

/** Endings that are file names, not top-level domains. */
const fileExtensions = new Set([
	'png',
	'jpg',
	'jpeg',
	'gif',
	'svg',
	'webp',
	'bmp',
	'ico',
	'js',
	'mjs',
	'ts',
	'css',
	'html',
	'htm',
	'json',
	'xml',
	'txt',
	'md',
	'gz',
	'mp4',
	'mp3',
	'flv',
	'm3u8',
	'apk',
	'ipa',
	'exe',
	'jar',
	'java',
	'py',
	'go',
]);
const sshRemote = /^:[A-Za-z0-9_~/]/;
const placeholderDomain = /@(?:[a-z0-9-]+\.)*(?:example\.(?:com|org|net)|test|invalid|localhost)$/i;

export const detectEmails: Detector = (text, report) => {
	for (const m of text.matchAll(email)) {
		const end = m.index + m[0].length;
		if (fileExtensions.has(m[1].toLowerCase()) || placeholderDomain.test(m[0]) || followedByMask(text, end)) continue;
		// `git@github.com:org/repo.git` is an SSH remote, not a mailbox.
		if (sshRemote.test(text.slice(end, end + 2))) continue;
		// `ftp://user:pw@host`: the password of a connection string (connectionString.ts), not a mailbox.
		if (text[m.index - 1] === ':' && connectionUserPart.test(lineBefore(text, m.index, 96))) continue;
		report({ kind: 'email', start: m.index, end });
	}
};
