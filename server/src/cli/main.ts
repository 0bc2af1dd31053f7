/**
 * `tickets`: the ticket language service on the command line, so dumps are checked in CI
 * without an editor. `tickets check [paths…]` prints every finding and exits 1 on errors.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { pathFilter } from '../files';
import { createTicketService } from '../service/index';

const severityName: Record<number, string> = {
	[DiagnosticSeverity.Error]: 'error',
	[DiagnosticSeverity.Warning]: 'warning',
	[DiagnosticSeverity.Information]: 'info',
	[DiagnosticSeverity.Hint]: 'hint',
};

function usage(): never {
	process.stderr.write('usage: tickets check [paths…]\n');
	process.exit(2);
}

function walk(path: string, isCandidate: (p: string) => boolean, out: string[]): void {
	const stat = statSync(path);
	if (stat.isDirectory()) {
		for (const name of readdirSync(path).sort()) if (name !== 'node_modules' && !name.startsWith('.')) walk(join(path, name), isCandidate, out);
	} else if (isCandidate(path)) out.push(path);
}

function check(paths: string[]): number {
	const service = createTicketService({ log: (m) => process.stderr.write(`${m}\n`) });
	const isCandidate = pathFilter();
	const files: string[] = [];
	for (const p of paths.length ? paths : ['.']) {
		try {
			walk(resolve(p), isCandidate, files);
		} catch {
			process.stderr.write(`tickets: cannot read ${p}\n`);
			return 2;
		}
	}
	let errors = 0;
	let warnings = 0;
	let dumps = 0;
	for (const file of files) {
		const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
		if (!service.isTicketDump(text)) continue;
		dumps++;
		const diagnostics = service.validate({ uri: pathToFileURL(file).href, version: 1, getText: () => text }) ?? [];
		const name = relative(process.cwd(), file) || file;
		if (diagnostics.length) process.stdout.write(`${name}\n`);
		for (const d of diagnostics) {
			if (d.severity === DiagnosticSeverity.Error) errors++;
			if (d.severity === DiagnosticSeverity.Warning) warnings++;
			const where = `${d.range.start.line + 1}:${d.range.start.character + 1}`;
			process.stdout.write(`  ${where.padEnd(9)} ${severityName[d.severity ?? 1].padEnd(7)} ${String(d.code).padEnd(20)} ${d.message}\n`);
		}
	}
	process.stdout.write(`${dumps} dump(s) checked: ${errors} error(s), ${warnings} warning(s)\n`);
	return errors ? 1 : 0;
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'check') process.exitCode = check(rest);
else usage();
