/**
 * The workspace's diagnostics give the host a turn after each closed dump's check (in-process): the
 * server collects garbage there (host/collectGarbage.ts), so the check's parse must be dropped by
 * then, and reporting unchanged files checks nothing and asks for nothing.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTicketService, runSteps, type Steps } from '../../server/src/service/index';
import { WorkspaceDiagnostics, type FileReport } from '../../server/src/workspace/workspaceDiagnostics';
import { WorkspaceDuplicates } from '../../server/src/workspace/workspaceDuplicates';
import { WorkspaceIndex } from '../../server/src/workspace/workspaceIndex';

const dump = readFileSync(join(__dirname, '..', 'fixtures', 'corpus', '000_8bbabfb939ae27d4.txt'), 'utf8');
const never = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) };

describe('checks of closed dumps for the workspace diagnostics (in-process)', () => {
	it('hands the host a turn after each check, the parse already forgotten; unchanged files are not checked', async () => {
		const service = createTicketService();
		const index = new WorkspaceIndex(service);
		const duplicates = new WorkspaceDuplicates(index, service, () => []);
		const texts = new Map(['a', 'b', 'c'].map((name, i) => [`file:///w/${name}.md`, dump.replace(/^## (.*)$/gm, `## $1 ${i}`)]));
		index.beginBuild();
		for (const [uri, text] of texts) index.setFile(uri, text);
		runSteps(index.endBuild()!);
		const forgotten: string[] = [];
		const forget = service.forget.bind(service);
		service.forget = (uri) => {
			forgotten.push(uri);
			forget(uri);
		};
		const turns: string[][] = [];
		const diagnostics = new WorkspaceDiagnostics(index, duplicates, service, {
			readText: (uri) => Promise.resolve(texts.get(uri)),
			run: <T>(steps: Steps<T>) => Promise.resolve(runSteps(steps)),
			isOpen: () => false,
			afterCheck: () => turns.push([...forgotten]),
			log: (m) => assert.fail(m),
		});
		const reports: FileReport[] = [];
		await diagnostics.report(new Map(), (batch) => reports.push(...batch), never);
		assert.deepEqual(
			reports.map((r) => r.kind),
			['full', 'full', 'full'],
		);
		assert.ok(reports.every((r) => r.kind === 'full' && r.diagnostics.length > 0));
		assert.equal(turns.length, 3, 'one turn per check');
		turns.forEach((seen, i) => assert.equal(seen.at(-1), reports[i].uri, `the turn after checking ${reports[i].uri} comes once its parse is forgotten`));

		const again: FileReport[] = [];
		await diagnostics.report(new Map(reports.map((r) => [r.uri, r.resultId])), (batch) => again.push(...batch), never);
		assert.deepEqual(
			again.map((r) => r.kind),
			['unchanged', 'unchanged', 'unchanged'],
		);
		assert.equal(turns.length, 3, 'nothing checked again');
	});
});
