/**
 * The label findings on the real dump as it is (test/fixtures/corpus/000_8bbabfb939ae27d4.txt),
 * each root-cause finding with the reason a reviewer gives for it. Of its 40 SSL/TLS tickets, the
 * 24 that never mention certificates, SSL, TLS or HTTPS outside URLs are all here; so are the
 * certificate tickets labelled as network problems. The rows, with the reviewer's verdict on each,
 * are in test/support/realDumpReview.ts.
 */
import { strict as assert } from 'node:assert';
import { createTicketService, type LabelSuggestion } from '../../../server/src/service/index';
import { realDumpText, textDocument } from '../../support/fixtures';
import { network, overruled, rootCauseReview as rootCauseFindings, ssl, unknown } from '../../support/realDumpReview';

describe('label findings on the real dump', () => {
	const service = createTicketService({ log: (m) => assert.fail(m) });
	const doc = textDocument(realDumpText(), 'file:///work/corpus/000_8bbabfb939ae27d4.txt');
	const diagnostics = service.validate(doc)!;
	const tickets = service.parse(doc).tickets();
	const ticketOf = (line: number) => tickets.find((t) => t.startLine <= line && line <= t.endLine)!;
	const suggested = (data: unknown) => (data as { suggestions: LabelSuggestion[] }).suggestions;

	it('lists every root-cause finding, each with its reason', () => {
		const found = diagnostics
			.filter((d) => d.code === 'root-cause-unsupported')
			.map((d) => [ticketOf(d.range.start.line).startLine + 1, (d.data as { label: string }).label, suggested(d.data)[0]?.label]);
		assert.deepEqual(
			found,
			rootCauseFindings.map(([line, label, first]) => [line, label, first]),
		);
	});

	it('is agreed with by its reviewer for all but one finding', () => {
		assert.equal(rootCauseFindings.length, 36);
		assert.deepEqual(
			overruled.map(([line]) => line),
			[3551],
		);
		// Where the reviewer disagrees with the first suggestion, it is for the catch-all.
		const otherwise = rootCauseFindings.filter(([, label, first, reviewed]) => reviewed !== label && reviewed !== first);
		assert.ok(otherwise.every(([, , , reviewed]) => reviewed === unknown));
	});

	it('finds 24 of the 40 SSL/TLS labels unsupported', () => {
		const labelled = tickets.filter((t) => t.sections.find((s) => s.kind === 'rootCause')?.contentText.trim() === ssl);
		assert.equal(labelled.length, 40);
		assert.equal(rootCauseFindings.filter(([, label]) => label === ssl).length, 24);
	});

	it('suggests 证书 for the certificate tickets labelled as network problems', () => {
		const certificate = rootCauseFindings.filter(([, label, first]) => label === network && first === ssl);
		assert.deepEqual(
			certificate.map(([line]) => line),
			[93, 1985, 2649, 2769, 4303],
		);
	});

	it('flags products without evidence, suggesting the product whose evidence is there', () => {
		const products = diagnostics
			.filter((d) => d.code === 'category-unsupported')
			.map((d) => [ticketOf(d.range.start.line).startLine + 1, (d.data as { label: string }).label, suggested(d.data)[0]?.label ?? '']);
		assert.deepEqual(products, [
			[565, 'CDN', ''], // an IP range format question: nothing says which product
			[1923, 'CDN', ''], // playback jumping back: nothing says which product
			[2741, 'CDN', '账户与财务'], // refunding a resource package
			[2823, 'CDN', ''], // css/js of a site not loading over http/https: CDN is likely but not said
			[3293, '对象存储', 'CDN'], // an HTTPS certificate stuck in processing
		]);
	});

	it('never quotes the ticket in a message', () => {
		for (const d of diagnostics.filter((d) => String(d.code).endsWith('-unsupported'))) {
			const title = ticketOf(d.range.start.line).title.text;
			assert.ok(!d.message.includes(title), d.message);
		}
	});
});
