/**
 * What a label is expected to be supported by: terms, Chinese and English, that a ticket with that
 * root cause or product mentions somewhere in its own words (ownWords.ts). The defaults cover the
 * reference taxonomy, the 8 root causes and 8 products of the real dump (docs/TICKET-FORMAT.md);
 * the configuration adds terms to a label or replaces them. A label whose evidence is empty is a
 * catch-all: it needs none, and it is what is suggested when no other label's evidence is found.
 *
 * The terms are chosen for precision: a word that the real dump uses in many senses ("连接" of a
 * remote desktop, "超时" of a certificate order, "IP" of anything) is left out, because a label
 * with evidence it does not deserve is merely not flagged, while evidence found everywhere would
 * flag nothing.
 */

export type EvidenceTable = Readonly<Record<string, readonly string[]>>;

/** A configured entry: terms added to the defaults, or `{ terms, replace: true }` instead of them. */
export type EvidenceSetting = readonly string[] | { readonly terms: readonly string[]; readonly replace?: boolean };

export const catchAllRootCause = '需要进一步排查具体原因';

export const defaultRootCauseEvidence: EvidenceTable = {
	'SSL/TLS证书配置问题': ['证书', 'SSL', 'TLS', 'HTTPS', 'certificate', 'cert', 'openssl', '握手', 'handshake', '私钥', 'PEM', 'CRT'],
	[catchAllRootCause]: [],
	网络连接问题或DNS解析异常: [
		'网络',
		'网路',
		'DNS',
		'CNAME',
		'解析',
		'丢包',
		'抖动',
		'延迟',
		'速度慢',
		'访问慢',
		'无法访问',
		'访问不了',
		'打不开',
		'连不上',
		'无法连接',
		'连接失败',
		'连接超时',
		'断开',
		'线路',
		'运营商',
		'ping',
		'timeout',
		'network',
	],
	配置参数错误或不当: ['配置', '设置', '参数', '规则', '白名单', '黑名单', '防盗链', 'referer', '跨域', 'CORS', 'config', 'setting'],
	认证凭证或权限配置问题: [
		'权限',
		'鉴权',
		'认证',
		'授权',
		'凭证',
		'密钥',
		'私有空间',
		'token',
		'AK',
		'SK',
		'AccessKey',
		'SecretKey',
		'401',
		'403',
		'forbidden',
		'unauthorized',
		'denied',
	],
	CDN节点或缓存问题: ['缓存', '节点', '刷新', '预取', '命中', '回源', '覆盖', 'cache'],
	账户密码或登录凭证问题: ['密码', '登录', '登陆', '验证码', '账号被盗', 'password', 'login', 'MFA'],
	文件传输或分片处理问题: ['上传', '分片', '传输', '断点', '续传', '下载', 'multipart', 'upload', 'download', 'chunk'],
};

export const defaultProductEvidence: EvidenceTable = {
	CDN: [
		'CDN',
		'加速',
		'回源',
		'节点',
		'缓存',
		'刷新',
		'预取',
		'命中率',
		'域名',
		'流量',
		'带宽',
		'HTTPS',
		'证书',
		'防盗链',
		'referer',
		'源站',
		'处理中',
		'回滚',
		'部署',
	],
	对象存储: ['存储', '空间', '上传', '下载', '文件', '对象', '外链', '域名', '生命周期', '迁移', 'bucket', 'kodo', 'qshell', 'OSS', 'S3', 'SDK'],
	账户与财务: [
		'账户',
		'账号',
		'发票',
		'开票',
		'充值',
		'余额',
		'欠费',
		'退款',
		'费用',
		'扣费',
		'计费',
		'实名',
		'注销',
		'付款',
		'账单',
		'汇款',
		'到账',
		'提现',
		'合同',
		'商务',
		'资源包',
		'冻结',
		'密码',
	],
	视频监控: [
		'监控',
		'摄像',
		'设备',
		'视频',
		'录像',
		'国标',
		'通道',
		'回放',
		'播放',
		'离线',
		'在线',
		'上行',
		'QVS',
		'GB28181',
		'NVR',
		'SIP',
		'licence',
		'license',
	],
	云短信: ['短信', '签名', '模板', '验证码', '发送', '回调', 'SMS'],
	云主机: ['主机', '服务器', '实例', '镜像', '磁盘', '硬盘', '安全组', '远程', '内存', '续费', '释放', 'ECS', 'CPU'],
	智能多媒体: ['转码', '视频截帧', '水印', '音视频', '多媒体', '图片处理', '以图搜图', '鉴黄', '内容审核', '人脸', '识别', 'dora'],
	直播云: ['直播', '推流', '拉流', '连麦', 'RTMP', 'HLS', 'FLV', 'pili'],
};

/** The defaults with the configured entries applied, label by label. */
export function resolveEvidence(defaults: EvidenceTable, configured: Readonly<Record<string, EvidenceSetting>> | undefined): EvidenceTable {
	const out: Record<string, readonly string[]> = { ...defaults };
	for (const [label, setting] of Object.entries(configured ?? {})) {
		const terms = (Array.isArray(setting) ? setting : (setting as { terms?: unknown }).terms) as unknown;
		if (!Array.isArray(terms)) continue;
		const clean = terms.filter((t): t is string => typeof t === 'string' && t.trim() !== '').map((t) => t.trim());
		const replace = !Array.isArray(setting) && (setting as { replace?: unknown }).replace === true;
		out[label] = replace ? clean : [...new Set([...(out[label] ?? []), ...clean])];
	}
	return out;
}
