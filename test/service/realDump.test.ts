/**
 * The real dump's complete structural diagnostics, each explained (test/support/realDump.ts), and
 * the checks that stay silent on it with the reason they are right to. (What the curation rules,
 * personal data and leaks, find in it is their own tests' business.)
 */
import { strict as assert } from 'node:assert';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { sameModuloRedaction } from '../../server/src/service/document/compare';
import { createTicketService } from '../../server/src/service/index';
import { isFoundationCode, realDumpText, summary, textDocument } from '../support/fixtures';
import { realDumpFindings } from '../support/realDump';

describe('the real dump', () => {
	const service = createTicketService({ log: (m) => assert.fail(m) });
	const doc = textDocument(realDumpText(), 'file:///work/corpus/000_8bbabfb939ae27d4.txt');
	const diagnostics = service.validate(doc)!.filter(isFoundationCode);
	const tickets = service.parse(doc).tickets();
	const ticketAt = (line: number) => tickets.find((t) => t.startLine === line - 1)!;

	it('gets exactly the explained diagnostics', () => {
		assert.deepEqual(
			summary(diagnostics),
			realDumpFindings.map((f) => f.expected),
		);
	});

	it('has no error and no warning: the dump is well formed', () => {
		assert.deepEqual(
			diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning),
			[],
		);
	});

	it('flags titles that really repeat, on different tickets', () => {
		const byTitle = new Map<string, number[]>();
		for (const d of diagnostics) {
			const title = ticketAt(d.range.start.line + 1).title.text;
			byTitle.set(title, [...(byTitle.get(title) ?? []), d.range.start.line + 1]);
			assert.equal(d.relatedInformation?.length, tickets.filter((t) => t.title.text === title).length - 1, 'points at the others');
		}
		assert.deepEqual(
			[...byTitle].map(([title, lines]) => [title, lines.length]),
			[
				['账号注销', 2],
				['免费 from 自动催单', 4],
				['域名所有权验证', 2],
			],
		);
		for (const [, lines] of byTitle) {
			const texts = new Set(lines.map((line) => service.parse(doc).chunks[ticketAt(line).ordinal].text));
			assert.equal(texts.size, lines.length, 'each is another ticket, not a copy');
		}
	});

	describe('stays silent where the dump is right', () => {
		it('4 tickets have no 客服解答: it is optional (no staff reply)', () => {
			const without = tickets.filter((t) => !t.sections.some((s) => s.kind === 'answers'));
			assert.deepEqual(
				without.map((t) => t.startLine + 1),
				[1043, 2299, 2675, 3033],
			);
			assert.ok(
				without.every((t) => !t.turns.some((turn) => turn.speaker === 'staff')),
				'and no staff turn in their dialog',
			);
		});

		it('answers that are not verbatim staff turns differ only by redaction or dropped continuation lines', () => {
			const withAnswers = tickets.filter((t) => t.answers.length);
			const notVerbatim = withAnswers.filter((t) => {
				const staff = t.turns.filter((turn) => turn.speaker === 'staff');
				return t.answers.some((a, k) => a.text !== staff[k].text);
			});
			assert.equal(withAnswers.length, 110);
			assert.equal(notVerbatim.length, 41);
			for (const t of withAnswers) {
				const staff = t.turns.filter((turn) => turn.speaker === 'staff');
				assert.equal(staff.length, t.answers.length, `ticket at ${t.startLine + 1}: one answer per staff turn`);
				t.answers.forEach((a, k) => {
					const turn = staff[k].text;
					assert.ok(sameModuloRedaction(a.text, turn) || sameModuloRedaction(a.text, turn.split('\n')[0]), `ticket at ${t.startLine + 1}, answer ${k + 1}`);
				});
			}
		});

		it('descriptions that are not verbatim first customer turns differ only by spacing, [图片] or stripped markup', () => {
			let verbatim = 0;
			for (const t of tickets) {
				const description = t.sections.find((s) => s.kind === 'description')!.contentText;
				const first = t.turns.find((turn) => turn.speaker === 'customer')!;
				assert.equal(t.turns[0], first, 'the dialog starts with the customer');
				if (description === first.text) verbatim++;
				else assert.ok(sameModuloRedaction(description, first.text), `ticket at ${t.startLine + 1}`);
			}
			assert.equal(verbatim, 92);
		});

		it('every category, root cause and label is one of the dump’s own', () => {
			assert.equal(new Set(tickets.map((t) => t.category!.product!.text)).size, 8);
			assert.ok(tickets.every((t) => t.category!.keyWellFormed && t.category!.separator!.text === '｜'));
			assert.ok(tickets.every((t) => t.turns.every((turn) => turn.wellFormed)));
			assert.ok(tickets.every((t) => t.strays.length === 0 && t.unlabelled.length === 0));
		});
	});
});
