/**
 * The leaks of the real dump, each with the reason it is right. The anonymiser was applied to the
 * dialog but not to 客服解答 (docs/TICKET-FORMAT.md: 39 of the 110 tickets with answers carry a value the
 * dialog masks); besides those, a few values it never masked anywhere. Every row below was read
 * in the dump. Rows: [code, 1-based line, the value the range covers, 1-based line of the masked
 * occurrence the related information points at].
 */
import { strict as assert } from 'node:assert';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createTicketService } from '../../../server/src/service/index';
import { leakCodes } from '../../../server/src/service/leaks/leak';
import { covered, realDumpText, textDocument } from '../../support/fixtures';

type Row = readonly [code: string, line: number, value: string, maskedLine?: number];

const expected: readonly Row[] = [
	// Tickets by number; ticket N: why its findings are right.
	// 1. 一直返回同一个uploadId，并且提示{"error":"no such uploadId"}: answers 3 and 5 give the Java SDK demo links; staff turns 3 and 5 write them `https://github.com/***`.
	['redaction-leak', 21, 'https://github.com/qiniu/java-sdk/blob/master/examples/upload.java', 49],
	['redaction-leak', 25, 'https://github.com/qiniu/java-sdk/blob/master/examples/upload_v2_api.java', 55],
	// 2. 上传文件失败: answer 1's bandwidth test link; staff turn 1 writes `https://www.bandwidthplace.com/***`.
	['redaction-leak', 71, 'https://www.bandwidthplace.com/ping', 83],
	// 5. 云主机远程登录密码忘记怎么办: the customer's cloud host, a public address written right against 我们, in 问题描述 and the dialog alike: the anonymiser missed it everywhere.
	['pii-ip', 149, '101.132.101.86'],
	['pii-ip', 163, '101.132.101.86'],
	// 8. 怎么才能访问这个文件，空间名zhxiaofang: the bucket's CNAME target in answer 2; staff turn 2 writes `zhxiaofa***.qiniudns.com`.
	['redaction-leak', 247, 'zhxiaofang-cn-idvoina.qiniudns.com', 267],
	// 11. 主机包月到期没有自动释放: a console link in answer 2 (glued to `公网ip`); staff turn 2 masks it.
	['redaction-leak', 367, 'https://portal.qiniu.com/financial/bills/estimated-consume', 385],
	// 12. 调用发短信接口返回找不到模板id: the customer's access key with its request signature, in answer 2: a live credential. The customer turn and staff turn 2 write `jCciD48k***:lsBJ-cr-***=`.
	['secret-credential', 415, 'jCciD48kMK0Ba3dxvdU8Aw9JCXjia4Qts7jbA2tG:lsBJ-cr-sxjsb5fyDZMpXaAHUms=', 435],
	// 16. 账号注销: answer 1 lists five console links; staff turn 1 stops at `https://portal.qiniu.com/***` (the anonymiser's mask swallowed the rest of the turn). The `3、`/`5、` of the next list item is not part of the link.
	['redaction-leak', 605, 'https://portal.qiniu.com/developer/user/security', 615],
	['redaction-leak', 605, 'https://portal.qiniu.com/kodo/bucketCDN', 615],
	['redaction-leak', 605, 'https://portal.qiniu.com/cdn/domain', 615],
	['redaction-leak', 605, 'https://portal.qiniu.com/financial/bills/estimated-consume', 615],
	['redaction-leak', 605, 'https://portal.qiniu.com/financial/withdraw', 615],
	// 20. 申请存量数据批量修改智能存储服务: the qshell documentation link in answer 1; staff turn 1 masks it.
	['redaction-leak', 729, 'https://developer.qiniu.com/kodo/1302/qshell#9batchexpire', 739],
	// 37. qiniuyun.qingzhouba nxue.com域名绑定的 SSL证书即将过期: a documentation link in answer 2; staff turn 2 masks it.
	['redaction-leak', 1431, 'https://developer.qiniu.com/fusion/kb/3887/https-issues-related-to-the-faq', 1443],
	// 39. 免费 from 自动催单: answers 1 and 6 hold documentation and console links; staff turns 1 and 6 mask them (turn 6 stops at the console link). `apply2.` and `guide4.` end with the next step's number, which is not part of the link.
	['redaction-leak', 1495, 'https://developer.qiniu.com/ssl/manual/3667/ssl-certificate-of-free-dns-validation-guide', 1523],
	['redaction-leak', 1495, 'https://developer.qiniu.com/fusion/kb/3887/https-issues-related-to-the-faq', 1523],
	['redaction-leak', 1505, 'https://portal.qiniu.com/certificate/apply', 1543],
	['redaction-leak', 1505, 'https://developer.qiniu.com/ssl/manual/3667/ssl-certificate-of-free-dns-validation-guide', 1523],
	['redaction-leak', 1505, 'https://developer.qiniu.com/fusion/manual/4952/https-configuration', 1523],
	// 41. 打开速度慢: a documentation link in answer 1; staff turn 1 masks it.
	['redaction-leak', 1633, 'https://developer.qiniu.com/fusion/kb/1478/how-to-access-network-in-the-browser-request-information', 1647],
	// 47. 证书配置失败: console and documentation links in answer 1; staff turn 1 masks both.
	['redaction-leak', 1883, 'https://portal.qiniu.com/certificate/ssl', 1895],
	['redaction-leak', 1883, 'https://developer.qiniu.com/fusion/manual/4952/https-configuration', 1895],
	// 50. 烦请开具发票: the company's tax ID (纳税人识别号, valid GB 32100 check character) in the customer's invoice details; the anonymiser masked the phone, landline and e-mail beside it but not this.
	['pii-org-id', 1977, '91110108MA003UN95A'],
	// 51. 关闭强制https访问失败: the certificate console link in answer 4; staff turn 4 masks it.
	['redaction-leak', 2001, 'https://portal.qiniu.com/certificate/apply', 2037],
	// 52. 上传文件，文件消失: two documentation links in answer 1; staff turn 1 masks them.
	['redaction-leak', 2067, 'https://developer.qiniu.com/kodo/manual/3699/life-cycle-management', 2081],
	['redaction-leak', 2067, 'https://developer.qiniu.com/kodo/api/1288/move', 2081],
	// 53. 鸿蒙sdk的使用: an SDK method name the anonymiser masked in staff turn 3 (`createMu***`) but not in answer 3: harmless, but the two copies disagree; allow-list it if wanted.
	['redaction-leak', 2107, 'createMultipartUploadV2Task', 2129],
	// 54. 存储空间中的文件批量转为低频存储: the qshell documentation link in answer 1; staff turn 1 masks it.
	['redaction-leak', 2151, 'https://developer.qiniu.com/kodo/1302/qshell#9listbucket2', 2161],
	// 65. 如何快速删除有文件的空间？: documentation and GitHub links in answer 1; staff turn 1 masks them. `qshellwindows` is the link glued to the word `windows` in the dump; `listbucket2.md3.` ends with the next step's number.
	['redaction-leak', 2435, 'https://developer.qiniu.com/kodo/tools/1302/qshellwindows', 2447],
	['redaction-leak', 2435, 'https://developer.qiniu.com/kodo/kb/5545/windows-environment-installation-qshell-tutorial', 2447],
	['redaction-leak', 2435, 'https://github.com/qiniu/qshell/blob/master/docs/listbucket2.md', 2447],
	['redaction-leak', 2435, 'https://github.com/qiniu/qshell/blob/master/docs/batchdelete.md', 2447],
	// 70. 公司主体要注销，余额怎么提现: the withdrawal console link in answer 2; staff turn 2 masks it.
	['redaction-leak', 2607, 'https://portal.qiniu.com/financial/withdraw', 2621],
	// 71. 文件管理全选 点击批量操作，下载 报错: the Kodo browser documentation link in answer 1; staff turn 1 masks it.
	['redaction-leak', 2635, 'https://developer.qiniu.com/kodo/tools/5972/kodo-browser', 2645],
	// 72. 我已经提交: the certificate console link in answer 1; staff turn 1 masks it.
	['redaction-leak', 2659, 'https://portal.qiniu.com/certificate/apply', 2669],
	// 76. ssl证书nginx配置: the certificate console link in answer 6; staff turn 6 masks it.
	['redaction-leak', 2789, 'https://portal.qiniu.com/certificate/apply', 2819],
	// 79. 百度抓取异常: console and documentation links in answer 1 (masked in staff turn 1), and the customer's origin server address in answers 3 and 5, which staff turns 3 and 5 write `http://47.112.*.*/***`. The CDN node ranges of answer 2 (`183.60.220.0/24…`) are networks, not a host: no finding.
	['redaction-leak', 2899, 'https://portal.qiniu.com/cdn/log', 2923],
	['redaction-leak', 2899, 'https://developer.qiniu.com/fusion/manual/3847/cdn-log-fusion', 2923],
	['pii-ip', 2903, '47.112.246.194', 2933],
	['pii-ip', 2907, '47.112.246.194', 2949],
	// 83. 671f2ce1a0f9bb37c2625b5f订单号SSL一直在审核: the same certificate links as ticket 39, in answers 1 and 6; staff turns 1 and 6 mask them.
	['redaction-leak', 3061, 'https://developer.qiniu.com/ssl/manual/3667/ssl-certificate-of-free-dns-validation-guide', 3083],
	['redaction-leak', 3061, 'https://developer.qiniu.com/fusion/kb/3887/https-issues-related-to-the-faq', 3083],
	['redaction-leak', 3071, 'https://portal.qiniu.com/certificate/apply', 3097],
	['redaction-leak', 3071, 'https://developer.qiniu.com/ssl/manual/3667/ssl-certificate-of-free-dns-validation-guide', 3083],
	['redaction-leak', 3071, 'https://developer.qiniu.com/fusion/manual/4952/https-configuration', 3083],
	['redaction-leak', 3071, 'https://developer.qiniu.com/fusion/kb/3887/https-issues-related-to-the-faq', 3083],
	// 85. sdk: SDK documentation links in answers 1 and 2; staff turns 1 and 2 mask them.
	['redaction-leak', 3153, 'https://developer.qiniu.com/kodo/1237/csharp', 3175],
	['redaction-leak', 3155, 'https://developer.qiniu.com/sms/5897/sms-api-send-message', 3179],
	// 87. 开发票: the invoice console link in answer 1; staff turn 1 masks it.
	['redaction-leak', 3279, 'https://portal.qiniu.com/financial/invoice-contract/invoice', 3289],
	// 90. 下载文件下不下来: a documentation link in answer 3; staff turn 3 masks it.
	['redaction-leak', 3359, 'https://developer.qiniu.com/fusion/kb/1478/how-to-access-network-in-the-browser-request-information', 3381],
	// 92. 两个存储资源包没有叠加起作用: the resource-pack console link in answer 1; staff turn 1 masks it.
	['redaction-leak', 3433, 'https://portal.qiniu.com/financial/respack-mgr/current', 3445],
	// 93. 加了gzip参数就无法下载: two cache documentation links in answer 1; staff turn 1 masks them (`refreshTip` is the link glued to the word `Tip`).
	['redaction-leak', 3465, 'https://developer.qiniu.com/fusion/kb/1325/refresh-the-cache-and-the-effect-of-time', 3477],
	['redaction-leak', 3465, 'https://developer.qiniu.com/fusion/api/1229/cache-refreshTip', 3477],
	// 94. 费用咨询: a documentation link in answer 2; staff turn 2 masks it.
	['redaction-leak', 3497, 'https://developer.qiniu.com/af/kb/1574/free-credit-information', 3511],
	// 97. 大小屏联动直播业务直播流接口打通技术需求: the live-streaming documentation link in answer 3; staff turn 3 masks it.
	['redaction-leak', 3591, 'https://developer.qiniu.com/pili', 3611],
	// 98. CDN 加载文件异常: the same cache links as ticket 93, in answer 1; staff turn 1 masks them.
	['redaction-leak', 3631, 'https://developer.qiniu.com/fusion/kb/1325/refresh-the-cache-and-the-effect-of-time', 3645],
	['redaction-leak', 3631, 'https://developer.qiniu.com/fusion/api/1229/cache-refreshTip', 3645],
	// 99. 是否可以设置cdn流量限制，超过就停止服务？: a documentation link in answer 1; staff turn 1 masks it.
	['redaction-leak', 3669, 'https://developer.qiniu.com/fusion/kb/4059/the-alarm-configuration', 3679],
	// 100. 批量转化出存储类型: the qshell documentation link in answer 1; staff turn 1 masks it.
	['redaction-leak', 3693, 'https://developer.qiniu.com/kodo/1302/qshell#9batchexpire', 3721],
	// 101. 数据迁移报错: a documentation link in answer 3; staff turn 3 masks it.
	['redaction-leak', 3785, 'https://developer.qiniu.com/kodo/4088/s3-access-domainname', 3809],
	// 102. 10月25日已备案的域名在七牛云空间新增域名时显示“未备案域名”: the ICP record query link in answer 2 (`recordQuery2.` ends with the next step's number); staff turn 2 masks it.
	['redaction-leak', 3843, 'https://beian.miit.gov.cn/#/Integrated/recordQuery', 3857],
	// 104. 账号注销: the same five console links as ticket 16 (the ticket repeats), masked in staff turn 1.
	['redaction-leak', 3905, 'https://portal.qiniu.com/developer/user/security', 3921],
	['redaction-leak', 3905, 'https://portal.qiniu.com/kodo/bucketCDN', 3921],
	['redaction-leak', 3905, 'https://portal.qiniu.com/cdn/domain', 3921],
	['redaction-leak', 3905, 'https://portal.qiniu.com/financial/bills/estimated-consume', 3921],
	['redaction-leak', 3905, 'https://portal.qiniu.com/financial/withdraw', 3921],
	// 106. 咨询下pili-sdk-java最新版本: a GitHub source link in answer 2; staff turn 2 masks it.
	['redaction-leak', 3977, 'https://github.com/qiniu/java-sdk/blob/master/src/main/java/com/qiniu/streaming/StreamingManager.java', 3989],
	// 111. 小程序图片加载不出来: documentation links in answers 1 and 3; staff turns 1 and 3 mask them.
	['redaction-leak', 4147, 'https://developer.qiniu.com/af/kb/1543/lack-of-information', 4163],
	['redaction-leak', 4151, 'https://developer.qiniu.com/kodo/1233/console-quickstart', 4173],
	// 112. 未消费完金额发票退票: the invoice console link in answer 6 (masked in staff turn 6); in the customer's invoice details the company's tax ID (valid check character) and its bank account after 开户行及账号, which carries no check digit: the anonymiser masked the phone number between them but not these.
	['redaction-leak', 4201, 'https://portal.qiniu.com/financial/invoice-contract/invoice', 4239],
	['pii-org-id', 4231, '91440300MA5HM7HT6F'],
	['pii-bank-card', 4231, '41011300040042765'],
	// 113. 如何下载下来空间的文件: Kodo browser and pricing links in answers 2 and 3; staff turns 2 and 3 mask them.
	['redaction-leak', 4277, 'https://developer.qiniu.com/kodo/tools/5972/kodo-browser', 4295],
	['redaction-leak', 4279, 'https://www.qiniu.com/prices/kodo', 4299],
];

/** Values of the dump that look like leaks and are not (the reason beside each). */
const notLeaks: readonly [value: string, reason: string][] = [
	['8.8.8.8', "a public DNS resolver, nobody's address"],
	['183.60.220.0', 'a CDN node network range (`/24` follows)'],
	['1840665307232874496', 'an SMS template ID (no card network, fails Luhn)'],
	['1851081544546922496', 'an order number'],
	['31011500991320000033', 'a camera device ID (20 digits)'],
	['3101150099132000003931011500991320000033', 'two device IDs run together'],
	['17301167608636478', 'a request ID in an upload log'],
	['qiniu+upload@1.0.2', 'a package version, not an e-mail address'],
	['20230829183553', 'a timestamp in a file name'],
	['https://ping.huatuo.qq.com/', 'a link without a path: what its mask in the dialog hid is the Chinese text after it'],
];

function leaks(): Diagnostic[] {
	const all = createTicketService({ log: assert.fail }).validate(textDocument(realDumpText()));
	assert.ok(all);
	return all.filter((d) => (leakCodes as readonly string[]).includes(String(d.code)));
}

describe('leaks in the real dump', () => {
	const text = realDumpText();
	const found = leaks();

	it('finds exactly the listed leaks, on the value itself, linked to the masked occurrence', () => {
		const rows = found.map((d): Row => {
			const row = [String(d.code), d.range.start.line + 1, covered(text, d)] as const;
			const related = d.relatedInformation?.[0];
			return related ? [...row, related.location.range.start.line + 1] : row;
		});
		assert.deepEqual(rows, expected);
	});

	it('the masked occurrence is the masked text: the fix of a redaction leak writes exactly it', () => {
		for (const d of found.filter((x) => x.code === 'redaction-leak')) {
			const masked = covered(text, { ...d, range: d.relatedInformation![0].location.range });
			assert.equal(masked, d.data?.replacement);
			assert.match(masked, /\*\*\*/);
		}
	});

	it('39 tickets write in 客服解答 a value their dialog masks (docs/TICKET-FORMAT.md)', () => {
		const doc = createTicketService().parse(textDocument(text));
		const tickets = new Set<number>();
		for (const d of found.filter((x) => x.relatedInformation)) {
			const i = doc.ticketAtLine(d.range.start.line)!;
			const answers = doc.ticket(i).sections.find((s) => s.kind === 'answers')!;
			assert.ok(answers.range.start.line <= d.range.start.line && d.range.end.line <= answers.range.end.line, `line ${d.range.start.line + 1} is in 客服解答`);
			tickets.add(i);
		}
		assert.equal(tickets.size, 39);
	});

	it('ignores the look-alikes the dump carries', () => {
		for (const [value, reason] of notLeaks) {
			assert.ok(text.includes(value), `${value} is in the dump`);
			const hit = found.find((d) => covered(text, d).includes(value) || value.includes(covered(text, d)));
			assert.equal(hit, undefined, `${value}: ${reason}`);
		}
	});
});
