/**
 * Runs the detectors over one ticket's text and settles what they found: allow-listed values go,
 * overlapping candidates leave one finding (secrets before personal data, the longer value among
 * personal data, a kind before a mere redaction leak), and a value that the ticket masks elsewhere
 * is linked to that masked occurrence.
 */
import type { AllowList } from './allowList';
import { detectBankCards } from './bankCard';
import { detectChatIds } from './chatId';
import { detectConnectionStrings } from './connectionString';
import { detectCredentials } from './credential';
import { detectEmails } from './email';
import { foldHalfWidth } from './halfWidth';
import { detectIdCards } from './idCard';
import { detectIps } from './ip';
import { detectIpv6 } from './ipv6';
import { leakCodeOf, type Detector, type Leak, type LeakCode, type RawLeak } from './leak';
import { maskValue } from './maskValue';
import { detectOrgIds } from './orgId';
import { detectPassports } from './passport';
import { detectPhones } from './phone';
import { detectPlates } from './plate';
import { bestForm, closestOccurrence, findMaskForms, findRedactionCandidates, type MaskForm } from './redaction';
import { detectSdkSecrets } from './sdkCode';
import { detectSecretWords } from './secretWords';
import { detectTokenFormats } from './tokenFormats';

interface LeakScanOptions {
	/** Codes switched off are not looked for (a value they would claim may still be a redaction leak). */
	readonly enabled?: (code: LeakCode) => boolean;
	readonly allow?: AllowList;
}

/** In order of precedence when two candidates overlap. */
const detectors: readonly { readonly code: LeakCode; readonly detect: Detector; readonly tier: number }[] = [
	{ code: 'secret-credential', detect: detectCredentials, tier: 0 },
	{ code: 'secret-credential', detect: detectTokenFormats, tier: 0 },
	{ code: 'secret-credential', detect: detectConnectionStrings, tier: 0 },
	{ code: 'secret-credential', detect: detectSecretWords, tier: 0 },
	{ code: 'secret-credential', detect: detectSdkSecrets, tier: 0 },
	{ code: 'pii-id-card', detect: detectIdCards, tier: 1 },
	{ code: 'pii-passport', detect: detectPassports, tier: 1 },
	{ code: 'pii-org-id', detect: detectOrgIds, tier: 1 },
	{ code: 'pii-bank-card', detect: detectBankCards, tier: 1 },
	{ code: 'pii-email', detect: detectEmails, tier: 1 },
	{ code: 'pii-phone', detect: detectPhones, tier: 1 },
	{ code: 'pii-ip', detect: detectIps, tier: 1 },
	{ code: 'pii-ip', detect: detectIpv6, tier: 1 },
	{ code: 'pii-chat-id', detect: detectChatIds, tier: 1 },
	{ code: 'pii-plate', detect: detectPlates, tier: 1 },
];

interface Candidate {
	readonly raw: RawLeak;
	readonly tier: number;
	readonly order: number;
	readonly form?: MaskForm;
}

export function findLeaks(text: string, options: LeakScanOptions = {}): Leak[] {
	const enabled = options.enabled ?? (() => true);
	const allow = options.allow ?? (() => false);
	const candidates: Candidate[] = [];
	// Detectors read full-width digits and letters as ASCII; offsets stay those of `text`.
	const folded = foldHalfWidth(text);
	for (const { code, detect, tier } of detectors) {
		if (!enabled(code)) continue;
		detect(folded, (raw) => {
			const value = folded.slice(raw.start, raw.end);
			if (!allow(value) && (value === text.slice(raw.start, raw.end) || !allow(text.slice(raw.start, raw.end))))
				candidates.push({ raw, tier, order: candidates.length });
		});
	}
	const forms = findMaskForms(text);
	if (forms.length && enabled('redaction-leak')) {
		for (const c of findRedactionCandidates(text, forms)) {
			if (!allow(text.slice(c.start, c.end)))
				candidates.push({ raw: { kind: 'masked', start: c.start, end: c.end }, tier: 2, order: candidates.length, form: c.form });
		}
	}
	return settle(candidates).map((c) => toLeak(text, c, forms));
}

/** Keeps the best of overlapping candidates: lower tier, then longer, then found first. */
function settle(candidates: Candidate[]): Candidate[] {
	const ranked = [...candidates].sort((a, b) => a.tier - b.tier || b.raw.end - b.raw.start - (a.raw.end - a.raw.start) || a.order - b.order);
	const kept: Candidate[] = []; // sorted by start, never overlapping
	for (const c of ranked) {
		let lo = 0;
		let hi = kept.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (kept[mid].raw.start < c.raw.start) lo = mid + 1;
			else hi = mid;
		}
		const overlapsBefore = lo > 0 && kept[lo - 1].raw.end > c.raw.start;
		const overlapsAfter = lo < kept.length && kept[lo].raw.start < c.raw.end;
		if (!overlapsBefore && !overlapsAfter) kept.splice(lo, 0, c);
	}
	return kept;
}

function toLeak(text: string, c: Candidate, forms: readonly MaskForm[]): Leak {
	const value = text.slice(c.raw.start, c.raw.end);
	const form = c.form ?? bestForm(forms, value);
	const masked = form && closestOccurrence(text, form, c.raw.start);
	return {
		...c.raw,
		code: leakCodeOf[c.raw.kind],
		value,
		// A redaction leak is masked exactly as the ticket masks it; a kind in the dump's style for that kind.
		mask: c.form ? masked!.text : maskValue(c.raw.kind, value),
		masked,
	};
}
