/**
 * Chart colours from the page's CSS variables: in a VS Code webview they follow the colour theme
 * (`--vscode-charts-*`, `--vscode-foreground`; overview.css falls back to fixed colours in a plain
 * browser). High contrast themes add ECharts' decal patterns, so series differ by more than colour.
 */
export interface Palette {
	readonly foreground: string;
	readonly colors: readonly string[];
	readonly heat: readonly string[];
	readonly heatLabel: string;
	/** Options every chart shares: text, background, accessibility. */
	readonly base: Record<string, unknown>;
	readonly axis: Record<string, unknown>;
	readonly axisLine: Record<string, unknown>;
}

export function readPalette(): Palette {
	const style = getComputedStyle(document.body);
	const v = (name: string) => style.getPropertyValue(name).trim();
	const foreground = v('--ov-foreground') || '#333';
	const lines = v('--ov-lines') || '#888';
	const highContrast = document.body.classList.contains('vscode-high-contrast') || document.body.classList.contains('vscode-high-contrast-light');
	const colors = ['--ov-blue', '--ov-green', '--ov-orange', '--ov-red', '--ov-purple', '--ov-yellow'].map((n) => v(n) || '#4e79a7');
	return {
		foreground,
		colors,
		heat: [v('--ov-background') || '#fff', colors[0]],
		heatLabel: foreground,
		base: {
			backgroundColor: 'transparent',
			textStyle: { color: foreground, fontFamily: v('--ov-font') || 'sans-serif' },
			animation: false,
			tooltip: { trigger: 'item', renderMode: 'richText' },
			aria: { enabled: true, decal: { show: highContrast }, data: { maxCount: 30 } },
		},
		axis: {
			axisLabel: { color: foreground },
			nameTextStyle: { color: foreground },
			axisLine: { lineStyle: { color: lines } },
			splitLine: { lineStyle: { color: lines, opacity: 0.3 } },
		},
		axisLine: { axisLine: { lineStyle: { color: lines } } },
	};
}
