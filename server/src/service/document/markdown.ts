/** The one remark processor of the service; parses one ticket (never a whole file) at a time. */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root } from 'mdast';

const processor = unified().use(remarkParse);

export function parseMarkdown(text: string): Root {
	return processor.parse(text);
}
