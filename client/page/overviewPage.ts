/**
 * The overview page: charts (Apache ECharts, bundled in; nothing is fetched) and a table per chart,
 * from the input its host wrote into the page (common/overview.ts). The same script runs in the
 * VS Code webview (clicks are posted to the extension, new data arrives by message) and in the
 * self-contained file `tickets report` writes. It translates and parses nothing: it draws.
 */
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { overviewInputId, type OverviewPageInput, type OverviewPageMessage } from '../../common/overview';
import { overviewSections, type Section, type Table } from './chartSections';
import { readPalette } from './theme';

echarts.use([BarChart, HeatmapChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);

interface VsCodeApi {
	postMessage(message: OverviewPageMessage): void;
}
declare const acquireVsCodeApi: (() => VsCodeApi) | undefined;

const host: VsCodeApi | undefined = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
const charts = new Map<string, echarts.ECharts>();
let input: OverviewPageInput | undefined;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
	const e = document.createElement(tag);
	if (text !== undefined) e.textContent = text;
	if (className) e.className = className;
	return e;
}

function renderTable(table: Table): HTMLTableElement {
	const t = element('table');
	const head = t.createTHead().insertRow();
	for (const h of table.head) head.appendChild(element('th', h));
	const body = t.createTBody();
	for (const row of table.rows) {
		const tr = body.insertRow();
		for (const cell of row) {
			const td = tr.insertCell();
			if (typeof cell === 'number') {
				td.textContent = String(cell);
				td.className = 'number';
			} else if (typeof cell === 'string') td.textContent = cell;
			else {
				const a = element('a', cell.text);
				a.href = cell.uri ? `${cell.uri}#L${cell.line + 1}` : '#';
				if (host)
					a.addEventListener('click', (e) => {
						e.preventDefault();
						host.postMessage({ type: 'select', selection: { kind: 'tickets', tickets: [{ uri: cell.uri, line: cell.line, title: cell.text }] } });
					});
				td.appendChild(a);
			}
		}
	}
	return t;
}

function renderSection(section: Section, interactive: boolean): HTMLElement {
	const s = element('section');
	s.id = `section-${section.id}`;
	s.appendChild(element('h2', section.title));
	if (section.note) s.appendChild(element('p', section.note, 'note'));
	if (section.option) {
		const chart = element('div', undefined, 'chart');
		chart.id = `chart-${section.id}`;
		chart.style.height = `${section.height}px`;
		s.appendChild(chart);
	}
	const details = element('details');
	details.open = !interactive || !section.option;
	details.appendChild(element('summary', input?.strings.table ?? section.title));
	details.appendChild(section.table.rows.length ? renderTable(section.table) : element('p', input?.strings.empty ?? ''));
	s.appendChild(details);
	return s;
}

function draw(): void {
	if (!input) return;
	const { data, strings, interactive } = input;
	for (const chart of charts.values()) chart.dispose();
	charts.clear();
	const root = document.getElementById('app') ?? document.body.appendChild(element('div'));
	root.id = 'app';
	root.replaceChildren();
	root.appendChild(element('h1', strings.title));
	root.appendChild(element('p', strings.totals.replace('{0}', String(data.dumps)).replace('{1}', String(data.tickets))));
	if (interactive && host) root.appendChild(element('p', strings.clickHint, 'hint'));
	const sections = overviewSections(data, strings, readPalette());
	for (const section of sections) root.appendChild(renderSection(section, interactive && !!host));
	for (const section of sections) {
		const el = document.getElementById(`chart-${section.id}`);
		if (!el || !section.option) continue;
		const chart = echarts.init(el, undefined, { renderer: 'svg' });
		chart.setOption(section.option);
		if (host && section.select) {
			const select = section.select;
			chart.on('click', (p) => {
				const selection = select(p.dataIndex, p.seriesIndex ?? 0);
				if (selection) host.postMessage({ type: 'select', selection });
			});
		}
		charts.set(section.id, chart);
	}
	host?.postMessage({ type: 'rendered', products: drawnProducts() });
}

/** The per-product bars as drawn: names and values from the chart itself. */
function drawnProducts(): { name: string; tickets: number }[] {
	const option = charts.get('products')?.getOption() as { yAxis?: { data?: string[] }[]; series?: { data?: number[] }[] } | undefined;
	const names = option?.yAxis?.[0]?.data ?? [];
	const values = option?.series?.[0]?.data ?? [];
	return names.map((name, i) => ({ name, tickets: values[i] ?? 0 }));
}

function readInput(): OverviewPageInput | undefined {
	const text = document.getElementById(overviewInputId)?.textContent;
	return text ? (JSON.parse(text) as OverviewPageInput) : undefined;
}

// Charts and tests reach the drawn charts through this (the Playwright check reads the bars' values).
(globalThis as { ticketOverview?: unknown }).ticketOverview = { charts, drawnProducts };

input = readInput();
draw();
window.addEventListener('resize', () => charts.forEach((c) => c.resize()));
window.addEventListener('message', (e: MessageEvent<{ type?: string; input?: OverviewPageInput }>) => {
	if (e.data?.type === 'update' && e.data.input) {
		input = e.data.input;
		draw();
	}
});
// VS Code swaps the body's theme class when the colour theme changes: redraw in the new colours.
new MutationObserver(() => draw()).observe(document.body, { attributes: true, attributeFilter: ['class'] });
host?.postMessage({ type: 'ready' });
