/**
 * Instant-messaging accounts: WeChat IDs after the words people use for WeChat (微信, 微信号, vx,
 * wx, V信, 薇信, wechat…) and `wxid_…` anywhere; QQ numbers (5 to 11 digits) after QQ and its
 * nicknames (扣扣, 企鹅号). A WeChat ID is 6 to 20 letters, digits, `_` or `-`, starting with a letter;
 * people also give their mobile number as one (the phone detector finds that).
 */
import { followedByMask, lineBefore } from './boundaries';
import type { Detector } from './leak';

const separator = '(?:[ \\t]*(?:[:：=]|是|为)[ \\t]*|[ \\t]+)';
const weChat = new RegExp(
	`(?<![A-Za-z0-9_.@/-])(?:微信(?:号码?|账号|帐号|ID|id)?|威信|薇信|[vV]信|[vV][xX]|[wW][xX]|[wW]e[cC]hat(?:[ _]?ID)?|[wW]eixin)(?:号)?(${separator}?)([A-Za-z][A-Za-z0-9_-]{5,19})(?![A-Za-z0-9_@.-])`,
	'g',
);
const wxid = /(?<![A-Za-z0-9_])wxid_[a-z0-9]{8,24}(?![A-Za-z0-9_])/g;
const qq = new RegExp(`(?<![A-Za-z0-9_.@/-])(?:QQ|qq|Qq|扣扣|企鹅号?)(?:号码?|账号|帐号)?(${separator}?)([1-9]\\d{4,10})(?![0-9A-Za-z_@.])`, 'g');
/** Words that follow WeChat and are not an ID (`微信 openid:`, `vx Official`). */
const notAnId =
	/^(?:open_?id|union_?id|app_?id|app_?secret|official|account|accounts|login|oauth|sdk|api|mini|miniprogram|program|payment|pay|work|group|channel|server|client|callback|android|iphone|desktop|version)$/i;

export const detectChatIds: Detector = (text, report) => {
	for (const m of text.matchAll(weChat)) {
		const value = m[2];
		const end = m.index + m[0].length;
		const cue = m[0].slice(0, m[0].length - value.length - m[1].length);
		// `wx`/`vx` alone is a code prefix (`wx.request`) unless a separator or 号 says an ID follows.
		if (/^[vVwW][xX]$/.test(cue) && !/[:：=是为]/.test(m[1])) continue;
		if (notAnId.test(value) || /^[ \t]*[(.:：=]/.test(text.slice(end, end + 2))) continue;
		// Letters alone after a mere space are prose (`微信 scan`), not an ID someone gave.
		if (!/[:：=是为]/.test(m[1]) && !/[\d_-]/.test(value)) continue;
		if (!followedByMask(text, end)) report({ kind: 'wechat', start: end - value.length, end, cue });
	}
	for (const m of text.matchAll(wxid)) {
		const end = m.index + m[0].length;
		if (!followedByMask(text, end)) report({ kind: 'wechat', start: m.index, end, cue: 'wxid_' });
	}
	for (const m of text.matchAll(qq)) {
		const value = m[2];
		const end = m.index + m[0].length;
		// `QQ群 123456` is a group; a version (`QQ 9.7.1`) has a dot and fails the lookahead.
		if (/群/.test(lineBefore(text, end - value.length, 4))) continue;
		if (!followedByMask(text, end)) report({ kind: 'qq', start: end - value.length, end, cue: m[0].slice(0, m[0].length - value.length - m[1].length) });
	}
};
