/** Runs one leak detector over a text and returns what it found, as the tests compare it. */
import { findLeaks } from '../../server/src/service/leaks/findLeaks';
import type { Detector, LeakCode, LeakKind } from '../../server/src/service/leaks/leak';

/** The values a detector reports, in text order. */
export function values(detect: Detector, text: string): string[] {
	return found(detect, text).map(([, value]) => value);
}

/** [kind, value] pairs a detector reports, in text order. */
export function found(detect: Detector, text: string): [LeakKind, string][] {
	const out: { kind: LeakKind; start: number; end: number }[] = [];
	detect(text, (leak) => out.push(leak));
	return out.sort((a, b) => a.start - b.start).map((l) => [l.kind, text.slice(l.start, l.end)]);
}

/** [code, value] of every leak the service settles on in a text (all detectors, overlaps resolved). */
export function leaksIn(text: string): [LeakCode, string][] {
	return findLeaks(text).map((l) => [l.code, l.value]);
}
