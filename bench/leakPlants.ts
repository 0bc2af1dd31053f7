/**
 * Planted leaks for `npm run eval:leaks`: values of every kind the leak rules claim, each in one of
 * several ways people write it, and look-alikes that must stay silent (hashes, UUIDs, ETags,
 * placeholders, quantities, MAC addresses, order numbers). Deterministic for a seed; the values are
 * generated here (valid check digits where the kind has one), not taken from the tests.
 */

export interface Plant {
	/** The kind, as the eval reports it; look-alikes are `lookalike:<what>`. */
	readonly kind: string;
	/** The sentence written into the dump; the value stands at [start, end) of it. */
	readonly sentence: string;
	readonly start: number;
	readonly end: number;
}

type Rand = () => number;
const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)];
const digits = (rand: Rand, n: number) => Array.from({ length: n }, () => Math.floor(rand() * 10)).join('');
const chars = (rand: Rand, alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
const alnum = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const upperDigits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const hex = '0123456789abcdef';

/** A generated key: mixed case and digits, as providers issue them. */
function key(rand: Rand, n: number): string {
	for (;;) {
		const k = chars(rand, alnum, n);
		if (/\d/.test(k) && /[a-z]/.test(k) && /[A-Z]/.test(k)) return k;
	}
}

function password(rand: Rand): string {
	const words = ['Qiniu', 'Admin', 'Kodo', 'Cloud', 'Sky', 'Blue', 'Tiger', 'Lucky'];
	return `${pick(rand, words)}${pick(rand, ['@', '#', '!', '_', ''])}${digits(rand, 2 + Math.floor(rand() * 4))}${pick(rand, ['', '!', 'x', 'Ab'])}`;
}

function luhnComplete(body: string): string {
	for (let d = 0; d < 10; d++) {
		const s = body + d;
		let sum = 0;
		for (let i = 0; i < s.length; i++) {
			let v = Number(s[s.length - 1 - i]);
			if (i % 2) v = v * 2 > 9 ? v * 2 - 9 : v * 2;
			sum += v;
		}
		if (sum % 10 === 0) return s;
	}
	throw new Error('unreachable');
}

function idCard(rand: Rand): string {
	const region = pick(rand, ['110105', '310104', '440305', '330106', '510107', '420111']);
	const year = 1960 + Math.floor(rand() * 45);
	const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
	const day = String(1 + Math.floor(rand() * 28)).padStart(2, '0');
	const body = `${region}${year}${month}${day}${digits(rand, 3)}`;
	const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
	const sum = [...body].reduce((s, c, i) => s + Number(c) * weights[i], 0);
	return body + '10X98765432'[sum % 11];
}

function orgId(rand: Rand): string {
	const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
	const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
	const body = `91${pick(rand, ['110108', '440300', '310115'])}MA${chars(rand, '0123456789ABCDEFGHJKLMNPQRTUWXY', 7)}`;
	const sum = [...body].reduce((s, c, i) => s + alphabet.indexOf(c) * weights[i], 0);
	return body + alphabet[(31 - (sum % 31)) % 31];
}

const mobile = (rand: Rand) => `1${pick(rand, ['3', '5', '7', '8', '9'])}${digits(rand, 9)}`;
const group = (value: string, sizes: number[], sep: string) => {
	const parts: string[] = [];
	let at = 0;
	for (const n of sizes) parts.push(value.slice(at, (at += n)));
	return parts.join(sep);
};
const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/** [kind, context before, value, context after] makers. */
type Maker = (rand: Rand) => [string, string, string];
const makers: Record<string, Maker[]> = {
	mobile: [
		(r) => ['我的手机号是', mobile(r), '，麻烦回电'],
		(r) => ['联系电话：', group(mobile(r), [3, 4, 4], ' '), ''],
		(r) => ['电话 ', group(mobile(r), [3, 4, 4], '-'), ' 随时打'],
		(r) => ['打 ', group(mobile(r), [3, 8], ' '), ' 找我'],
		(r) => ['手机：', `+86 ${mobile(r)}`, ''],
		(r) => ['联系人张先生 ', `(+86)${mobile(r)}`, ''],
		(r) => ['手机号', fullWidth(mobile(r)), '。'],
	],
	landline: [
		(r) => ['座机 ', `010-${pick(r, ['6', '8', '5'])}${digits(r, 7)}`, ''],
		(r) => ['办公室电话：', `0${pick(r, ['21', '755', '571', '28'])} ${pick(r, ['6', '8'])}${digits(r, 3)} ${digits(r, 4)}`, '，工作日在'],
		(r) => ['固话', `(0${pick(r, ['20', '512'])})${pick(r, ['8', '6'])}${digits(r, 6)}`, ''],
	],
	email: [
		(r) => [
			'邮箱 ',
			`${pick(r, ['li.ming', 'wang_fang', 'chen88', 'ops-team'])}${digits(r, 2)}@${pick(r, ['corp-mail.cn', '163.com', 'qq.com', 'bigdata.com.cn'])}`,
			' 收一下',
		],
	],
	idCard: [(r) => ['身份证号：', idCard(r), ''], (r) => ['实名认证用的身份证 ', group(idCard(r), [6, 8, 4], ' '), ' 审核没过']],
	bankCard: [
		(r) => ['退款到卡号 ', luhnComplete(`6222${digits(r, 14)}`), ''],
		(r) => ['银行卡：', group(luhnComplete(`6217${digits(r, 11)}`), [4, 4, 4, 4], ' '), ''],
	],
	orgId: [(r) => ['发票抬头税号：', orgId(r), '']],
	ipv4: [
		(r) => [
			'源站 IP ',
			`${pick(r, ['47', '101', '120', '39', '58'])}.${1 + Math.floor(r() * 250)}.${Math.floor(r() * 250)}.${1 + Math.floor(r() * 250)}`,
			' 访问不了',
		],
	],
	ipv6: [
		(r) => ['源站 IPv6 ', `${pick(r, ['2408', '240e', '2409', '2400'])}:${chars(r, hex, 4)}:${chars(r, hex, 3)}::${chars(r, hex, 2)}`, ' 回源失败'],
		(r) => ['curl -g http://[', `${pick(r, ['2408', '2001'])}:${chars(r, hex, 4)}:${chars(r, hex, 4)}:${chars(r, hex, 2)}::1`, ']:8080/ 超时'],
	],
	wechat: [
		(r) => ['方便的话加我微信：', `${pick(r, ['zhang', 'liu', 'tony', 'amy'])}_${digits(r, 4)}`, ''],
		(r) => ['vx：', `${pick(r, ['kk', 'xiao', 'dev'])}${digits(r, 5)}`, ' 备注七牛'],
		(r) => ['微信号 ', `wxid_${chars(r, 'abcdefghijklmnopqrstuvwxyz0123456789', 14)}`, ''],
	],
	qq: [
		(r) => ['QQ：', `${1 + Math.floor(r() * 9)}${digits(r, 7 + Math.floor(r() * 3))}`, ''],
		(r) => ['我的扣扣 ', `${1 + Math.floor(r() * 9)}${digits(r, 8)}`, ' 在线'],
	],
	passport: [(r) => ['护照号码：', `E${digits(r, 8)}`, ''], (r) => ['用护照 ', `E${pick(r, ['A', 'B', 'C'])}${digits(r, 7)}`, ' 实名']],
	plate: [
		(r) => ['车牌号', `${pick(r, ['京', '沪', '粤', '浙'])}${pick(r, ['A', 'B', 'C'])}·${digits(r, 5)}`, '的车'],
		(r) => ['新能源车 ', `${pick(r, ['苏', '川'])}${pick(r, ['A', 'E'])}${pick(r, ['D', 'F'])}${digits(r, 5)}`, ' 进不了停车场'],
	],
	password: [
		(r) => [pick(r, ['登录密码：', '管理员密码是', '数据库密码为 ', '密码 ', 'password=', '新密码设成了']), password(r), pick(r, ['', '，', ' 谢谢'])],
		(r) => [`账号 admin${digits(r, 2)} 密码 `, password(r), ''],
	],
	secretKey: [
		(r) => [
			pick(r, ['AK：', 'SK: ', 'AccessKey=', 'SecretKey："', "secret_key = '", 'api_key: ', '密钥是', 'client_secret=']),
			key(r, 40),
			pick(r, ['', '"', "'"]),
		],
		(r) => ['AK/SK 是 ', `${key(r, 40)}:${key(r, 40)}`, ''],
	],
	tokenFormat: [
		(r) => ['日志里出现 ', `AKIA${chars(r, upperDigits, 16)}`, ''],
		(r) => ['配置了 ', `LTAI5t${key(r, 18)}`, ''],
		(r) => ['SecretId ', `AKID${key(r, 32)}`, ''],
		(r) => ['用的 ', `ghp_${key(r, 36)}`, ' 拉代码'],
		(r) => ['', `glpat-${key(r, 20)}`, ''],
		(r) => ['', `sk-proj-${key(r, 48)}`, ''],
		(r) => ['header: Authorization: Bearer ', `eyJhbGciOiJIUzI1NiJ9.eyJ${key(r, 24)}.${key(r, 43)}`, ''],
	],
	connectionString: [
		(r) => [
			`${pick(r, ['mysql', 'postgres', 'mongodb', 'redis', 'amqp', 'ftp'])}://${pick(r, ['root', 'app', ''])}:`,
			password(r),
			`@10.0.${digits(r, 1)}.8:3306/app`,
		],
		(r) => ['jdbc:mysql://db:3306/app?user=root&password=', password(r), '&useSSL=false'],
	],
	sdkCode: [
		(r) => ['Auth auth = Auth.create("', key(r, 40), `", "${key(r, 40)}");`],
		(r) => ["q = qiniu.Auth('", key(r, 40), `', '${key(r, 40)}')`],
		(r) => ['mac := qbox.NewMac("', key(r, 40), `", "${key(r, 40)}")`],
	],
};

const lookalikes: Record<string, Maker[]> = {
	hash: [(r) => ['文件 hash ', chars(r, hex, 32), ''], (r) => ['sha1: ', chars(r, hex, 40), '']],
	uuid: [(r) => ['X-Reqid: ', `${chars(r, hex, 8)}-${chars(r, hex, 4)}-4${chars(r, hex, 3)}-a${chars(r, hex, 3)}-${chars(r, hex, 12)}`, '']],
	etag: [(r) => ['ETag: "', `Fp${key(r, 26)}`, '"']],
	placeholder: [
		(r) => [
			pick(r, ['AK: ', 'SK=', '密码：', 'access_key = ', 'token: ']),
			pick(r, ['<your_ak>', '${SK}', '******', 'your-access-key', 'xxx', 'YOUR_SECRET_KEY']),
			'',
		],
	],
	quantity: [(r) => [pick(r, ['本月流量 ', '文件大小 ', '共 ']), mobile(r), pick(r, [' 字节', ' 次请求', 'B'])]],
	order: [(r) => ['订单号 ', `2024${digits(r, 14)}`, ''], (r) => ['请求ID ', digits(r, 17), '']],
	mac: [(r) => ['网卡 MAC ', Array.from({ length: 6 }, () => chars(r, '0123456789ABCDEF', 2)).join(':'), '']],
	version: [(r) => ['SDK 版本 ', `${digits(r, 1)}.${digits(r, 1)}.${digits(r, 2)}`, '']],
	code: [(r) => ['token = ', pick(r, ['getUploadToken()', 'config.token', 'os.environ["QINIU_SK"]']), '']],
};

function fromMaker(kind: string, maker: Maker, rand: Rand): Plant {
	const [before, value, after] = maker(rand);
	return { kind, sentence: `${before}${value}${after}`, start: before.length, end: before.length + value.length };
}

/** `perKind` plants of each kind and each look-alike, shuffled. */
export function makePlants(perKind: number, rand: Rand): Plant[] {
	const out: Plant[] = [];
	for (const [kind, list] of Object.entries(makers)) for (let i = 0; i < perKind; i++) out.push(fromMaker(kind, list[i % list.length], rand));
	for (const [what, list] of Object.entries(lookalikes))
		for (let i = 0; i < perKind; i++) out.push(fromMaker(`lookalike:${what}`, list[i % list.length], rand));
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(rand() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

export const plantedKinds = Object.keys(makers);
