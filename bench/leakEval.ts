/**
 * `npm run eval:leaks`: how well the leak rules find leaks and leave look-alikes alone, next to
 * secretlint (its recommended preset) and OpenRedaction (a PII-redaction library) on the same files.
 *
 * Leaks of every kind the rules claim, and look-alikes (bench/leakPlants.ts), are planted at the end
 * of random lines of every section (title, description, answers, root cause, dialog) of copies of the
 * real dump; each copy is checked whole. A plant is found when a finding overlaps it (for ours, its
 * range must also lie within the value); findings elsewhere (the real dump's own) are not counted.
 *
 *   npm run eval:leaks [-- --per-kind 60] [--json out.json]
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createTicketService, rules } from '../server/src/service/index';
import { random, readRealDump, realTickets } from './corpus';
import { makePlants, plantedKinds, type Plant } from './leakPlants';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const perKind = Number(option('--per-kind') ?? 60);
const jsonOut = option('--json');
const perCopy = 40;

interface Span {
	readonly start: number;
	readonly end: number;
}
interface PlantedCopy {
	readonly text: string;
	readonly plants: readonly (Plant & { readonly at: number })[];
}

/** Copies of the real dump, each with `perCopy` plants at the ends of random non-structural lines. */
function plantedCopies(): PlantedCopy[] {
	const rand = random(20240611);
	const plants = makePlants(perKind, rand);
	const real = readRealDump();
	const header = real.slice(0, real.indexOf('\n## ') + 1);
	const tickets = realTickets(real);
	const copies: PlantedCopy[] = [];
	for (let c = 0; c * perCopy < plants.length; c++) {
		const lines = (header + tickets.join('')).split('\n');
		// Where a sentence may go: any line with text that is not a heading of a section or a separator.
		const open = lines.map((_, i) => i).filter((i) => lines[i].trim() && !/^(?:#{1,3} (?!.)|### |---|# |本文档包含)/.test(lines[i]));
		const byLine = new Map<number, Plant[]>();
		for (const plant of plants.slice(c * perCopy, (c + 1) * perCopy)) {
			const line = open[Math.floor(rand() * open.length)];
			byLine.set(line, [...(byLine.get(line) ?? []), plant]);
		}
		let text = '';
		const placed: (Plant & { at: number })[] = [];
		lines.forEach((line, i) => {
			text += line;
			for (const plant of byLine.get(i) ?? []) {
				text += '，';
				placed.push({ ...plant, at: text.length });
				text += plant.sentence;
			}
			if (i < lines.length - 1) text += '\n';
		});
		copies.push({ text, plants: placed });
	}
	return copies;
}

type Detect = (text: string) => Promise<Span[]> | Span[];

const leakCodes = new Set<unknown>(rules.filter((r) => r.category === 'leaks').map((r) => r.code));

function ours(): Detect {
	const service = createTicketService();
	let version = 0;
	return (text) => {
		const uri = `file:///eval/${version}.md`;
		const doc = { uri, version: ++version, getText: () => text };
		const diagnostics = service.validate(doc) ?? [];
		const lines: number[] = [0];
		for (let i = 0; i < text.length; i++) if (text[i] === '\n') lines.push(i + 1);
		return diagnostics
			.filter((d) => leakCodes.has(d.code))
			.map((d) => ({ start: lines[d.range.start.line] + d.range.start.character, end: lines[d.range.end.line] + d.range.end.character }));
	};
}

/** The peers, from the project's node_modules; a missing one is reported and skipped. */
function peers(): { name: string; detect?: Detect; missing?: string }[] {
	const load = createRequire(join(__dirname, '..', 'package.json'));
	const out: { name: string; detect?: Detect; missing?: string }[] = [];
	try {
		const { lintSource } = load('@secretlint/core');
		const { creator } = load('@secretlint/secretlint-rule-preset-recommend');
		const version = load('@secretlint/secretlint-rule-preset-recommend/package.json').version as string;
		out.push({
			name: `secretlint ${version} (recommended preset)`,
			detect: async (text) => {
				const result = await lintSource({
					source: { filePath: '/eval/dump.md', content: text, ext: '.md', contentType: 'text' },
					options: { config: { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: creator }] } },
				});
				return (result.messages as { range: [number, number] }[]).map((m) => ({ start: m.range[0], end: m.range[1] }));
			},
		});
	} catch (e) {
		out.push({ name: 'secretlint (recommended preset)', missing: String(e).split('\n')[0] });
	}
	try {
		const { OpenRedaction } = load('@openredaction/openredaction');
		const shield = new OpenRedaction();
		out.push({
			name: 'OpenRedaction (defaults)',
			detect: (text) => (shield.detect(text).detections as { position: [number, number] }[]).map((d) => ({ start: d.position[0], end: d.position[1] })),
		});
	} catch (e) {
		out.push({ name: 'OpenRedaction', missing: String(e).split('\n')[0] });
	}
	return out;
}

interface Tally {
	found: number;
	total: number;
}

async function evaluate(detect: Detect, copies: readonly PlantedCopy[], exact: boolean): Promise<{ byKind: Map<string, Tally>; ms: number }> {
	const byKind = new Map<string, Tally>();
	const t = performance.now();
	for (const copy of copies) {
		const spans = await detect(copy.text);
		for (const p of copy.plants) {
			const start = p.at + p.start;
			const end = p.at + p.end;
			// Ours must cover the value and no more than it; a peer's finding only has to touch it.
			const hit = spans.some((s) => s.start < end && start < s.end && (!exact || p.kind.startsWith('lookalike:') || (s.start >= start && s.end <= end)));
			const tally = byKind.get(p.kind) ?? { found: 0, total: 0 };
			tally.total++;
			if (hit) tally.found++;
			byKind.set(p.kind, tally);
		}
	}
	return { byKind, ms: performance.now() - t };
}

async function main() {
	const copies = plantedCopies();
	const runs: { name: string; byKind?: Map<string, Tally>; ms?: number; missing?: string }[] = [];
	runs.push({ name: 'Ticket Curator', ...(await evaluate(ours(), copies, true)) });
	for (const peer of peers()) runs.push(peer.detect ? { name: peer.name, ...(await evaluate(peer.detect, copies, false)) } : peer);

	const lookalikeKinds = [...new Set(copies.flatMap((c) => c.plants.map((p) => p.kind)).filter((k) => k.startsWith('lookalike:')))].sort();
	const bytes = copies.reduce((n, c) => n + Buffer.byteLength(c.text), 0);
	console.log(`\nLeaks planted into ${copies.length} copies of the real dump (${(bytes / 1048576).toFixed(1)} MB), ${perKind} per kind\n`);
	const width = 22;
	const cols = runs.map((r) => r.name);
	console.log(`${'recall'.padEnd(width)}${cols.map((c) => c.slice(0, 30).padStart(32)).join('')}`);
	const cell = (r: (typeof runs)[number], kind: string) => {
		if (!r.byKind) return 'not installed';
		const t = r.byKind.get(kind);
		return t ? (t.found / t.total).toFixed(2) : '-';
	};
	for (const kind of plantedKinds) console.log(`${kind.padEnd(width)}${runs.map((r) => cell(r, kind).padStart(32)).join('')}`);
	console.log(`\n${'look-alikes reported'.padEnd(width)}`);
	for (const kind of lookalikeKinds) console.log(`${kind.slice(10).padEnd(width)}${runs.map((r) => cell(r, kind).padStart(32)).join('')}`);
	const total = (r: (typeof runs)[number], kinds: readonly string[]) => {
		if (!r.byKind) return undefined;
		const t = kinds
			.map((k) => r.byKind!.get(k) ?? { found: 0, total: 0 })
			.reduce((a, b) => ({ found: a.found + b.found, total: a.total + b.total }), { found: 0, total: 0 });
		return t;
	};
	console.log(
		`${'all look-alikes'.padEnd(width)}${runs
			.map((r) => {
				const t = total(r, lookalikeKinds);
				return (t ? `${t.found}/${t.total}` : 'not installed').padStart(32);
			})
			.join('')}`,
	);
	console.log(`${'time (ms)'.padEnd(width)}${runs.map((r) => (r.ms === undefined ? '-' : r.ms.toFixed(0)).padStart(32)).join('')}`);
	for (const r of runs) if (r.missing) console.log(`\n${r.name}: not installed (${r.missing})`);
	if (jsonOut) {
		const json = runs.map((r) => ({ name: r.name, ms: r.ms, missing: r.missing, byKind: r.byKind ? Object.fromEntries(r.byKind) : undefined }));
		writeFileSync(jsonOut, `${JSON.stringify({ perKind, copies: copies.length, bytes, runs: json }, null, 2)}\n`);
	}
}

void main();
