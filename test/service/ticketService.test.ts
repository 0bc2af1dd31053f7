/** The one factory every host goes through: it wires parser, validator and features to one configuration. */
import { strict as assert } from 'node:assert';
import { createTicketService, resolveConfig } from '../../server/src/service/index';
import { defectText, readmePath, readText, realDumpText, textDocument } from '../support/fixtures';

describe('service', () => {
	it('answers every feature from one parse per document version', () => {
		const service = createTicketService();
		const doc = textDocument(realDumpText());
		const parsed = service.parse(doc);
		assert.equal(service.parse(doc), parsed, 'the same document model for the same version');
		assert.equal(service.documentSymbols(doc)[0].children!.length, 114);
		assert.equal(service.foldingRanges(doc).length, 566);
		assert.ok(service.validate(doc));
		assert.equal(service.parse(doc), parsed, 'features did not re-parse');
		service.forget(doc.uri);
		assert.notEqual(service.parse(doc), parsed);
	});

	it('drops every kept ticket parse when asked, and validates the same afterwards', () => {
		const service = createTicketService();
		const doc = textDocument(realDumpText());
		const before = service.validate(doc);
		const ticket = service.parse(doc).parsed(0);
		// Another document with the same tickets reuses their parses, until they are dropped.
		assert.equal(service.parse(textDocument(realDumpText(), 'file:///other.md')).parsed(0), ticket);
		service.clearParses();
		assert.notEqual(service.parse(textDocument(realDumpText(), 'file:///third.md')).parsed(0), ticket);
		assert.deepEqual(service.validate(doc), before);
	});

	it('tells dumps from other text with the configured labels', () => {
		const service = createTicketService();
		assert.equal(service.isTicketDump(realDumpText()), true);
		assert.equal(service.isTicketDump(readText(readmePath)), false);
		service.configure(resolveConfig({ labels: { categoryKey: 'Category', declaredCount: 'holds (\\d+) records' } }));
		assert.equal(service.isTicketDump(realDumpText()), false);
		assert.equal(service.isTicketDump('## t\n\n**Category**: A｜B\n'), true);
	});

	it('applies a new configuration to everything, the cached findings included', () => {
		const service = createTicketService();
		const doc = textDocument(defectText('section-unknown.md'));
		assert.deepEqual(
			service.validate(doc)!.map((d) => d.code),
			['section-unknown'],
		);
		service.configure(resolveConfig({ labels: { sections: { description: '问题描叙' } } }));
		assert.equal(service.config.labels.sections.description, '问题描叙');
		// Now the first ticket's 问题描述 is the unknown one, the second's 问题描叙 is right.
		assert.deepEqual(
			service.validate(doc)!.map((d) => [d.code, d.range.start.line + 1]),
			[['section-unknown', 11]],
		);
		assert.deepEqual(
			service.documentSymbols(doc)[0].children![1].children!.map((s) => s.name),
			['问题描叙', '客服解答', '根本原因分析', '完整对话记录'],
		);
	});

	it('validates in steps that a host can interleave with other work', () => {
		const service = createTicketService();
		const doc = textDocument(realDumpText());
		const steps = service.validateSteps(doc);
		let yields = 0;
		let step = steps.next();
		while (!step.done) {
			yields++;
			step = steps.next();
		}
		assert.ok(yields >= 10, `${yields} pauses over 114 tickets`);
		assert.deepEqual(step.value, service.validate(doc));
	});

	it('runs the file rules (titles, categories across the file) in steps too, not in one go after the tickets', () => {
		// Twenty copies of the real dump's tickets: 2,280 tickets, each title used twenty times.
		const tickets = realDumpText().slice(realDumpText().indexOf('\n## ') + 1);
		const text = `${realDumpText()}\n${Array.from({ length: 19 }, () => tickets).join('\n')}`;
		const service = createTicketService();
		const doc = textDocument(text);
		let yields = 0;
		const steps = service.validateSteps(doc);
		let step = steps.next();
		for (; !step.done; step = steps.next()) yields++;
		// The per-ticket checks pause every 8 tickets (rules/validate.ts): the pauses beyond those are the file rules'.
		const fileRulePauses = yields - Math.ceil(2280 / 8);
		assert.ok(fileRulePauses >= 30, `${fileRulePauses} pauses in the file rules over 2,280 tickets`);
		assert.ok(step.value.some((d) => d.code === 'duplicate-title'));
	});
});
