/**
 * `--format sarif`: SARIF 2.1.0 for code-scanning tools. One rule entry per code of the catalog
 * (its description and default level), one result per finding, with artifact locations
 * relative to the folder the command ran in.
 */
import { ruleDescription, rules, type SeverityName } from '../../service/index';
import type { FileFindings } from './fileFindings';
import { severityName } from './fileFindings';

const level: Record<SeverityName, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

interface SarifTool {
	readonly version: string;
	/** The folder paths are relative to, as a file: URI ending in `/`. */
	readonly rootUri: string;
}

export function formatSarif(files: readonly FileFindings[], tool: SarifTool): string {
	const ruleIndex = new Map<string, number>(rules.map((r, i) => [r.code, i]));
	const log = {
		$schema: 'https://json.schemastore.org/sarif-2.1.0.json',
		version: '2.1.0',
		runs: [
			{
				tool: {
					driver: {
						name: 'tickets',
						fullName: 'Ticket Curator',
						version: tool.version,
						semanticVersion: tool.version,
						rules: rules.map((r) => ({
							id: r.code,
							name: r.code,
							shortDescription: { text: ruleDescription(r) },
							fullDescription: { text: ruleDescription(r) },
							defaultConfiguration: { level: level[r.severity] },
						})),
					},
				},
				originalUriBaseIds: { ROOT: { uri: tool.rootUri } },
				columnKind: 'utf16CodeUnits',
				results: files.flatMap((f) =>
					f.diagnostics.map((d) => {
						const code = String(d.code ?? '');
						const index = ruleIndex.get(code);
						return {
							ruleId: code,
							...(index === undefined ? {} : { ruleIndex: index }),
							level: level[severityName(d)],
							message: { text: d.message },
							locations: [
								{
									physicalLocation: {
										artifactLocation: { uri: encodeURI(f.name), uriBaseId: 'ROOT' },
										region: {
											startLine: d.range.start.line + 1,
											startColumn: d.range.start.character + 1,
											endLine: d.range.end.line + 1,
											endColumn: d.range.end.character + 1,
										},
									},
								},
							],
						};
					}),
				),
			},
		],
	};
	return `${JSON.stringify(log, null, 2)}\n`;
}
