/**
 * The overview as one self-contained HTML file: the page script (dist/overview.js, the chart library
 * bundled in) and its styles inlined, the data as JSON, and a content security policy that lets the
 * page load nothing from anywhere (it works offline, in a CI artifact, from a mail attachment).
 */
import { randomBytes } from 'node:crypto';
import { overviewInputId, type OverviewPageInput } from '../../../common/overview';

/** JSON inside a script element: `<` escaped, so no text in a title can close the element. */
function scriptJson(value: unknown): string {
	return JSON.stringify(value)
		.replace(/</g, '\\u003c')
		.replace(/\u2028/g, '\\u2028')
		.replace(/\u2029/g, '\\u2029');
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function reportHtml(input: OverviewPageInput, pageScript: string, pageStyles: string, lang: string): string {
	const nonce = randomBytes(16).toString('base64');
	const csp = `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; img-src data:`;
	return [
		'<!DOCTYPE html>',
		`<html lang="${escapeHtml(lang)}">`,
		'<head>',
		'<meta charset="utf-8">',
		`<meta http-equiv="Content-Security-Policy" content="${csp}">`,
		'<meta name="viewport" content="width=device-width, initial-scale=1">',
		`<title>${escapeHtml(input.strings.title ?? '')}</title>`,
		`<style nonce="${nonce}">${pageStyles}</style>`,
		'</head>',
		'<body>',
		'<div id="app"></div>',
		`<script type="application/json" id="${overviewInputId}">${scriptJson(input)}</script>`,
		`<script nonce="${nonce}">${pageScript.replace(/<\/(script)/gi, '<\\/$1')}</script>`,
		'</body>',
		'</html>',
		'',
	].join('\n');
}
