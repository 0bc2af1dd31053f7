/**
 * A copy of a string that does not keep the text it was cut from alive. V8 keeps a slice of 13
 * characters or more as a view of its parent, so a title, term or ticket kept from a file's text
 * would otherwise hold the whole file (every version of it, across edits). Concatenating flattens
 * into a new string; slicing that copy keeps only the copy.
 */
export function detached(text: string): string {
	return text.length < 13 ? text : ` ${text}`.slice(1);
}
