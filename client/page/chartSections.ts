/**
 * The overview's sections as data: for each chart, its title, the ECharts option that draws it,
 * the table that says the same in rows, and what a click on a bar or cell stands for. Built from
 * the overview data alone (common/overview.ts); the page (overview.ts) puts them on screen.
 */
import type { GivenBySuggested, OverviewCount, OverviewData, OverviewSelection, OverviewStrings, OverviewTicket } from '../../common/overview';
import type { Palette } from './theme';

/** At most this many bars or rows of a heat map in a chart; the table has them all. */
export const chartLimit = 30;

export interface Table {
	readonly head: readonly string[];
	/** Cells; a number is right-aligned. A ticket cell links to its place. */
	readonly rows: readonly (readonly (string | number | TicketCell)[])[];
}

export interface TicketCell {
	readonly uri: string;
	readonly line: number;
	readonly text: string;
}

export interface Section {
	readonly id: string;
	readonly title: string;
	/** Undefined: the section has nothing to chart. */
	readonly option?: Record<string, unknown>;
	/** Chart height in pixels. */
	readonly height: number;
	readonly table: Table;
	/** Shown under the title when the chart shows only part of the table. */
	readonly note?: string;
	/** What the bar or cell at `dataIndex` of `seriesIndex` stands for. */
	readonly select?: (dataIndex: number, seriesIndex: number) => OverviewSelection | undefined;
}

const format = (template: string, ...values: (string | number)[]) => template.replace(/\{(\d+)\}/g, (_, i: string) => String(values[Number(i)]));

function named(s: OverviewStrings, name: string): string {
	return name || s.none;
}

/** A horizontal bar chart, first item on top. */
function barOption(names: readonly string[], values: readonly number[], palette: Palette, seriesName: string): Record<string, unknown> {
	return {
		...palette.base,
		grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
		xAxis: { type: 'value', minInterval: 1, ...palette.axis },
		yAxis: { type: 'category', inverse: true, data: names, axisLabel: { width: 220, overflow: 'truncate', color: palette.foreground }, ...palette.axisLine },
		series: [
			{
				type: 'bar',
				name: seriesName,
				data: values,
				label: { show: true, position: 'right', color: palette.foreground },
				itemStyle: { color: palette.colors[0] },
			},
		],
	};
}

const barHeight = (n: number) => 40 + 24 * Math.max(1, n);

function countSection(
	id: string,
	title: string,
	counts: readonly OverviewCount[],
	total: number,
	s: OverviewStrings,
	palette: Palette,
	select: (name: string) => OverviewSelection,
): Section {
	const shown = counts.slice(0, chartLimit);
	return {
		id,
		title,
		option: counts.length
			? barOption(
					shown.map((c) => named(s, c.name)),
					shown.map((c) => c.tickets),
					palette,
					s.tickets,
				)
			: undefined,
		height: barHeight(shown.length),
		note: counts.length > shown.length ? format(s.shownFirst, shown.length, counts.length) : undefined,
		table: {
			head: [s.name, s.tickets, s.share],
			rows: counts.map((c) => [named(s, c.name), c.tickets, total ? `${((100 * c.tickets) / total).toFixed(1)}%` : '']),
		},
		select: (i) => (shown[i] ? select(shown[i].name) : undefined),
	};
}

function heatMapSection(data: OverviewData, s: OverviewStrings, palette: Palette): Section {
	const products = data.products.slice(0, chartLimit).map((p) => p.name);
	const causes = data.rootCauses.slice(0, chartLimit).map((r) => r.name);
	const cells = data.rootCauseByProduct
		.map((c) => [products.indexOf(c.product), causes.indexOf(c.rootCause), c.tickets] as [number, number, number])
		.filter(([x, y]) => x >= 0 && y >= 0);
	const max = Math.max(1, ...cells.map((c) => c[2]));
	const rows = [...data.rootCauseByProduct].sort((a, b) => b.tickets - a.tickets);
	return {
		id: 'rootCauseByProduct',
		title: s.rootCauseByProduct,
		option: cells.length
			? {
					...palette.base,
					grid: { left: 8, right: 16, top: 8, bottom: 64, containLabel: true },
					xAxis: {
						type: 'category',
						data: products.map((p) => named(s, p)),
						axisLabel: { rotate: 30, width: 120, overflow: 'truncate', color: palette.foreground },
						...palette.axisLine,
					},
					yAxis: {
						type: 'category',
						inverse: true,
						data: causes.map((c) => named(s, c)),
						axisLabel: { width: 220, overflow: 'truncate', color: palette.foreground },
						...palette.axisLine,
					},
					visualMap: heatScale(palette, max),
					series: [{ type: 'heatmap', name: s.tickets, data: cells, label: { show: true, color: palette.heatLabel } }],
				}
			: undefined,
		height: 120 + 24 * Math.max(1, causes.length),
		note:
			products.length < data.products.length || causes.length < data.rootCauses.length
				? format(s.shownFirst, chartLimit, Math.max(data.products.length, data.rootCauses.length))
				: undefined,
		table: { head: [s.product, s.rootCause, s.tickets], rows: rows.map((r) => [named(s, r.product), named(s, r.rootCause), r.tickets]) },
		select: (i) => {
			const cell = cells[i];
			return cell ? { kind: 'rootCause', product: products[cell[0]], rootCause: causes[cell[1]] } : undefined;
		},
	};
}

/** The colour scale under a heat map, from 0 to `max` tickets. */
const heatScale = (palette: Palette, max: number) => ({
	min: 0,
	max,
	calculable: true,
	orient: 'horizontal' as const,
	left: 'center',
	bottom: 0,
	inRange: { color: palette.heat },
	textStyle: { color: palette.foreground },
});

/** The label review's root-cause suspects: given label (rows) × first suggested label (columns); a cell lists its tickets. */
function givenBySuggestedSection(pairs: readonly GivenBySuggested[], s: OverviewStrings, palette: Palette): Section {
	const given = [...new Set(pairs.map((p) => p.given))];
	const suggested = [...new Set(pairs.map((p) => p.suggested))];
	const cells = pairs.map((p) => [suggested.indexOf(p.suggested), given.indexOf(p.given), p.tickets.length] as [number, number, number]);
	return {
		id: 'givenBySuggested',
		title: s.givenBySuggested,
		option: {
			...palette.base,
			grid: { left: 8, right: 16, top: 8, bottom: 64, containLabel: true },
			xAxis: {
				type: 'category',
				name: s.suggestedRootCause,
				data: suggested,
				axisLabel: { rotate: 30, width: 140, overflow: 'truncate', color: palette.foreground },
				...palette.axisLine,
			},
			yAxis: { type: 'category', inverse: true, data: given, axisLabel: { width: 220, overflow: 'truncate', color: palette.foreground }, ...palette.axisLine },
			visualMap: heatScale(palette, Math.max(1, ...cells.map((c) => c[2]))),
			series: [{ type: 'heatmap', name: s.tickets, data: cells, label: { show: true, color: palette.heatLabel } }],
		},
		height: 140 + 24 * given.length,
		table: { head: [s.givenRootCause, s.suggestedRootCause, s.tickets], rows: pairs.map((p) => [p.given, p.suggested, p.tickets.length]) },
		select: (i) => (pairs[i] ? { kind: 'tickets', tickets: pairs[i].tickets } : undefined),
	};
}

/** The theme's base with a legend above the chart, for the stacked charts (`bottom`: room for an axis name). */
const withLegend = (palette: Palette, bottom: number) => ({
	...palette.base,
	legend: { top: 0, textStyle: { color: palette.foreground } },
	grid: { left: 8, right: 24, top: 32, bottom, containLabel: true },
});

const categories = ['structure', 'leaks', 'files', 'duplicates', 'labels'];

function fileFindingsSection(data: OverviewData, s: OverviewStrings, palette: Palette): Section {
	const shown = data.findingsPerFile.slice(0, chartLimit);
	const names = shown.map((f) => data.files[f.file]?.name ?? '');
	return {
		id: 'findingsPerFile',
		title: s.findingsPerFile,
		option: shown.length
			? {
					...withLegend(palette, 8),
					xAxis: { type: 'value', minInterval: 1, ...palette.axis },
					yAxis: {
						type: 'category',
						inverse: true,
						data: names,
						axisLabel: { width: 260, overflow: 'truncate', color: palette.foreground },
						...palette.axisLine,
					},
					series: categories.map((c, i) => ({
						type: 'bar',
						stack: 'findings',
						name: s[`category_${c}`] ?? c,
						data: shown.map((f) => f.byCategory[c] ?? 0),
						itemStyle: { color: palette.colors[i % palette.colors.length] },
					})),
				}
			: undefined,
		height: 72 + 24 * Math.max(1, shown.length),
		note: data.findingsPerFile.length > shown.length ? format(s.shownFirst, shown.length, data.findingsPerFile.length) : undefined,
		table: {
			head: [s.file, s.errors, s.warnings, s.others, ...categories.map((c) => s[`category_${c}`] ?? c)],
			rows: data.findingsPerFile.map((f) => [data.files[f.file]?.name ?? '', f.errors, f.warnings, f.others, ...categories.map((c) => f.byCategory[c] ?? 0)]),
		},
		select: (i) => {
			const file = shown[i] && data.files[shown[i].file];
			return file ? { kind: 'file', uri: file.uri } : undefined;
		},
	};
}

function ticketCell(data: OverviewData, t: OverviewTicket): TicketCell {
	const file = data.files[t.file];
	return { uri: file?.uri ?? '', line: t.line, text: `${file?.name ?? ''}:${t.line + 1}` };
}

const toSelected = (data: OverviewData, tickets: readonly OverviewTicket[]): OverviewSelection => ({
	kind: 'tickets',
	tickets: tickets.map((t) => ({ uri: data.files[t.file]?.uri ?? '', line: t.line, title: t.title })),
});

function duplicatesSection(data: OverviewData, s: OverviewStrings, palette: Palette): Section {
	const codes = [...new Set(data.duplicateGroups.map((g) => g.code))].sort();
	const sizes = [...new Set(data.duplicateGroups.map((g) => g.tickets.length))].sort((a, b) => a - b);
	const groupsOf = (code: string, size: number) => data.duplicateGroups.filter((g) => g.code === code && g.tickets.length === size);
	return {
		id: 'duplicateGroups',
		title: s.duplicateGroups,
		option: sizes.length
			? {
					...withLegend(palette, 24),
					xAxis: { type: 'category', name: s.groupSize, nameLocation: 'middle', nameGap: 24, data: sizes.map(String), ...palette.axis },
					yAxis: { type: 'value', minInterval: 1, name: s.groups, ...palette.axis },
					series: codes.map((code, i) => ({
						type: 'bar',
						stack: 'groups',
						name: code,
						data: sizes.map((size) => groupsOf(code, size).length),
						itemStyle: { color: palette.colors[(i + 3) % palette.colors.length] },
					})),
				}
			: undefined,
		height: 260,
		table: {
			head: [s.rule, s.groupSize, s.tickets],
			rows: data.duplicateGroups.flatMap((g) =>
				g.tickets.map((t, i) => [i ? '' : g.code, i ? '' : g.tickets.length, { ...ticketCell(data, t), text: `${ticketCell(data, t).text}  ${t.title}` }]),
			),
		},
		select: (i, series) => {
			const code = codes[series];
			const size = sizes[i];
			return code && size
				? toSelected(
						data,
						groupsOf(code, size).flatMap((g) => g.tickets),
					)
				: undefined;
		},
	};
}

function turnsSection(data: OverviewData, s: OverviewStrings, palette: Palette): Section {
	return {
		id: 'turns',
		title: s.turns,
		option: data.turns.length
			? {
					...palette.base,
					grid: { left: 8, right: 16, top: 16, bottom: 24, containLabel: true },
					xAxis: { type: 'category', name: s.turnCount, nameLocation: 'middle', nameGap: 24, data: data.turns.map((t) => String(t.turns)), ...palette.axis },
					yAxis: { type: 'value', minInterval: 1, name: s.tickets, ...palette.axis },
					series: [{ type: 'bar', name: s.tickets, data: data.turns.map((t) => t.tickets), barCategoryGap: '10%', itemStyle: { color: palette.colors[1] } }],
				}
			: undefined,
		height: 260,
		table: { head: [s.turnCount, s.tickets], rows: data.turns.map((t) => [t.turns, t.tickets]) },
	};
}

function unansweredSection(data: OverviewData, s: OverviewStrings, palette: Palette): Section {
	const perFile = new Map<number, OverviewTicket[]>();
	for (const t of data.withoutStaffAnswers) perFile.set(t.file, [...(perFile.get(t.file) ?? []), t]);
	const files = [...perFile].sort((a, b) => b[1].length - a[1].length || a[0] - b[0]).slice(0, chartLimit);
	return {
		id: 'withoutStaffAnswers',
		title: `${s.withoutStaffAnswers} (${data.withoutStaffAnswers.length})`,
		option: files.length
			? barOption(
					files.map(([f]) => data.files[f]?.name ?? ''),
					files.map(([, list]) => list.length),
					{ ...palette, colors: [palette.colors[2]] },
					s.tickets,
				)
			: undefined,
		height: barHeight(files.length),
		table: { head: [s.file, s.ticketTitle], rows: data.withoutStaffAnswers.map((t) => [ticketCell(data, t), t.title]) },
		select: (i) => (files[i] ? toSelected(data, files[i][1]) : undefined),
	};
}

export function overviewSections(data: OverviewData, s: OverviewStrings, palette: Palette): Section[] {
	const findings = data.findings.slice(0, chartLimit);
	return [
		countSection('products', s.products, data.products, data.tickets, s, palette, (product) => ({ kind: 'product', product })),
		countSection('categories', s.categories, data.categories, data.tickets, s, palette, (category) => ({ kind: 'category', category })),
		heatMapSection(data, s, palette),
		...(data.givenBySuggested?.length ? [givenBySuggestedSection(data.givenBySuggested, s, palette)] : []),
		{
			id: 'findingsPerRule',
			title: s.findingsPerRule,
			option: findings.length
				? barOption(
						findings.map((f) => f.code),
						findings.map((f) => f.count),
						{ ...palette, colors: [palette.colors[3]] },
						s.findings,
					)
				: undefined,
			height: barHeight(findings.length),
			table: { head: [s.rule, s.findings], rows: data.findings.map((f) => [f.code, f.count]) },
			select: (i) => (findings[i] ? { kind: 'rule', code: findings[i].code } : undefined),
		},
		fileFindingsSection(data, s, palette),
		duplicatesSection(data, s, palette),
		turnsSection(data, s, palette),
		unansweredSection(data, s, palette),
	];
}
