/**
 * Fixes of labels without evidence: each suggestion its own action that rewrites the label and
 * nothing else; "keep the label" writes the decision into the configuration file, after which the
 * finding is gone; fix-all never relabels.
 */
import { strict as assert } from 'node:assert';
import type { CodeAction, Diagnostic, TextDocumentEdit } from 'vscode-languageserver-types';
import { createTicketService, resolveConfig, withKept, type KeepTarget, type PartialTicketConfig } from '../../../server/src/service/index';
import { applyEdits, assertOutsideUnchanged } from '../../support/edits';
import { realDumpText, textDocument } from '../../support/fixtures';

const uri = 'file:///work/corpus/000_8bbabfb939ae27d4.txt';
const text = realDumpText();
const lines = text.split('\n');
/** The invoice ticket (line 3269): its root cause, SSL/TLS, is three lines above its dialog. */
const invoiceLabelLine = lines.indexOf('SSL/TLS证书配置问题', 3269 - 1);
/** The SSL certificate ticket labelled a network problem (line 2769). */
const certificateLabelLine = lines.indexOf('网络连接问题或DNS解析异常', 2769 - 1);

function actionsAt(line: number, keep?: KeepTarget, config?: PartialTicketConfig): { actions: CodeAction[]; diagnostic: Diagnostic } {
	const service = createTicketService({ config: resolveConfig(config) });
	const range = { start: { line, character: 0 }, end: { line, character: 1 } };
	const actions = service.codeActions(textDocument(text, uri), { range, keep }).filter((a) => a.diagnostics?.[0].code === 'root-cause-unsupported');
	return { actions, diagnostic: actions[0]?.diagnostics?.[0] as Diagnostic };
}

const findingsWith = (config: PartialTicketConfig) =>
	createTicketService({ config: resolveConfig(config) })
		.validate(textDocument(text, uri))!
		.filter((d) => d.code === 'root-cause-unsupported');

describe('label fixes', () => {
	it('offers each suggested label as its own action, the first preferred; applying one changes the root-cause line only', () => {
		const { actions } = actionsAt(certificateLabelLine);
		const relabel = actions.filter((a) => a.title.startsWith('Change the root cause'));
		assert.deepEqual(
			relabel.map((a) => a.title.replace(/ \(confidence .*\)$/, '')),
			['Change the root cause to `SSL/TLS证书配置问题`', 'Change the root cause to `文件传输或分片处理问题`', 'Change the root cause to `配置参数错误或不当`'],
		);
		assert.deepEqual(
			relabel.map((a) => a.isPreferred),
			[true, false, false],
		);
		const edits = relabel[0].edit!.changes![uri];
		const after = applyEdits(text, edits);
		assertOutsideUnchanged(text, after, edits);
		const changed = after.split('\n').flatMap((line, i) => (line !== lines[i] ? [[i, lines[i], line]] : []));
		assert.deepEqual(changed, [[certificateLabelLine, '网络连接问题或DNS解析异常', 'SSL/TLS证书配置问题']]);
		assert.ok(
			!createTicketService()
				.validate(textDocument(after, uri))!
				.some((d) => d.code === 'root-cause-unsupported' && d.range.start.line === certificateLabelLine),
			'the finding is gone',
		);
	});

	it('suggests the catch-all for the invoice ticket labelled SSL/TLS', () => {
		const { actions } = actionsAt(invoiceLabelLine);
		assert.deepEqual(
			actions.map((a) => a.title),
			['Change the root cause to `需要进一步排查具体原因` (confidence 0.50)'],
		);
	});

	it('never relabels in fix-all', () => {
		const service = createTicketService();
		assert.deepEqual(service.fixAll(textDocument(text, uri)), []);
		const whole = { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } };
		assert.deepEqual(service.codeActions(textDocument(text, uri), { range: whole, only: ['source.fixAll.tickets'] }), []);
	});

	describe('keep the label', () => {
		const configUri = 'file:///work/.ticketcurator.json';
		const existing = '{\n  "rootCauses": ["SSL/TLS证书配置问题", "需要进一步排查具体原因"],\n  "allowList": ["support@example.com"]\n}\n';

		it('adds the decision to the configuration file, keeping what it says, and the finding does not return', () => {
			const { actions } = actionsAt(invoiceLabelLine, { uri: configUri, text: existing, folderUri: 'file:///work' });
			const keep = actions.find((a) => a.title.startsWith('Keep'))!;
			assert.equal(keep.title, 'Keep `SSL/TLS证书配置问题` (remembered in .ticketcurator.json)');
			const [edit] = keep.edit!.changes![configUri];
			const written = JSON.parse(applyEdits(existing, [edit]));
			assert.deepEqual(written, {
				rootCauses: ['SSL/TLS证书配置问题', '需要进一步排查具体原因'],
				allowList: ['support@example.com'],
				keptLabels: [{ file: 'corpus/000_8bbabfb939ae27d4.txt', title: '开发票', label: 'SSL/TLS证书配置问题' }],
			});
			assert.match(applyEdits(existing, [edit]), /^\{\n {2}"rootCauses"/, 'in the file’s own indentation');
			const before = findingsWith({});
			const after = findingsWith(written);
			assert.equal(after.length, before.length - 1);
			assert.ok(!after.some((d) => d.range.start.line === invoiceLabelLine));
		});

		it('creates the configuration file when there is none', () => {
			const { actions } = actionsAt(invoiceLabelLine, { uri: configUri, folderUri: 'file:///work' });
			const keep = actions.find((a) => a.title.startsWith('Keep'))!;
			const [create, write] = keep.edit!.documentChanges!;
			assert.deepEqual(create, { kind: 'create', uri: configUri, options: { ignoreIfExists: true } });
			const json = JSON.parse((write as TextDocumentEdit).edits[0].newText);
			assert.deepEqual(json, { keptLabels: [{ file: 'corpus/000_8bbabfb939ae27d4.txt', title: '开发票', label: 'SSL/TLS证书配置问题' }] });
		});

		it('writes under the ticketCurator key of a package.json, and not twice', () => {
			const pkg = '{\n\t"name": "x",\n\t"ticketCurator": {}\n}\n';
			const entry = { file: 'a.md', title: 't', label: 'l' };
			const once = withKept(pkg, entry, true)!;
			assert.deepEqual(JSON.parse(once), { name: 'x', ticketCurator: { keptLabels: [entry] } });
			assert.equal(withKept(once, entry, true), once);
			assert.equal(withKept('not json', entry), undefined, 'a broken file is not overwritten');
		});

		it('is not offered for a dump outside the configuration folder, or without a target', () => {
			const outside = actionsAt(invoiceLabelLine, { uri: 'file:///elsewhere/.ticketcurator.json', text: '{}', folderUri: 'file:///elsewhere' });
			assert.ok(!outside.actions.some((a) => a.title.startsWith('Keep')));
			assert.ok(!actionsAt(invoiceLabelLine).actions.some((a) => a.title.startsWith('Keep')));
		});
	});
});
