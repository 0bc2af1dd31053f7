/**
 * Public IPv4 addresses, also right against Chinese text (`IP 101.132.101.86我们`). Not findings:
 * private and reserved ranges (the dump masks those as [REDACTED_PRIVATE_IP] or not at all), masked
 * ones (`1.2.*.*` has no four numbers), network ranges (`183.60.220.0/24`), well-known public
 * resolvers (8.8.8.8 is nobody's personal data) and version strings (`v1.2.3.4`, `version 1.2.3.4`).
 */
import { followedByMask, lineBefore } from './boundaries';
import type { Detector } from './leak';

const octet = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
// Letters may stand before (`IP101.…` is checked below); a fifth number after a dot means a version.
const ipv4 = new RegExp(`(?<![0-9_.])${octet}(?:\\.${octet}){3}(?![0-9A-Za-z_]|\\.\\d)`, 'g');

/** Public DNS resolvers and similar addresses that identify no one. */
const wellKnownAddresses: ReadonlySet<string> = new Set([
	'8.8.8.8',
	'8.8.4.4',
	'1.1.1.1',
	'1.0.0.1',
	'9.9.9.9',
	'149.112.112.112',
	'208.67.222.222',
	'208.67.220.220',
	'114.114.114.114',
	'114.114.115.115',
	'223.5.5.5',
	'223.6.6.6',
	'119.29.29.29',
	'182.254.116.116',
	'180.76.76.76',
	'101.226.4.6',
]);

export function parseIpv4(text: string): number[] | undefined {
	const parts = text.split('.');
	if (parts.length !== 4) return undefined;
	const numbers = parts.map(Number);
	return numbers.every((n, i) => /^\d{1,3}$/.test(parts[i]) && n <= 255) ? numbers : undefined;
}

/** Private, loopback, link-local, shared (CGNAT), documentation, benchmark, multicast and reserved ranges. */
export function isPublicIpv4([a, b, c]: readonly number[]): boolean {
	if (a === 0 || a === 10 || a === 127 || a >= 224) return false;
	if (a === 100 && b >= 64 && b <= 127) return false;
	if (a === 169 && b === 254) return false;
	if (a === 172 && b >= 16 && b <= 31) return false;
	if (a === 192 && b === 168) return false;
	if (a === 192 && b === 0 && (c === 0 || c === 2)) return false;
	if (a === 198 && (b === 18 || b === 19)) return false;
	if (a === 198 && b === 51 && c === 100) return false;
	if (a === 203 && b === 0 && c === 113) return false;
	return true;
}

const versionCue = /(?:version|ver\.?|release|build|sdk|版本号?|版本|@)[ \t]*[:：=]?[ \t]*$/i;
const lettersBefore = /[A-Za-z]+$/;
/** `/24` after an address, not a path like `/1.html`. */
const networkSuffix = /^\/\d{1,2}(?!\d*\.[A-Za-z])/;

export const detectIps: Detector = (text, report) => {
	for (const m of text.matchAll(ipv4)) {
		const start = m.index;
		const end = start + m[0].length;
		const numbers = parseIpv4(m[0])!;
		if (!isPublicIpv4(numbers) || wellKnownAddresses.has(m[0])) continue;
		const before = lineBefore(text, start, 16);
		const letters = lettersBefore.exec(before);
		// `IP101.…` is an address; `v1.2.3.4` or `abc1.2.3.4` is not.
		if (letters && !/ip$/i.test(letters[0])) continue;
		if (versionCue.test(before)) continue;
		// A network range (`/24`, even glued to the next address as the dump has it) names no host.
		if (!before.endsWith('//') && networkSuffix.test(text.slice(end, end + 40))) continue;
		if (followedByMask(text, end)) continue;
		report({ kind: 'ip', start, end });
	}
};
