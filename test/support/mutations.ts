/**
 * Random edits of a dump for property tests: whole lines deleted, duplicated, swapped, or inserted
 * from a vocabulary of what breaks ticket structure (`#`, `---`, speaker labels, fences, HTML),
 * text spliced into a line (control characters, lone surrogates, a 100k-character run), line breaks
 * switched between LF, CRLF and CR, and a BOM. Every edit is described, so a failing case reads
 * as the list of edits that made it.
 */
import fc from 'fast-check';

/** Lines that change a ticket's structure or test the reader's edges. */
export const structuralLines: readonly string[] = [
	'#',
	'# 标题',
	'##',
	'## ',
	'## 新工单',
	'###',
	'### 问题描述',
	'### 客服解答',
	'### 根本原因分析',
	'### 完整对话记录',
	'### 问题描叙',
	'#### 细节',
	'---',
	'***',
	'___',
	'- - -',
	'--',
	'-',
	'===',
	'**客户**：你好',
	'**客服**：您好',
	'**客户**:',
	'客户：没有加粗',
	'**客服** ：',
	'**访客**：谁',
	'**问题分类**: CDN｜配置问题',
	'**问题分类**：对象存储|上传下载',
	'**问题分类**:',
	'1. 回答',
	'2.',
	'10) 十',
	'- 列表',
	'* 星号',
	'> 引用',
	'```',
	'```js',
	'~~~',
	'    缩进四格',
	'\t### 制表',
	'   ### 三格',
	'<div>',
	'</div>',
	'<!-- 注释',
	'-->',
	'<!DOCTYPE html>',
	'<span class="x">',
	'<pre>',
	'[引用]: http://example.com',
	'本文档包含 3 个结构化技术支持问答记录',
	'SSL/TLS证书配置问题',
	'\u00a0',
	'\u3000',
	'',
	' ',
];

/** Characters and runs that a careless reader may choke on. */
export const oddTexts: readonly string[] = [
	'\u0000',
	'\u0007',
	'\u001b[31m',
	'\u000b',
	'\u000c',
	'\u0085',
	'\u2028',
	'\u2029',
	'\ud800',
	'\udfff',
	'\udc00\ud800',
	'\ufeff',
	'\ufffd',
	'\u00a0',
	'👍',
	'e\u0301',
	'\r',
	'\n',
	'\r\n',
	'***',
	'**',
	'｜',
	'：',
	'[图片]',
	'148.153.*.*',
	'13812345678',
];

export type Edit =
	| { readonly op: 'delete'; readonly at: number }
	| { readonly op: 'duplicate'; readonly at: number }
	| { readonly op: 'swap'; readonly at: number; readonly with: number }
	| { readonly op: 'insertLine'; readonly at: number; readonly line: string }
	| { readonly op: 'splice'; readonly at: number; readonly column: number; readonly remove: number; readonly text: string }
	| { readonly op: 'lineBreak'; readonly at: number; readonly eol: '\n' | '\r\n' | '\r' }
	| { readonly op: 'bom' };

/** Positions are fractions, so one edit description fits any text. */
const where = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

/** A 100,000-character run is rare (it makes a run slow), but every long run of the fuzzer meets it. */
const hugeRun = fc.constantFrom('x'.repeat(100_000), '长'.repeat(100_000), '**客户**：' + 'a '.repeat(50_000));

const insertedText = fc.oneof(
	{ weight: 6, arbitrary: fc.constantFrom(...oddTexts) },
	{ weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
	{ weight: 3, arbitrary: fc.constantFrom(...structuralLines) },
	{ weight: 1, arbitrary: hugeRun },
);

const insertedLine = fc.oneof(
	{ weight: 8, arbitrary: fc.constantFrom(...structuralLines) },
	{ weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
	{ weight: 1, arbitrary: hugeRun },
);

/** One edit, its positions as fractions of the text (resolved by applyMutation). */
export const editArbitrary: fc.Arbitrary<{ edit: Edit; fractions: number[] }> = fc.oneof<fc.Arbitrary<{ edit: Edit; fractions: number[] }>[]>(
	fc.record({ op: fc.constant('delete' as const), f: where }).map(({ f }) => ({ edit: { op: 'delete', at: 0 } as Edit, fractions: [f] })),
	fc.record({ f: where }).map(({ f }) => ({ edit: { op: 'duplicate', at: 0 } as Edit, fractions: [f] })),
	fc.record({ f: where, g: where }).map(({ f, g }) => ({ edit: { op: 'swap', at: 0, with: 0 } as Edit, fractions: [f, g] })),
	fc.record({ f: where, line: insertedLine }).map(({ f, line }) => ({ edit: { op: 'insertLine', at: 0, line } as Edit, fractions: [f] })),
	fc
		.record({ f: where, g: where, remove: fc.nat(3), text: insertedText })
		.map(({ f, g, remove, text }) => ({ edit: { op: 'splice', at: 0, column: 0, remove, text } as Edit, fractions: [f, g] })),
	fc
		.record({ f: where, eol: fc.constantFrom('\n' as const, '\r\n' as const, '\r' as const) })
		.map(({ f, eol }) => ({ edit: { op: 'lineBreak', at: 0, eol } as Edit, fractions: [f] })),
	fc.constant({ edit: { op: 'bom' } as Edit, fractions: [] }),
);

/** Lines with the break that ends each (the last has none). */
interface Lines {
	text: string[];
	eol: string[];
}

function split(text: string): Lines {
	const parts = text.split(/(\r\n|\r|\n)/);
	const out: Lines = { text: [], eol: [] };
	for (let i = 0; i < parts.length; i += 2) {
		out.text.push(parts[i]);
		out.eol.push(parts[i + 1] ?? '');
	}
	return out;
}

function join(lines: Lines): string {
	let s = '';
	for (let i = 0; i < lines.text.length; i++) s += lines.text[i] + lines.eol[i];
	return s;
}

/** Applies one edit (positions taken as fractions of the current text); returns the text and the edit as applied. */
export function applyMutation(text: string, { edit, fractions }: { edit: Edit; fractions: number[] }): { text: string; applied: Edit } {
	const lines = split(text);
	const n = lines.text.length;
	const line = (f: number) => Math.min(n - 1, Math.floor(f * n));
	const eolOf = (i: number) => lines.eol[i] || '\n';
	switch (edit.op) {
		case 'delete': {
			const at = line(fractions[0]);
			lines.text.splice(at, 1);
			lines.eol.splice(at, 1);
			if (lines.text.length === 0) return { text: '', applied: { op: 'delete', at } };
			if (at === lines.text.length) lines.eol[at - 1] = '';
			return { text: join(lines), applied: { op: 'delete', at } };
		}
		case 'duplicate': {
			const at = line(fractions[0]);
			lines.text.splice(at, 0, lines.text[at]);
			lines.eol.splice(at, 0, eolOf(at));
			return { text: join(lines), applied: { op: 'duplicate', at } };
		}
		case 'swap': {
			const [a, b] = [line(fractions[0]), line(fractions[1])];
			[lines.text[a], lines.text[b]] = [lines.text[b], lines.text[a]];
			return { text: join(lines), applied: { op: 'swap', at: a, with: b } };
		}
		case 'insertLine': {
			const at = Math.min(n, Math.floor(fractions[0] * (n + 1)));
			lines.text.splice(at, 0, edit.line);
			lines.eol.splice(at, 0, at < n ? eolOf(at) : '');
			if (at === n && n > 0) lines.eol[n - 1] = eolOf(n - 1);
			return { text: join(lines), applied: { op: 'insertLine', at, line: edit.line } };
		}
		case 'splice': {
			const at = line(fractions[0]);
			const column = Math.floor(fractions[1] * (lines.text[at].length + 1));
			lines.text[at] = lines.text[at].slice(0, column) + edit.text + lines.text[at].slice(column + edit.remove);
			// The inserted text may hold line breaks: split again on the way out.
			return { text: join(lines), applied: { op: 'splice', at, column, remove: edit.remove, text: edit.text } };
		}
		case 'lineBreak': {
			const at = line(fractions[0]);
			if (lines.eol[at]) lines.eol[at] = edit.eol;
			return { text: join(lines), applied: { op: 'lineBreak', at, eol: edit.eol } };
		}
		case 'bom':
			return { text: text.startsWith('\ufeff') ? text : `\ufeff${text}`, applied: edit };
	}
}

export function applyMutations(text: string, edits: readonly { edit: Edit; fractions: number[] }[]): string {
	return edits.reduce((t, e) => applyMutation(t, e).text, text);
}

/** Tickets `from .. from+count-1` of a dump with its header: a small dump that keeps runs fast. */
export function dumpWindow(text: string, from: number, count: number): string {
	const starts = [...text.matchAll(/^## /gm)].map((m) => m.index!);
	if (!starts.length) return text;
	const first = Math.min(from, starts.length - 1);
	const end = first + count < starts.length ? starts[first + count] : text.length;
	return text.slice(0, starts[0]) + text.slice(starts[first], end);
}

/** A small dump (header and a few real tickets) and a few edits of it. */
export function editedDump(dump: string, maxEdits = 6): fc.Arbitrary<{ text: string; edits: { edit: Edit; fractions: number[] }[] }> {
	const tickets = [...dump.matchAll(/^## /gm)].length;
	return fc
		.record({
			from: fc.nat(Math.max(0, tickets - 1)),
			count: fc.integer({ min: 1, max: 6 }),
			edits: fc.array(editArbitrary, { minLength: 1, maxLength: maxEdits }),
		})
		.map(({ from, count, edits }) => ({ text: applyMutations(dumpWindow(dump, from, count), edits), edits }));
}

/** Runs of a property: `n` in `npm test`; FUZZ_RUNS (`npm run fuzz`) for longer runs. */
export function fuzzRuns(n: number): number {
	return Math.max(1, Math.round(Number(process.env.FUZZ_RUNS ?? n)));
}

/** The fixed seed of a property in `npm test`; FUZZ_SEED picks another (`random`: a new one each run, printed on failure). */
export function fuzzSeed(fixed: number): number {
	const chosen = process.env.FUZZ_SEED;
	if (chosen === 'random') {
		const seed = (Date.now() ^ (fixed * 0x9e3779b1)) >>> 0;
		// Said before the run: a run that hangs shows no failure report.
		console.log(`      (seed ${seed}; FUZZ_SEED=${seed} repeats this run)`);
		return seed;
	}
	return chosen ? Number(chosen) : fixed;
}
