/** Small statistics for benchmark figures. */
export function median(values: readonly number[]): number {
	const s = [...values].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function percentile(values: readonly number[], p: number): number {
	const s = [...values].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** Runs `fn` `times` times and returns each duration in milliseconds. */
export function time(times: number, fn: (i: number) => void): number[] {
	const out: number[] = [];
	for (let i = 0; i < times; i++) {
		const t = performance.now();
		fn(i);
		out.push(performance.now() - t);
	}
	return out;
}

export const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
