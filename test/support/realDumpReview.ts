/**
 * A reviewer's reading of every root-cause finding on the real dump as it is
 * (test/fixtures/corpus/000_8bbabfb939ae27d4.txt): the label given, the first label suggested, the
 * label the reviewer would give after reading the whole ticket, and why. Where the reviewed label
 * is the given one, the reviewer overrules the finding: it is a false alarm.
 *
 * test/service/labels/realDumpLabels.test.ts checks the findings against it; bench/evalLabels.ts
 * builds from it a copy of the dump whose labels are trustworthy, to plant noise into.
 */

export type ReviewRow = readonly [ticketLine: number, label: string, firstSuggestion: string, reviewed: string, why: string];

export const ssl = 'SSL/TLS证书配置问题';
export const network = '网络连接问题或DNS解析异常';
export const auth = '认证凭证或权限配置问题';
export const config = '配置参数错误或不当';
export const cache = 'CDN节点或缓存问题';
export const login = '账户密码或登录凭证问题';
export const transfer = '文件传输或分片处理问题';
export const unknown = '需要进一步排查具体原因';

/** Every root-cause finding (1-based line of its ticket's title), in the dump's order. */
export const rootCauseReview: readonly ReviewRow[] = [
	[7, auth, transfer, transfer, 'multipart upload returns "no such uploadId"; the token is only in the pasted Java code; staff answer about 分片 sizes'],
	[93, network, ssl, ssl, 'an HTTPS configuration that has been "处理中" for 3 hours: a certificate deployment, nothing about the network'],
	[143, network, login, login, 'a forgotten remote-desktop password, reset in the console: the 连接 is "远程桌面连接"'],
	[355, ssl, config, unknown, 'a monthly host not released at expiry, billed every month: billing (the catch-all fits better than 配置)'],
	[595, ssl, unknown, unknown, 'account closing ("不想用了"): no certificate anywhere'],
	[719, ssl, config, config, 'batch-changing the storage class of existing data with a lifecycle rule / qshell'],
	[1751, ssl, cache, cache, '304 versus 200 responses: the only https is in the pasted URLs; staff answer about the cache'],
	[1985, network, ssl, ssl, 'turning off forced HTTPS fails because the certificate expired; staff explain renewing it'],
	[2093, auth, transfer, transfer, 'HarmonyOS SDK usage questions about uploading and building the file URL: nothing about keys or permissions'],
	[2141, ssl, unknown, unknown, 'batch-converting files to 低频存储 with qshell'],
	[2375, ssl, cache, cache, 'whether two CDN domains of one bucket share the 回源 result: caching'],
	[2425, ssl, login, unknown, 'deleting a bucket with many files via qshell (登陆 is logging qshell in; the catch-all or transfer fits better)'],
	[2595, auth, unknown, unknown, 'a company closing asks how to withdraw its balance: billing (认证 was 未认证用户, an unverified account)'],
	[2625, ssl, transfer, transfer, 'batch download from the console fails; staff suggest kodo browser'],
	[2649, network, ssl, ssl, 'free certificate application: staff explain the ownership verification steps'],
	[2769, network, ssl, ssl, 'converting a PEM certificate to CRT for nginx'],
	[3105, ssl, network, network, 'a new domain not listed: it needs the domain ownership verification (a DNS record), not a certificate'],
	[3143, auth, config, config, 'asking for a C# SMS SDK: nothing about credentials'],
	[3269, ssl, unknown, unknown, 'issuing an invoice'],
	[3423, ssl, unknown, unknown, 'two storage resource packages not adding up: billing'],
	[3455, ssl, cache, cache, 'downloads fail with a gzip parameter; staff ask to refresh the CDN cache'],
	[
		3551,
		cache,
		unknown,
		cache,
		'creating a CDN domain stuck, fixed by hand by staff: no node or cache word, but a CDN domain stuck in creation is a CDN node deployment problem; the label stands (overruled)',
	],
	[3577, ssl, unknown, unknown, 'a pre-sales question about live-streaming between big and small screens'],
	[3621, ssl, cache, cache, 'CSS intermittently served truncated: an old CDN cache, refreshed'],
	[3659, ssl, config, config, 'whether CDN traffic can be capped: staff suggest traffic alerts'],
	[3683, ssl, unknown, unknown, 'batch-converting 低频 files to 归档 with qshell'],
	[3771, ssl, config, config, 'data migration fails: the region endpoint was wrong'],
	[3831, ssl, login, unknown, 'a newly registered (备案) domain reported as unregistered (登录 is logging in to the ICP site; the catch-all fits better)'],
	[3895, ssl, unknown, unknown, 'account closing ("有阿里云")'],
	[3965, ssl, unknown, unknown, 'which pili-sdk-java version is current'],
	[3993, ssl, unknown, unknown, 'QVS cameras offline / not playing'],
	[4039, ssl, transfer, unknown, 'whether Qiniu has an official CDN domain (test domains only); 下载 is weak, the catch-all fits better'],
	[4137, ssl, transfer, unknown, 'mini-program images not loading: the account was frozen for arrears (上传 is weak, the catch-all fits better)'],
	[4181, network, unknown, unknown, 'refunding an invoice of unspent money: billing (网络 was in the company name)'],
	[4265, ssl, transfer, transfer, 'how to download the files of a bucket'],
	[4303, network, ssl, ssl, 'a free certificate order that timed out and must be re-applied'],
];

/** The findings the reviewer overrules: the given label is right. */
export const overruled = rootCauseReview.filter(([, label, , reviewed]) => reviewed === label);

/**
 * Tickets the reviewer found mislabelled while reading the confident-learning suspects
 * (server/src/service/labels/confidentLearning.ts) that the evidence rule does not flag: their
 * given label's evidence is there, in another sense.
 */
export const otherMislabels: readonly (readonly [ticketLine: number, label: string, reviewed: string, why: string])[] = [
	[1419, network, ssl, 'an expiring SSL certificate to renew; DNS and CNAME are in the steps staff quote for configuring HTTPS'],
	[1485, network, ssl, 'a free certificate stuck awaiting validation; DNS is the TXT record of the validation'],
];
