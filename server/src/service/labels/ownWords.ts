/**
 * A ticket's own words: what its title, description, answers and dialog say, without the text
 * that only names or quotes something. URLs, e-mail addresses, domain and file names are blanked,
 * and code and log lines (pasted stack traces, headers, JSON, source files) are dropped, so that
 * the `https` of a link or the `token` of a stack trace is not read as what the ticket is about.
 * Company names and the 认证 of an account's identity are blanked too.
 * The root-cause label and the category line are not the ticket's words either.
 */
import type { ParsedTicket } from '../document/model';

const url = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef<>"'`)\]]*/gi;
const email = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
/** Host and file names: dotted words ending in letters (`up-na0.qiniup.com`, `upload.go`, `*.example.cn`). */
const dottedName = /(?<![\w.])[\w*-]+(?:\.[\w*-]+)*\.[a-z][a-z0-9]*\b/gi;
const inlineCode = /`[^`\n]*`/g;
/**
 * A company's name (`深圳市某某网络科技有限公司`): a name, like a domain's, whose 网络 or 信息 says
 * nothing of the ticket. Up to 16 ideographs before the legal form, stopping at punctuation.
 */
const companyName = /[\u4e00-\u9fff]{1,16}(?:股份有限公司|有限责任公司|有限公司)/g;
/**
 * Phrases in which an evidence term means something else: 实名认证, 企业认证 and the like verify
 * who owns an account (a billing matter), they are not 认证 of a request's credentials.
 */
const otherSense = /(?:实名|企业|个人|身份|主体|资质|未|已)认证|认证(?:用户|信息|资料|主体)/g;
/** What the anonymiser put in place of an image or a value (docs/TICKET-FORMAT.md). */
const placeholder = /\[(?:图片|REDACTED_[A-Z_]+)\]/g;
/** Runs of text outside CJK ideographs and CJK punctuation. */
const latinRun = /[^\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+/g;
const codeSymbol = /[{}();=<>[\]\\|$&"_]/g;
/** A line that is a log record, a stack frame, an import, an HTTP header or markup. */
const codeLine =
	/^\s*(?:at\s+[\w$.]+\(|import\s|from\s+\S+\s+import|#include|<[a-z!/?]|[{[]\s*"|\$\s|[A-Z][\w-]*:\s(?![\u4e00-\u9fff])|\S*\d{4}[-/]\d\d[-/]\d\d[ T]\d\d:\d\d.*\b(?:error|warn|info|debug|trace)\b)/i;

/** Whether a run of non-CJK text reads as code or a log rather than prose. */
function isCodeRun(run: string): boolean {
	const symbols = run.match(codeSymbol)?.length ?? 0;
	return run.length >= 20 && symbols >= 3 && symbols / run.length >= 0.03;
}

/** One line with names blanked and code runs removed; empty when the line is code or a log record. */
export function ownLine(line: string): string {
	// A speaker label or an answer's number is markup, not what the line says.
	let text = line.replace(/^\s*(?:\*\*[^*\n]{1,20}\*\*\s*[：:]|\d{1,3}\.\s)\s*/, '');
	text = text.replace(placeholder, ' ').replace(inlineCode, ' ').replace(url, ' ').replace(email, ' ').replace(dottedName, ' ');
	text = text.replace(companyName, ' ').replace(otherSense, ' ');
	if (codeLine.test(text)) return '';
	// Pasted code or a log runs to the end of its line: what follows it (a Chinese comment, the
	// rest of a stack trace) is part of it, what comes before is the writer's own words.
	let cut = -1;
	latinRun.lastIndex = 0;
	for (let m = latinRun.exec(text); m; m = latinRun.exec(text)) {
		if (isCodeRun(m[0])) {
			cut = m.index;
			break;
		}
	}
	return cut < 0 ? text : text.slice(0, cut);
}

/** The text of `text` that is the writer's own words, line by line (fenced and indented code dropped). */
export function ownText(text: string): string {
	const out: string[] = [];
	let fenced = false;
	for (const line of text.split(/\r\n|\r|\n/)) {
		if (/^\s*(?:```|~~~)/.test(line)) {
			fenced = !fenced;
			continue;
		}
		if (fenced || /^(?: {4}|\t)/.test(line)) continue;
		const own = ownLine(line);
		if (own.trim()) out.push(own);
	}
	return out.join('\n');
}

/** Title, description, answers and dialog of a ticket, in its own words. */
export function ticketOwnWords(ticket: ParsedTicket): string {
	const parts = [ticket.title.text];
	for (const section of ticket.sections) {
		if (section.kind && section.kind !== 'rootCause') parts.push(section.contentText);
	}
	return ownText(parts.join('\n'));
}
