// `npm run bench`: every benchmark of the project in one run. Each runs in its own process (so one's
// memory does not weigh on the next), prints its table, and leaves its figures in a JSON file that
// this script gathers into bench/results.json with the machine they were taken on.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const tmp = mkdtempSync(join(tmpdir(), 'tickets-bench-'));
const tsx = join(root, 'node_modules', '.bin', 'tsx');

/** name, script, extra arguments; a script that does not exist yet is reported, not skipped silently. */
const benches = [
	['validation', 'bench/validation.ts', ['--sizes', process.env.BENCH_SIZES ?? 'real,2MB,20MB']],
	['scale', 'bench/scale.ts', []],
	['similar', 'bench/similar.ts', []],
	['duplicates', 'bench/duplicates.ts', []],
	['responsiveness', 'bench/responsiveness.ts', []],
	['sameTitle', 'bench/sameTitle.ts', []],
	['workspaceDiagnostics', 'bench/workspaceDiagnostics.ts', ['--files', process.env.BENCH_WORKSPACE_FILES ?? '1000']],
	['export', 'bench/export.ts', ['--tickets', process.env.BENCH_EXPORT_TICKETS ?? '100000']],
	['treeAnswer', 'bench/treeAnswer.ts', ['--tickets', process.env.BENCH_TREE_TICKETS ?? '114000']],
];

const results = {
	machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version },
	date: new Date().toISOString(),
};
let failed = false;
for (const [name, script, extra] of benches) {
	const path = join(root, script);
	if (!existsSync(path)) {
		console.log(`\n[${name}] ${script} is missing`);
		failed = true;
		continue;
	}
	const out = join(tmp, `${name}.json`);
	const run = spawnSync(tsx, [path, ...extra, '--json', out], { cwd: root, stdio: 'inherit' });
	if (run.status !== 0 || !existsSync(out)) {
		console.log(`\n[${name}] failed (exit ${run.status})`);
		failed = true;
		continue;
	}
	Object.assign(results, JSON.parse(readFileSync(out, 'utf8')));
}
writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nFigures written to bench/results.json (${results.machine.cpus} cores, ${results.machine.cpu}, Node ${results.machine.node}).`);
process.exitCode = failed ? 1 : 0;
