/**
 * Files the service does not check (readability.ts): too large, binary, not UTF-8. Each gets one
 * diagnostic at line 1 that says why, and nothing else; the Outline of a too-large file still comes.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { createTicketService, resolveConfig } from '../../../server/src/service/index';
import { skippedFile, textProblem, utf8Length } from '../../../server/src/service/rules/readability';
import { generateDump } from '../../../bench/corpus';
import { fixturesDir, realDumpText, textDocument } from '../../support/fixtures';

const root = join(__dirname, '..', '..', '..');
/** What an editor hands over for a file it decodes as UTF-8: U+FFFD for every byte sequence it cannot read. */
const asEditorDecodes = (path: string) => new TextDecoder('utf-8').decode(readFileSync(path));
const gbkDump = () => asEditorDecodes(join(fixturesDir, 'odd', 'gbk-dump.txt'));
const binary = () => asEditorDecodes(join(root, 'media', 'icon.png'));

describe('readability', () => {
	it('takes a GBK export decoded as UTF-8 for another encoding, and a PNG for binary', () => {
		assert.deepEqual(textProblem(gbkDump()), { kind: 'notUtf8', replacements: gbkDump().split('\ufffd').length - 1 });
		assert.deepEqual(textProblem(binary()), { kind: 'binary' });
	});

	it('finds nothing wrong with UTF-8 dumps, a stray U+FFFD, an empty file or a file of `---`', () => {
		const dump = realDumpText();
		for (const text of [dump, `${dump.slice(0, 500)}\ufffd\ufffd${dump.slice(500)}`, '', '---', '---\n---\n', '\ufeff# 标题\n']) {
			assert.equal(textProblem(text), undefined, JSON.stringify(text.slice(0, 20)));
		}
	});

	it('counts UTF-8 bytes as Node writes them, surrogate pairs and lone surrogates included', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => assert.equal(utf8Length(text), Buffer.byteLength(text, 'utf8'))),
			{ seed: 7, numRuns: 300 },
		);
		assert.equal(utf8Length(realDumpText()), Buffer.byteLength(realDumpText()));
	});

	describe('validation of a file that is not checked', () => {
		it('gives a GBK dump one `file-encoding` warning at line 1 with the way out', () => {
			const text = gbkDump();
			const diagnostics = createTicketService().validate(textDocument(text))!;
			assert.equal(diagnostics.length, 1);
			const [d] = diagnostics;
			assert.equal(d.code, 'file-encoding');
			assert.equal(d.severity, DiagnosticSeverity.Warning);
			assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: text.split('\n')[0].length } });
			assert.match(
				d.message,
				/^This file is not UTF-8 text: \d+ characters could not be decoded, so it is not checked\. Convert it to UTF-8 \(for example `iconv -f GBK -t UTF-8`\)/,
			);
		});

		it('gives a binary file one `file-encoding` warning saying it is binary', () => {
			const diagnostics = createTicketService().validate(textDocument(binary()))!;
			assert.deepEqual(
				diagnostics.map((d) => [d.code, d.range.start.line, d.message]),
				[['file-encoding', 0, 'This file is binary (it contains NUL characters), not a ticket dump: it is not checked.']],
			);
		});

		it('checks nothing past `limits.maxFileSizeMB`: one `file-too-large` information, the Outline still served', () => {
			const text = generateDump({ bytes: 1.5 * 1024 * 1024, seed: 3 });
			const service = createTicketService({ config: resolveConfig({ limits: { maxFileSizeMB: 1 } }) });
			const diagnostics = service.validate(textDocument(text))!;
			assert.deepEqual(
				diagnostics.map((d) => [d.code, d.severity, d.range.start.line]),
				[['file-too-large', DiagnosticSeverity.Information, 0]],
			);
			assert.match(
				diagnostics[0].message,
				/^This file is 1\.5 MB, more than the 1 MB of the `ticketCurator\.limits\.maxFileSizeMB` setting: its tickets are not checked/,
			);
			const [file] = service.documentSymbols(textDocument(text));
			assert.equal(file.children!.length, service.parse(textDocument(text)).chunks.length);
			assert.ok(file.children!.length > 800);
			// Under a limit it is below, the same text is checked.
			const line1 = diagnostics[0].range;
			assert.equal(skippedFile(text, resolveConfig({ limits: { maxFileSizeMB: 2 } }), line1), undefined);
			assert.equal(skippedFile(text, resolveConfig(), line1), undefined);
		});

		it('stays silent but still skips the checks when the rule is `off`', () => {
			const service = createTicketService({ config: resolveConfig({ rules: { 'file-encoding': 'off' } }) });
			assert.deepEqual(service.validate(textDocument(gbkDump())), []);
		});

		it('tells the host which candidate files to report although they are no dumps', () => {
			const service = createTicketService();
			assert.equal(service.isTicketDump(gbkDump()), false);
			assert.equal(service.isUnreadable(gbkDump()), true);
			assert.equal(service.isUnreadable(binary()), true);
			assert.equal(service.isUnreadable(realDumpText()), false);
		});
	});
});
