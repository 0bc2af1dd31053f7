/**
 * One title on every ticket: a dump of 3,000 tickets titled `咨询`, made from one real ticket, checked
 * by the server process (`node dist/server.js --stdio`). Real dumps repeat titles, and findings that
 * list every similar ticket grow with the square of their number. Three dumps (bench/corpus.ts
 * sameTitleDump): `distinct` (no two tickets alike but for their title), `copies` (the same text each:
 * exact duplicates) and `variants` (digits changed: exact and near duplicates). Per dump: the time
 * from opening it to its complete diagnostics (duplicates included, and one `tickets/serverStats`
 * round trip), their size as JSON, the most related entries of one diagnostic, and how long a request
 * (documentSymbol) then takes.
 *   tsx bench/sameTitle.ts [--tickets 3000] [--json out.json]
 * (`npm run build` first: the server is dist/server.js.)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { completeDiagnostics, fileUri, startServer, timed } from '../test/server/lspClient';
import { sameTitleDump, type SameTitleKind } from './corpus';
import { ms } from './stats';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const tickets = Number(option('--tickets') ?? 3000);
const jsonOut = option('--json');

async function measure(kind: SameTitleKind) {
	const dir = mkdtempSync(join(tmpdir(), 'tickets-same-title-'));
	const path = join(dir, 'same-title.md');
	const text = sameTitleDump({ tickets, kind });
	writeFileSync(path, text);
	const uri = fileUri(path);
	// Every finding published (no cap per file), so that its size is what the checks make.
	const client = await startServer({ folders: [dir], settings: { diagnostics: { maxPerFile: 0 } } });
	try {
		await client.indexed();
		const opened = performance.now();
		const complete = completeDiagnostics(client, uri);
		await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
		const params = await complete;
		const diagnosticsMs = performance.now() - opened;
		const [, symbolsMs] = await timed(() => client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }));
		return {
			dump: kind,
			tickets,
			bytes: Buffer.byteLength(text),
			diagnosticsMs,
			diagnostics: params.diagnostics.length,
			jsonBytes: Buffer.byteLength(JSON.stringify(params.diagnostics)),
			maxRelated: Math.max(...params.diagnostics.map((d) => d.relatedInformation?.length ?? 0)),
			symbolsMs,
		};
	} finally {
		await client.stop();
		rmSync(dir, { recursive: true, force: true });
	}
}

async function main(): Promise<void> {
	const rows = [await measure('distinct'), await measure('copies'), await measure('variants')];
	console.log(`\nOne title on ${tickets} tickets, through the server process`);
	console.log('dump      dump KB  open→diagnostics ms  diagnostics  JSON KB  max related  documentSymbol ms');
	for (const r of rows) {
		console.log(
			`${r.dump.padEnd(8)}  ${(r.bytes / 1024).toFixed(0).padStart(7)}  ${ms(r.diagnosticsMs).padStart(19)}  ${String(r.diagnostics).padStart(11)}  ${(r.jsonBytes / 1024).toFixed(0).padStart(7)}  ${String(r.maxRelated).padStart(11)}  ${ms(r.symbolsMs).padStart(17)}`,
		);
	}
	if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ sameTitle: rows }, null, 2));
}

void main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
