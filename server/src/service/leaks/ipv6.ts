/**
 * Public IPv6 addresses: global unicast (2000::/3), full or compressed (`2408:8000:1010::2b`), also
 * in brackets with a port (`[2400:3200::1]:443`, the range is the address). Not findings: loopback,
 * link-local, unique-local, multicast and the documentation ranges (2001:db8::/32, 3fff::/20),
 * network prefixes (`2400:cb00::/32`), and look-alikes without eight groups or a `::` (MAC
 * addresses, times like `2023:12:01`).
 */
import { followedByMask } from './boundaries';
import type { Detector } from './leak';

// A candidate run of hex groups and colons, starting with a 4-digit group (global unicast needs it).
const candidate = /(?<![0-9A-Za-z_:.])[23][0-9A-Fa-f]{3}(?::[0-9A-Fa-f]{0,4}){1,8}(?:(?<=:)(?:\d{1,3}\.){3}\d{1,3})?(?![0-9A-Za-z_:])/g;

/** The eight 16-bit groups of an address, or undefined when it is none. */
export function parseIpv6(text: string): number[] | undefined {
	let head = text;
	let v4: number[] = [];
	const dotted = /(?:^|:)((?:\d{1,3}\.){3}\d{1,3})$/.exec(text);
	if (dotted) {
		const parts = dotted[1].split('.').map(Number);
		if (parts.some((n) => n > 255)) return undefined;
		v4 = [(parts[0] << 8) | parts[1], (parts[2] << 8) | parts[3]];
		head = text.slice(0, text.length - dotted[1].length);
		if (head.endsWith(':') && !head.endsWith('::')) head = head.slice(0, -1);
	}
	const halves = head.split('::');
	if (halves.length > 2) return undefined;
	const groups = (s: string) => (s ? s.split(':') : []);
	const left = groups(halves[0]);
	const right = halves.length === 2 ? groups(halves[1]) : [];
	if (![...left, ...right].every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return undefined;
	const written = left.length + right.length + v4.length;
	if (halves.length === 1 ? written !== 8 : written > 7) return undefined;
	const zeros = new Array<number>(8 - written).fill(0);
	return [...left.map((g) => parseInt(g, 16)), ...zeros, ...right.map((g) => parseInt(g, 16)), ...v4];
}

export function isPublicIpv6(groups: readonly number[]): boolean {
	const [a, b] = groups;
	if (a < 0x2000 || a > 0x3fff) return false; // not global unicast: loopback, ::, fc00::/7, fe80::/10, ff00::/8
	if (a === 0x2001 && b === 0x0db8) return false; // documentation
	if (a === 0x3fff && b < 0x1000) return false; // documentation (RFC 9637)
	return true;
}

export const detectIpv6: Detector = (text, report) => {
	for (const m of text.matchAll(candidate)) {
		const value = m[0];
		const end = m.index + value.length;
		// At least three groups written, so `2023:12` or a ratio is never an address.
		if (value.split(/:+/).filter(Boolean).length < 3 && !value.includes('::')) continue;
		const groups = parseIpv6(value);
		if (!groups || !isPublicIpv6(groups)) continue;
		// A network prefix (`2400:cb00::/32`) names no host.
		if (/^\/\d{1,3}(?!\d)/.test(text.slice(end, end + 4))) continue;
		if (value.endsWith('::') && !/^\]/.test(text.slice(end, end + 1))) continue;
		if (followedByMask(text, end)) continue;
		report({ kind: 'ipv6', start: m.index, end });
	}
};
