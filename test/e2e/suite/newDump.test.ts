/** New Ticket Dump and New Ticket in a real VS Code: the templates are the snippets, and the result is a dump. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension } from './helpers';

describe('new ticket dump', () => {
	let dir: string;

	before(async () => {
		await activateExtension();
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ticket-curator-new-'));
	});

	after(async () => {
		await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('creates the file from the dump snippet, as a Ticket dump, and a second ticket goes after the first', async () => {
		const uri = vscode.Uri.file(path.join(dir, 'part1.md'));
		const editor = (await vscode.commands.executeCommand<vscode.TextEditor>('ticketCurator.newDump', uri))!;
		assert.equal(editor.document.uri.toString(), uri.toString());
		assert.equal(editor.document.languageId, 'tickets');
		const text = editor.document.getText();
		assert.match(text, /^# 技术支持工单数据 - Part 1\n\n本文档包含 1 个结构化技术支持问答记录\n\n---\n\n## 标题\n\n\*\*问题分类\*\*: 产品｜子类\n/);
		assert.equal(editor.document.getText(editor.selection), '技术支持工单数据 - Part 1', 'the first tab stop is the file title');
		assert.match(text, /### 完整对话记录\n\n\*\*客户\*\*：客户描述的问题\n\n\*\*客服\*\*：客服的第一条回复\n\n---\n/);

		await vscode.commands.executeCommand('ticketCurator.newTicket');
		const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri)) ?? [];
		assert.equal(symbols.length, 1);
		assert.deepEqual(
			symbols[0].children.map((s) => s.name),
			['标题', '标题'],
		);
		assert.deepEqual(
			symbols[0].children[1].children.map((s) => s.name),
			['问题描述', '客服解答', '根本原因分析', '完整对话记录'],
		);
	});

	it('keeps an existing file that is not empty', async () => {
		const uri = vscode.Uri.file(path.join(dir, 'kept.md'));
		fs.writeFileSync(uri.fsPath, 'my notes\n');
		const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('ticketCurator.newDump', uri);
		assert.equal(editor, undefined);
		assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), 'my notes\n');
	});
});
