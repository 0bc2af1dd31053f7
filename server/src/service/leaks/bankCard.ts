/**
 * Bank cards and accounts. A card number is 16–19 digits (plain or in groups of four) with a card
 * network's leading digits and a valid Luhn check; long order, request and device numbers fail
 * one of these or stand after words that name them. An account number (corporate accounts carry
 * no check digit) is a run of 12–30 digits shortly after 开户行/账号 and the like; a shorter one
 * after 账号 is the cloud account's own ID.
 */
import { followedByMask, lineBefore, notAfterWord, notBeforeWord } from './boundaries';
import { luhnValid } from './checksums';
import type { Detector } from './leak';

const cardNumber = new RegExp(`${notAfterWord}(?:\\d{16,19}|\\d{4}([ -])\\d{4}\\1\\d{4}\\1\\d{4}(?:\\1?\\d{1,3})?)${notBeforeWord}`, 'g');

/** Words right before a number that say it is an order, request, device or template number. */
const notACard = /(?:订单|单号|流水|请求|设备|编号|工单|模板|通道|序列|order|request|req|trace|device|uid|id|no)\W{0,3}[^\n]{0,6}$/i;

/** Leading digits of the card networks (ISO/IEC 7812 major industry identifiers 3–6, national 9, Mastercard 2221–2720). */
function cardNetwork(digits: string): boolean {
	const first = digits[0];
	if ('34569'.includes(first)) return true;
	const four = Number(digits.slice(0, 4));
	return first === '2' && four >= 2221 && four <= 2720;
}

// Not 卡号: a card number has a check digit, and the card pattern above finds it wherever it stands.
const accountCue = /开户行|开户银行|开户账[号户]|银行账[号户]|对公账[号户]|收款账[号户]|账号|帐号/g;
/** How far after the cue the number may stand (a bank's name often comes between). */
const accountWindow = 40;
const accountNumber = new RegExp(`${notAfterWord}\\d(?:[ -]?\\d){11,29}${notBeforeWord}`, 'g');

export const detectBankCards: Detector = (text, report) => {
	for (const m of text.matchAll(cardNumber)) {
		const end = m.index + m[0].length;
		const digits = m[0].replace(/[ -]/g, '');
		if (digits.length < 16 || digits.length > 19 || !cardNetwork(digits) || !luhnValid(digits)) continue;
		if (followedByMask(text, end) || notACard.test(lineBefore(text, m.index, 24))) continue;
		report({ kind: 'bankCard', start: m.index, end });
	}
	let reportedUntil = -1; // `开户行及账号` holds two cues for one number
	for (const cue of text.matchAll(accountCue)) {
		const from = cue.index + cue[0].length;
		let window = text.slice(from, from + accountWindow);
		const stop = window.search(/[\n\r。；;！!？?]/);
		if (stop >= 0) window = window.slice(0, stop);
		// The number must end inside the window, not run past it.
		const tail = text.slice(from + window.length, from + window.length + 1);
		for (const m of window.matchAll(accountNumber)) {
			const start = from + m.index;
			const end = start + m[0].length;
			if (end === from + window.length && /[0-9A-Za-z_]/.test(tail)) continue;
			if (start >= reportedUntil && !followedByMask(text, end)) {
				report({ kind: 'bankAccount', start, end, cue: cue[0] });
				reportedUntil = end;
			}
			break;
		}
	}
};
