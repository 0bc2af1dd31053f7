/**
 * Recognition in a real VS Code: a ticket dump, named .txt or .md, becomes the `tickets` language,
 * whose Outline is ours alone (no second list of Markdown headings); README.md stays Markdown.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, dumpUri, readmeUri } from './helpers';

/** Resolves with the document once VS Code holds it in `languageId` (now or after a language switch). */
export function languageOf(uri: vscode.Uri, languageId: string): Promise<vscode.TextDocument> {
	return new Promise((resolve) => {
		const check = () => {
			const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === languageId);
			if (!document) return;
			subscription.dispose();
			resolve(document);
		};
		const subscription = vscode.workspace.onDidOpenTextDocument(check);
		check();
	});
}

/**
 * Lets whatever the server sent before now take effect: its notices come before its answer to a symbol
 * request, and a language switch they cause reaches us before the answer to a later main-thread command.
 */
async function settled(uri: vscode.Uri): Promise<void> {
	await symbolsOf(uri);
	await vscode.commands.executeCommand('setContext', 'ticketCurator.e2eBarrier', Date.now());
}

const symbolsOf = (uri: vscode.Uri) => vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri);

describe('dump recognition', () => {
	let outside: string;

	before(async () => {
		await activateExtension();
		// The .md copy lies outside the workspace folder, so the workspace's tree keeps its 114 tickets.
		outside = fs.mkdtempSync(path.join(os.tmpdir(), 'ticket-curator-md-'));
	});

	after(async () => {
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
		fs.rmSync(outside, { recursive: true, force: true });
	});

	it('switches the .txt dump from plaintext to the tickets language', async () => {
		await vscode.window.showTextDocument(dumpUri());
		const document = await languageOf(dumpUri(), 'tickets');
		assert.equal(document.languageId, 'tickets');
	});

	it('switches a .md dump to tickets, and its Outline is the tickets only, not Markdown headings as well', async () => {
		const uri = vscode.Uri.file(path.join(outside, 'part40.md'));
		fs.copyFileSync(dumpUri().fsPath, uri.fsPath);
		const markdown = vscode.extensions.getExtension('vscode.markdown-language-features');
		await vscode.window.showTextDocument(uri);
		await markdown?.activate();
		await languageOf(uri, 'tickets');
		const symbols = (await symbolsOf(uri)) ?? [];
		assert.equal(symbols.length, 1, `top-level symbols: ${symbols.map((s) => s.name).join(' | ')}`);
		assert.equal(symbols[0].kind, vscode.SymbolKind.File);
		assert.equal(symbols[0].children.length, 114);
		assert.ok(!symbols.some((s) => s.name.startsWith('#')), 'no Markdown heading symbols');
	});

	it('leaves README.md in Markdown', async () => {
		const document = await vscode.workspace.openTextDocument(readmeUri());
		await vscode.window.showTextDocument(document);
		await settled(readmeUri());
		assert.equal(document.languageId, 'markdown');
	});

	it('respects a language the user picks afterwards', async () => {
		const uri = vscode.Uri.file(path.join(outside, 'part40.md'));
		const document = await languageOf(uri, 'tickets');
		await vscode.languages.setTextDocumentLanguage(document, 'markdown');
		await settled(uri);
		assert.equal(vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.languageId, 'markdown');
	});

	it('completes categories after the category key, most frequent first', async () => {
		const document = await languageOf(dumpUri(), 'tickets');
		const line = document
			.getText()
			.split('\n')
			.findIndex((l) => l.startsWith('**问题分类**: '));
		const list = await vscode.commands.executeCommand<vscode.CompletionList>(
			'vscode.executeCompletionItemProvider',
			dumpUri(),
			new vscode.Position(line, '**问题分类**: '.length),
		);
		const ours = list.items.filter((i) => i.kind === vscode.CompletionItemKind.EnumMember).sort((a, b) => String(a.sortText).localeCompare(String(b.sortText)));
		assert.equal(ours.length, 26);
		assert.equal(typeof ours[0].label === 'string' ? ours[0].label : ours[0].label.label, 'CDN｜配置问题');
	});

	it("offers the server's snippets in an empty file, as snippets VS Code expands", async () => {
		const document = await vscode.workspace.openTextDocument({ language: 'tickets', content: 'du' });
		const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(0, 2));
		const snippets = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet && i.detail);
		const label = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);
		assert.deepEqual(snippets.map(label).sort(), ['dump', 'ticket', '新工单', '新工单文件']);
		const dump = snippets.find((i) => label(i) === 'dump')!;
		assert.equal(dump.detail, 'New ticket dump');
		assert.ok(dump.insertText instanceof vscode.SnippetString, 'declared snippet support: the body comes as a snippet');
		assert.match(dump.insertText.value, /^# \$\{1:技术支持工单数据 - Part 1\}\n\n本文档包含 \$\{2:1\} 个/);
	});
});
