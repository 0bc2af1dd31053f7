/**
 * Full-width digits, letters and `+` (`１３８…`, `ＡＫ`, `＋86`) read as their ASCII forms. Each is one
 * UTF-16 unit either way, so offsets into the folded text are offsets into the original.
 */

const fullWidth = /[\uFF0B\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g;

export function foldHalfWidth(text: string): string {
	fullWidth.lastIndex = 0;
	if (!fullWidth.test(text)) return text;
	return text.replace(fullWidth, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
