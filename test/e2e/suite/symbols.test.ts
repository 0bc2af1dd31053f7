import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, dumpUri, readmeUri } from './helpers';

const requiredSections = ['问题描述', '根本原因分析', '完整对话记录'];

function documentSymbols(uri: vscode.Uri): Thenable<vscode.DocumentSymbol[] | undefined> {
	return vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri);
}

/** name + nested children, to compare outlines as plain data. */
interface Outline {
	name: string;
	children: Outline[];
}
const outline = (s: vscode.DocumentSymbol): Outline => ({ name: s.name, children: s.children.map(outline) });

describe('document symbols', () => {
	before(activateExtension);

	it('gives the real dump one file symbol holding its 114 tickets, each with its sections', async () => {
		const document = await vscode.workspace.openTextDocument(dumpUri());
		const symbols = (await documentSymbols(dumpUri())) ?? [];
		assert.equal(symbols.length, 1, `top level: ${symbols.map((s) => s.name).join(', ')}`);
		const [file] = symbols;
		assert.equal(file.name, '技术支持工单数据 - Part 40');
		assert.equal(file.kind, vscode.SymbolKind.File);
		assert.equal(file.children.length, 114);
		for (const ticket of file.children) {
			const titleLine = document.lineAt(ticket.selectionRange.start.line).text;
			assert.equal(titleLine, `## ${ticket.name}`, 'a ticket symbol selects its title line');
			const sections = ticket.children.map((s) => s.name);
			for (const name of requiredSections) assert.ok(sections.includes(name), `${ticket.name}: no ${name} in ${sections.join(', ')}`);
			for (const section of ticket.children) assert.ok(ticket.range.contains(section.range), `${ticket.name}: ${section.name} lies outside its ticket`);
		}
		const first = file.children[0];
		assert.equal(first.name, '一直返回同一个uploadId，并且提示{"error":"no such uploadId"}');
		assert.equal(first.detail, '对象存储｜上传下载');
		assert.deepEqual(
			first.children.map((s) => s.name),
			['问题描述', '客服解答', '根本原因分析', '完整对话记录'],
		);
	});

	it("leaves a plain README.md to VS Code's Markdown outline", async () => {
		// The built-in Markdown extension registers its symbol provider when its activation finishes.
		const markdown = vscode.extensions.getExtension('vscode.markdown-language-features');
		assert.ok(markdown, 'the built-in Markdown extension is missing');
		await vscode.workspace.openTextDocument(readmeUri());
		await markdown.activate();
		const symbols = (await documentSymbols(readmeUri())) ?? [];
		assert.deepEqual(symbols.map(outline), [
			{
				name: '# Fixture workspace',
				children: [
					{
						name: '## What the suite checks',
						children: [
							{ name: '### Diagnostics', children: [] },
							{ name: '### Outline', children: [] },
						],
					},
					{ name: '## Keeping it plain', children: [] },
				],
			},
		]);
		assert.ok(
			symbols.every((s) => s.kind === vscode.SymbolKind.String),
			'only Markdown heading symbols',
		);
	});
});
