/**
 * Numbers that are quantities, not phone numbers: right after a size, count, traffic or money word
 * (`流量 13812345678`, `共 15012345678 次`), or followed by a unit (`13812345678 字节`, `…678GB`).
 */
import { lineBefore } from './boundaries';

const quantityWord =
	/(?:流量|大小|容量|体积|用量|存储量|数量|总量|总数|个数|条数|次数|请求数|文件数|带宽|峰值|共计?|合计|总计|累计|约|金额|费用|余额|价格|单价|总价|扣费|消费|充值|退款|欠费|size|count|total|bytes?|traffic|bandwidth|amount|usage|quota|price|cost|balance|[¥￥$]|RMB|CNY|USD)[ \t]*(?:[:：=]|为|是|达到?|约)?[ \t]*$/i;
const unit =
	/^[ \t]*(?:[KMGTPE]i?B(?:ps)?|[KMGT]bps|B(?![A-Za-z])|bytes?|字节|比特|位|次|个|条|张|件|份|人|元|块|角|分钱|万|亿|千|百|ms|毫秒|秒|分钟|小时|天|行|倍|%|％)/i;

export function isQuantity(text: string, start: number, end: number): boolean {
	return quantityWord.test(lineBefore(text, start, 16)) || unit.test(text.slice(end, end + 8));
}
