/**
 * The overview webview's HTML: the page script and styles from dist/ (built by scripts/build.mjs
 * from client/page/), the input as JSON, and a strict content security policy: nothing from the
 * network, scripts only with this page's nonce, styles and images only from the extension.
 */
import * as vscode from 'vscode';
import { overviewInputId, type OverviewPageInput } from '../../../common/overview';

function nonce(): string {
	const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
	let out = '';
	for (let i = 0; i < 32; i++) out += chars[Math.floor(Math.random() * chars.length)];
	return out;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function overviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, input: OverviewPageInput): string {
	const n = nonce();
	const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', name)).toString();
	const csp = [
		"default-src 'none'",
		`img-src ${webview.cspSource} data:`,
		`style-src ${webview.cspSource} 'nonce-${n}'`,
		`font-src ${webview.cspSource}`,
		`script-src 'nonce-${n}'`,
	].join('; ');
	const json = JSON.stringify(input).replace(/</g, '\\u003c');
	return `<!DOCTYPE html>
<html lang="${escapeHtml(vscode.env.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" nonce="${n}" href="${escapeHtml(asset('overview.css'))}">
<title>${escapeHtml(input.strings.title ?? '')}</title>
</head>
<body>
<div id="app"></div>
<script type="application/json" id="${overviewInputId}">${json}</script>
<script nonce="${n}" src="${escapeHtml(asset('overview.js'))}"></script>
</body>
</html>`;
}
