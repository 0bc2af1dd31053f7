/**
 * Fenced code blocks as CommonMark opens and closes them, for the line readers (the scan, the
 * outline, dump detection) that must not take what is inside one for structure.
 */
const fenceOpen = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/**
 * What closes the fence `line` opens (the same character, at least as many, nothing after), or
 * undefined when it opens none: a backtick fence's info string may not hold a backtick.
 */
export function fenceCloserOf(line: string): RegExp | undefined {
	const fence = fenceOpen.exec(line);
	if (!fence || (fence[1][0] === '`' && fence[2].includes('`'))) return undefined;
	return new RegExp(`^ {0,3}${fence[1][0]}{${fence[1].length},}[ \\t]*$`);
}
