/**
 * *Tickets: Review Labels* in a real VS Code on the real dump: it opens on the most certain suspect
 * beside its ticket; accepting a suggestion changes the root-cause line and nothing else; keeping a
 * label writes it to .ticketcurator.json and its finding is gone after the review is reloaded.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TicketCuratorApi } from '../../../client/src/extension';
import type { LabelReviewResult, LabelReviewRow } from '../../../common/protocol';
import { activateExtension, codeOf, dumpUri, fixture, waitForDiagnostics } from './helpers';

let api: TicketCuratorApi;

const findingAt = (row: LabelReviewRow) => (d: vscode.Diagnostic) => codeOf(d) === 'root-cause-unsupported' && d.range.start.line === row.labelLine;

/** Resolves with the next suspect the review shows after `row`. */
function nextShown(row: LabelReviewRow): Promise<LabelReviewRow | undefined> {
	return new Promise((resolve) => {
		const check = () => {
			const current = api.labels.current();
			if (current === row) return;
			subscription.dispose();
			resolve(current);
		};
		const subscription = api.labels.onDidShow(check);
		check();
	});
}

describe('Review Labels', () => {
	let document: vscode.TextDocument;

	before(async () => {
		api = (await activateExtension()).exports as TicketCuratorApi;
		await api.tickets.ready();
		document = await vscode.workspace.openTextDocument(dumpUri());
		await vscode.window.showTextDocument(document);
		await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'root-cause-unsupported'));
	});

	after(async () => {
		await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
	});

	it('opens on the real dump at its most certain suspect, beside the ticket', async () => {
		const row = await vscode.commands.executeCommand<LabelReviewRow>('ticketCurator.reviewLabels');
		assert.ok(row, 'a suspect is shown');
		assert.equal(api.labels.current(), row);
		assert.equal(row.kind, 'rootCause');
		assert.equal(row.source, 'both', 'a finding of both methods first');
		assert.ok(row.suggestions.length > 0 && row.neighbours.length > 0);
		const editor = vscode.window.activeTextEditor!;
		assert.equal(editor.document.uri.toString(), document.uri.toString());
		assert.equal(editor.selection.start.line, row.labelLine);
		assert.equal(document.lineAt(row.labelLine).text, row.label);
	});

	it('accepting a suggestion changes the root-cause line and nothing else, and shows the next suspect', async () => {
		const row = api.labels.current()!;
		const before = document.getText().split('\n');
		const next = nextShown(row);
		await vscode.commands.executeCommand('ticketCurator.reviewLabels.accept', 0);
		const after = document.getText().split('\n');
		assert.equal(after.length, before.length);
		const changed = after.flatMap((line, i) => (line !== before[i] ? [i] : []));
		assert.deepEqual(changed, [row.labelLine]);
		assert.equal(after[row.labelLine], row.suggestions[0].label);
		assert.notEqual(await next, row);
		// The finding goes with the label.
		await waitForDiagnostics(document.uri, (d) => !d.some(findingAt(row)));
		// Leave the dump as it was for the keep test and the other suites.
		const restore = new vscode.WorkspaceEdit();
		restore.replace(document.uri, document.lineAt(row.labelLine).range, row.label);
		assert.ok(await vscode.workspace.applyEdit(restore));
		await document.save();
		await waitForDiagnostics(document.uri, (d) => d.some(findingAt(row)));
	});

	it('keeping a label remembers it, and its finding is gone after a reload', async () => {
		const row = api.labels.current()!;
		await waitForDiagnostics(document.uri, (d) => d.some(findingAt(row)));
		const next = nextShown(row);
		await vscode.commands.executeCommand('ticketCurator.reviewLabels.keep');
		assert.notEqual(await next, row);
		const config = fixture('.ticketcurator.json');
		const kept = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(config)).toString('utf8')) as { keptLabels: { title: string; label: string }[] };
		assert.deepEqual(
			kept.keptLabels.map((k) => [k.title, k.label]),
			[[row.title, row.label]],
		);
		// The server reads the configuration again: the finding is gone, from the diagnostics and from a new review.
		await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'root-cause-unsupported') && !d.some(findingAt(row)));
		const reloaded = await vscode.commands.executeCommand<LabelReviewRow>('ticketCurator.reviewLabels');
		assert.notEqual(reloaded.title, row.title);
		// By method name: the suite's bundle has its own copy of the protocol classes.
		const { rows } = await api.client.sendRequest<LabelReviewResult>('tickets/labelReview', {});
		assert.ok(!rows.some((r) => r.title === row.title && r.label === row.label));
		assert.ok(rows.length > 0);

		await vscode.workspace.fs.delete(config);
		await waitForDiagnostics(document.uri, (d) => d.some(findingAt(row)));
	});
});
