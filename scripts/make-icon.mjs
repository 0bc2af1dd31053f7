// Draws media/icon.png (128×128): a white ticket with a perforation and three text lines on a teal
// rounded square, anti-aliased by 4×4 supersampling, written as a PNG with node's zlib. Run once;
// the icon is committed (no image tools needed on a build machine).
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const size = 128;
const ss = 4;

/** Inside a rounded rectangle. */
function roundRect(x, y, x0, y0, x1, y1, r) {
	const cx = Math.max(x0 + r, Math.min(x, x1 - r));
	const cy = Math.max(y0 + r, Math.min(y, y1 - r));
	return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

const teal = [14, 124, 134];
const white = [255, 255, 255];
const ink = [14, 124, 134];
const accent = [247, 181, 56];

/** The colour at a point, or undefined outside the icon. */
function paint(x, y) {
	if (!roundRect(x, y, 4, 4, 124, 124, 24)) return undefined;
	// The ticket: a rectangle with a half-circle notch on each side at the perforation.
	const inTicket = roundRect(x, y, 20, 34, 108, 94, 8) && (x - 20) ** 2 + (y - 64) ** 2 > 81 && (x - 108) ** 2 + (y - 64) ** 2 > 81;
	if (!inTicket) return teal;
	// The perforation: a dashed vertical line.
	if (Math.abs(x - 44) < 1.6 && Math.floor((y - 34) / 6) % 2 === 1) return teal;
	// A stub mark and three lines of text.
	if ((x - 32) ** 2 + (y - 64) ** 2 <= 20) return accent;
	for (const [ly, len] of [
		[50, 50],
		[64, 40],
		[78, 46],
	])
		if (roundRect(x, y, 54, ly - 3, 54 + len, ly + 3, 3)) return ink;
	return white;
}

const rows = [];
for (let y = 0; y < size; y++) {
	const row = Buffer.alloc(1 + size * 4);
	for (let x = 0; x < size; x++) {
		let r = 0,
			g = 0,
			b = 0,
			a = 0;
		for (let sy = 0; sy < ss; sy++) {
			for (let sx = 0; sx < ss; sx++) {
				const c = paint(x + (sx + 0.5) / ss, y + (sy + 0.5) / ss);
				if (!c) continue;
				r += c[0];
				g += c[1];
				b += c[2];
				a++;
			}
		}
		const o = 1 + x * 4;
		if (a) {
			row[o] = Math.round(r / a);
			row[o + 1] = Math.round(g / a);
			row[o + 2] = Math.round(b / a);
		}
		row[o + 3] = Math.round((255 * a) / (ss * ss));
	}
	rows.push(row);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});
function crc32(buf) {
	let c = 0xffffffff;
	for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
	const len = Buffer.alloc(4);
	len.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([len, body, crc]);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
	Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
	chunk('IHDR', header),
	chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
	chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../media/icon.png', import.meta.url), png);
console.log(`media/icon.png: ${png.length} bytes`);
