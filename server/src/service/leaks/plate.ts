/**
 * Mainland vehicle number plates: a province's character, the issuing office's letter, an
 * optional `·`, then five characters (letters other than I and O, digits; the last may be 挂, 学,
 * 警, 港 or 澳), or six for new-energy plates (D or F first or last). At least three digits: a
 * province character before an ASCII word (`新API`) is no plate.
 */
import { followedByMask } from './boundaries';
import type { Detector } from './leak';

const province = '[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]';
const c = '[A-HJ-NP-Z0-9]';
const plate = new RegExp(`${province}[A-HJ-NP-Z][·•・ ]?(?:[DF]${c}\\d{4}|\\d{5}[DF]|${c}{4}[A-HJ-NP-Z0-9挂学警港澳])(?![A-Za-z0-9_])`, 'g');

export const detectPlates: Detector = (text, report) => {
	for (const m of text.matchAll(plate)) {
		const tail = m[0].slice(2).replace(/^[·•・ ]/, '');
		if ((tail.match(/\d/g)?.length ?? 0) < 3) continue;
		const end = m.index + m[0].length;
		if (!followedByMask(text, end)) report({ kind: 'plate', start: m.index, end });
	}
};
