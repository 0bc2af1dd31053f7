/** Check digits that tell real identifiers from look-alike numbers. */

/** Luhn (ISO/IEC 7812) over a digit string: card numbers. */
export function luhnValid(digits: string): boolean {
	if (!/^\d+$/.test(digits)) return false;
	let sum = 0;
	let double = false;
	for (let i = digits.length - 1; i >= 0; i--) {
		let d = digits.charCodeAt(i) - 48;
		if (double) {
			d *= 2;
			if (d > 9) d -= 9;
		}
		sum += d;
		double = !double;
	}
	return sum % 10 === 0;
}

const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const idCheck = '10X98765432';

/** GB 11643-1999: the 18th character of a resident ID number (ISO 7064 MOD 11-2). */
export function idCardValid(id: string): boolean {
	if (!/^\d{17}[\dXx]$/.test(id)) return false;
	let sum = 0;
	for (let i = 0; i < 17; i++) sum += (id.charCodeAt(i) - 48) * idWeights[i];
	return idCheck[sum % 11] === id[17].toUpperCase();
}

/** The birth date inside an 18-character ID number is a real calendar date, not in the future. */
export function idCardBirthDateValid(id: string, today = new Date()): boolean {
	const year = Number(id.slice(6, 10));
	const month = Number(id.slice(10, 12));
	const day = Number(id.slice(12, 14));
	if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
	const date = new Date(Date.UTC(year, month - 1, day));
	if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
	return date.getTime() <= today.getTime();
}

/** The 31 characters of a unified social credit code (no I, O, S, V, Z). */
const orgIdAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const orgWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100-2015: the 18th character of a unified social credit code. */
export function orgIdValid(code: string): boolean {
	if (code.length !== 18) return false;
	let sum = 0;
	for (let i = 0; i < 17; i++) {
		const v = orgIdAlphabet.indexOf(code[i]);
		if (v < 0) return false;
		sum += v * orgWeights[i];
	}
	return orgIdAlphabet[(31 - (sum % 31)) % 31] === code[17];
}
