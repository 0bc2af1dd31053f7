/**
 * The label findings on the real dump as it is (test/fixtures/corpus/000_8bbabfb939ae27d4.txt),
 * each root-cause finding with the reason a reviewer gives for it. Of its 40 SSL/TLS tickets, the
 * 24 that never mention certificates, SSL, TLS or HTTPS outside URLs are all here; so are the
 * certificate tickets labelled as network problems.
 */
import { strict as assert } from 'node:assert';
import { createTicketService, type LabelSuggestion } from '../../../server/src/service/index';
import { realDumpText, textDocument } from '../../support/fixtures';

type Row = readonly [ticketLine: number, label: string, firstSuggestion: string, why: string];

const ssl = 'SSL/TLS证书配置问题';
const network = '网络连接问题或DNS解析异常';
const auth = '认证凭证或权限配置问题';
const config = '配置参数错误或不当';
const cache = 'CDN节点或缓存问题';
const login = '账户密码或登录凭证问题';
const transfer = '文件传输或分片处理问题';
const unknown = '需要进一步排查具体原因';

/** Every root-cause finding, with why it is right (and, where the first suggestion is off, which label fits better). */
const rootCauseFindings: readonly Row[] = [
	[7, auth, transfer, 'multipart upload returns "no such uploadId"; the token is only in the pasted Java code; staff answer about 分片 sizes'],
	[93, network, ssl, 'an HTTPS configuration that has been "处理中" for 3 hours: a certificate deployment, nothing about the network'],
	[143, network, login, 'a forgotten remote-desktop password, reset in the console: the 连接 is "远程桌面连接"'],
	[355, ssl, config, 'a monthly host not released at expiry, billed every month: billing (the catch-all fits better than 配置)'],
	[595, ssl, unknown, 'account closing ("不想用了"): no certificate anywhere'],
	[719, ssl, config, 'batch-changing the storage class of existing data with a lifecycle rule / qshell'],
	[1751, ssl, cache, '304 versus 200 responses: the only https is in the pasted URLs; staff answer about the cache'],
	[1985, network, ssl, 'turning off forced HTTPS fails because the certificate expired; staff explain renewing it'],
	[2093, auth, transfer, 'HarmonyOS SDK usage questions about uploading and building the file URL: nothing about keys or permissions'],
	[2141, ssl, unknown, 'batch-converting files to 低频存储 with qshell'],
	[2375, ssl, cache, 'whether two CDN domains of one bucket share the 回源 result: caching'],
	[2425, ssl, login, 'deleting a bucket with many files via qshell (登陆 is logging qshell in; the catch-all or transfer fits better)'],
	[2625, ssl, transfer, 'batch download from the console fails; staff suggest kodo browser'],
	[2649, network, ssl, 'free certificate application: staff explain the ownership verification steps'],
	[2769, network, ssl, 'converting a PEM certificate to CRT for nginx'],
	[3105, ssl, network, 'a new domain not listed: it needs the domain ownership verification (a DNS record), not a certificate'],
	[3143, auth, config, 'asking for a C# SMS SDK: nothing about credentials'],
	[3269, ssl, unknown, 'issuing an invoice'],
	[3423, ssl, unknown, 'two storage resource packages not adding up: billing'],
	[3455, ssl, cache, 'downloads fail with a gzip parameter; staff ask to refresh the CDN cache'],
	[3551, cache, unknown, 'creating a CDN domain stuck, fixed by hand by staff: no node or cache problem is mentioned'],
	[3577, ssl, unknown, 'a pre-sales question about live-streaming between big and small screens'],
	[3621, ssl, cache, 'CSS intermittently served truncated: an old CDN cache, refreshed'],
	[3659, ssl, config, 'whether CDN traffic can be capped: staff suggest traffic alerts'],
	[3683, ssl, unknown, 'batch-converting 低频 files to 归档 with qshell'],
	[3771, ssl, config, 'data migration fails: the region endpoint was wrong'],
	[3831, ssl, login, 'a newly registered (备案) domain reported as unregistered (登录 is logging in to the ICP site; the catch-all fits better)'],
	[3895, ssl, unknown, 'account closing ("有阿里云")'],
	[3965, ssl, unknown, 'which pili-sdk-java version is current'],
	[3993, ssl, unknown, 'QVS cameras offline / not playing'],
	[4039, ssl, transfer, 'whether Qiniu has an official CDN domain (test domains only); 下载 is weak, the catch-all fits better'],
	[4137, ssl, transfer, 'mini-program images not loading: the account was frozen for arrears (上传 is weak, the catch-all fits better)'],
	[4265, ssl, transfer, 'how to download the files of a bucket'],
	[4303, network, ssl, 'a free certificate order that timed out and must be re-applied'],
];

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
