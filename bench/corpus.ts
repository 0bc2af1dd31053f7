/**
 * Generated corpora for benchmarks and scale tests: perturbed copies of the real dump's tickets,
 * so sizes grow without every ticket being an exact duplicate.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const realDumpPath = join(__dirname, '..', 'test', 'fixtures', 'corpus', '000_8bbabfb939ae27d4.txt');

export function readRealDump(): string {
	return readFileSync(realDumpPath, 'utf8');
}

/** The real dump's tickets, each from its `## ` line through its `---`. */
export function realTickets(text = readRealDump()): string[] {
	const parts = text.split(/^(?=## )/m);
	return parts.slice(1).map((t) => (t.endsWith('\n') ? t : `${t}\n`));
}

/** Deterministic pseudo-random numbers (mulberry32), so every run generates the same corpus. */
export function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A copy of a ticket with its digits changed and its title numbered, as another real case would differ. */
export function perturb(ticket: string, copy: number, rand: () => number): string {
	const digits = ticket.replace(/\d/g, (d) => (rand() < 0.3 ? String(Math.floor(rand() * 10)) : d));
	return digits.replace(/^## (.*)$/m, (_, title: string) => `## ${title} #${copy}`);
}

/** A dump of about `bytes` UTF-8 bytes (or exactly `tickets` tickets), built from perturbed real tickets. */
export function generateDump(options: { bytes?: number; tickets?: number; seed?: number; part?: number }): string {
	const source = realTickets();
	const rand = random(options.seed ?? 1);
	const body: string[] = [];
	let size = 0;
	let count = 0;
	const enough = () => (options.tickets !== undefined ? count >= options.tickets : size >= (options.bytes ?? 0));
	while (!enough()) {
		const ticket = perturb(source[count % source.length], Math.floor(count / source.length), rand);
		body.push(ticket);
		size += Buffer.byteLength(ticket);
		count++;
	}
	return `# 技术支持工单数据 - Part ${options.part ?? 1}\n\n本文档包含 ${count} 个结构化技术支持问答记录\n\n---\n\n${body.join('')}`;
}

/** Tickets per generated file, as in the real dump. */
export const ticketsPerFile = 114;

/** A generated workspace: its folder and, per file, the lines of its ticket titles. */
export interface Workspace {
	readonly dir: string;
	/** `text` is kept for the first `keepText` files only (the ones a benchmark opens). */
	readonly files: { path: string; titleLines: number[]; text: string }[];
	readonly tickets: number;
	readonly bytes: number;
}

/** Writes a workspace of `tickets` tickets into `dir`, as `part-NNNN.md` dumps of 114 tickets each; the same every run. */
export function writeWorkspace(dir: string, tickets: number, keepText = 16): Workspace {
	mkdirSync(dir, { recursive: true });
	const files: Workspace['files'] = [];
	let bytes = 0;
	for (let part = 0, left = tickets; left > 0; part++) {
		const count = Math.min(ticketsPerFile, left);
		const text = generateDump({ tickets: count, seed: part + 1, part: part + 1 });
		const path = join(dir, `part-${String(part).padStart(4, '0')}.md`);
		writeFileSync(path, text);
		bytes += Buffer.byteLength(text);
		const titleLines = text.split('\n').flatMap((line, i) => (line.startsWith('## ') ? [i] : []));
		files.push({ path, titleLines, text: files.length < keepText ? text : '' });
		left -= count;
	}
	return { dir, files, tickets, bytes };
}

/** How the tickets of a same-title dump differ: not at all, in their digits, or in every character of their text. */
export type SameTitleKind = 'copies' | 'variants' | 'distinct';

/**
 * A ticket's text (description, answers, dialog) with each Chinese character replaced by another,
 * the same one wherever it occurs (the description stays the first customer turn, the answers the
 * staff turns); headings, the category line, the root cause and speaker labels are kept.
 */
function disguise(ticket: string, rand: () => number): string {
	const cipher = new Map<string, string>();
	const swap = (text: string) =>
		text.replace(/[\u4e00-\u9fff]/g, (c) => {
			let to = cipher.get(c);
			if (!to) cipher.set(c, (to = String.fromCharCode(0x4e00 + Math.floor(rand() * 0x5000))));
			return to;
		});
	let section = '';
	return ticket
		.split('\n')
		.map((line) => {
			if (line.startsWith('#')) {
				section = line;
				return line;
			}
			if (!/问题描述|客服解答|对话记录/.test(section)) return line;
			const label = /^\*\*[^*]+\*\*[:：]\s*/.exec(line)?.[0] ?? '';
			return label + swap(line.slice(label.length));
		})
		.join('\n');
}

/**
 * A dump of `tickets` tickets that all carry one title, as real dumps repeat `咨询` or `免费 from
 * 自动催单`, made from one real ticket: the same text each (`copies`: exact duplicates), its digits
 * changed (`variants`: exact and near duplicates), or every Chinese character of its text changed
 * (`distinct`: no two tickets alike but for their title, category and root cause).
 */
export function sameTitleDump(options: { tickets: number; kind: SameTitleKind; title?: string; source?: number; seed?: number }): string {
	const source = realTickets()[options.source ?? 3].replace(/^## .*$/m, `## ${options.title ?? '咨询'}`);
	const rand = random(options.seed ?? 1);
	const body: string[] = [];
	for (let i = 0; i < options.tickets; i++) {
		if (options.kind === 'distinct') body.push(disguise(source, rand));
		else if (options.kind === 'copies') body.push(source);
		else {
			// The same digits changed the same way throughout the ticket: its description stays its first customer turn.
			const digits = [...'0123456789'].map((d) => (rand() < 0.3 ? String(Math.floor(rand() * 10)) : d));
			body.push(source.replace(/\d/g, (d) => digits[Number(d)]));
		}
	}
	return `# 技术支持工单数据 - Part 1\n\n本文档包含 ${options.tickets} 个结构化技术支持问答记录\n\n---\n\n${body.join('')}`;
}
