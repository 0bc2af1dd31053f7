/**
 * Workspace duplicates kept across edits (in-process): after edits that shift, change, copy and
 * delete tickets, the findings of an open dump equal those of a fresh instance that indexed only the
 * final texts (an edit re-prints and re-matches only what changed, with the same result), and an
 * exception in a background step is logged and counted instead of ending the process.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { WorkspaceDuplicates } from '../../server/src/workspace/workspaceDuplicates';
import { createTicketService } from '../../server/src/service/index';
import { WorkspaceIndex } from '../../server/src/workspace/workspaceIndex';

const dump = readFileSync(join(__dirname, '..', 'fixtures', 'corpus', '000_8bbabfb939ae27d4.txt'), 'utf8');
const real = dump.split(/^(?=## )/m).slice(1);
const header = `# 技术支持工单数据 - Part 3\n\n本文档包含若干个结构化技术支持问答记录\n\n---\n\n`;
const smallDump = (tickets: string[]) => header + tickets.join('');
const nearCopy = (text: string) => {
	let n = 0;
	return text.replace(/[\u4e00-\u9fff]/g, (c) => (++n % 40 === 0 ? '变' : c));
};

/** An index, its duplicates, and the open documents; `settled` resolves when the open dumps' duplicates changed. */
function workspace() {
	const service = createTicketService();
	const index = new WorkspaceIndex(service);
	const open = new Map<string, TextDocument>();
	const logged: string[] = [];
	let onLog = () => {};
	const duplicates = new WorkspaceDuplicates(
		index,
		service,
		() => [...open.values()],
		(m) => {
			logged.push(m);
			onLog();
		},
	);
	const nextLog = () => new Promise<void>((resolve) => (onLog = resolve));
	const settled = () =>
		new Promise<string[]>((resolve) => {
			const listener = duplicates.onDidChange((uris) => {
				listener.dispose();
				resolve(uris);
			});
		});
	return { index, open, duplicates, logged, nextLog, settled };
}

const findings = (diagnostics: { code?: unknown; range: unknown; message: string; relatedInformation?: unknown }[]) =>
	diagnostics.map((d) => JSON.stringify([d.code, d.range, d.message, d.relatedInformation])).sort();

describe('workspace duplicates across edits (in-process)', () => {
	it('finds after edits exactly what a fresh index of the final texts finds', async () => {
		const a0 = smallDump([real[0], real[5], real[40], real[15], real[5]]);
		const b = smallDump([nearCopy(real[40]), real[80], real[0], real[15]]);
		const live = workspace();
		const bDoc = TextDocument.create('file:///w/b.md', 'markdown', 1, b);
		live.open.set(bDoc.uri, bDoc);
		let settled = live.settled();
		live.index.setFile('file:///w/a.md', a0);
		live.index.setFile(bDoc.uri, b, true);
		await settled;
		const before = findings(live.duplicates.diagnosticsFor(bDoc));
		assert.ok(
			before.some((f) => f.includes('near-duplicate')) && before.some((f) => f.includes('duplicate-ticket')),
			'the planted copies are found before the edit',
		);
		// a.md edited: a new ticket first (every ordinal and line shifts), a near copy changed into a copy of another, one copy deleted.
		const a1 = smallDump([real[80], real[0], real[5], real[15], real[15]]);
		settled = live.settled();
		live.index.setFile('file:///w/a.md', a1);
		assert.deepEqual(await settled, [bDoc.uri]);
		const fresh = workspace();
		fresh.open.set(bDoc.uri, bDoc);
		const freshSettled = fresh.settled();
		fresh.index.setFile('file:///w/a.md', a1);
		fresh.index.setFile(bDoc.uri, b, true);
		await freshSettled;
		const expected = findings(fresh.duplicates.diagnosticsFor(bDoc));
		// The near copy's original left a.md; real[80] became a copy.
		assert.equal(expected.filter((f) => f.includes('near-duplicate')).length, 0);
		assert.equal(expected.filter((f) => f.includes('duplicate-ticket')).length, 3);
		assert.deepEqual(findings(live.duplicates.diagnosticsFor(bDoc)), expected);
		assert.equal(live.duplicates.size.tickets, fresh.duplicates.size.tickets, 'the deleted and changed tickets left the index');
	});

	it('finds in an edited open dump exactly what a fresh check of its final text finds', async () => {
		const respaced = (text: string) => text.replace(/，/g, '， ');
		const a = smallDump([real[0], real[7], real[33]]);
		const b0 = smallDump([real[0], real[5], nearCopy(real[5]), real[20], real[5], respaced(real[20]), real[33], real[40]]);
		// A new first ticket (every line shifts), the near copy changed into a copy of another, a same-text copy deleted, a near copy added at the end.
		const b1 = smallDump([real[61], real[0], real[5], real[33], real[20], respaced(real[20]), real[33], real[40], nearCopy(real[40])]);
		const check = async (steps: string[]) => {
			const w = workspace();
			const settled = w.settled();
			let doc = TextDocument.create('file:///w/b.md', 'markdown', 1, steps[0]);
			w.open.set(doc.uri, doc);
			w.index.setFile('file:///w/a.md', a);
			w.index.setFile(doc.uri, steps[0], true);
			await settled;
			let result = w.duplicates.diagnosticsFor(doc);
			for (const text of steps.slice(1)) {
				doc = TextDocument.create(doc.uri, 'markdown', doc.version + 1, text);
				w.open.set(doc.uri, doc);
				result = w.duplicates.diagnosticsFor(doc);
			}
			return findings(result);
		};
		const expected = await check([b1]);
		assert.ok(expected.filter((f) => f.includes('near-duplicate')).length === 2 && expected.filter((f) => f.includes('duplicate-ticket')).length === 5);
		assert.deepEqual(await check([b0, b1]), expected);
		assert.deepEqual(await check([b1, b0, b1]), expected);
	});

	it('logs and counts an exception in its re-check timer, and keeps working', async () => {
		const w = workspace();
		const doc = TextDocument.create('file:///w/b.md', 'markdown', 1, smallDump([real[0]]));
		let throws = true;
		w.open.set(doc.uri, doc);
		// The open dumps are read in the re-check timer: make that read throw once.
		const open = w.open;
		const values = open.values.bind(open);
		open.values = () => {
			if (throws) {
				throws = false;
				throw new Error('planted failure');
			}
			return values();
		};
		const logged = w.nextLog();
		w.index.setFile('file:///w/a.md', smallDump([real[0], real[1]]));
		await logged;
		assert.equal(w.duplicates.failures, 1);
		assert.match(w.logged.join('\n'), /planted failure/);
		const settled = w.settled();
		w.index.setFile('file:///w/a.md', smallDump([real[0], real[2]]));
		assert.deepEqual(await settled, [doc.uri], 'the next change is reported as usual');
	});
});
