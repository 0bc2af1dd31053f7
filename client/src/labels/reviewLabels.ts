/**
 * *Tickets: Review Labels*: the server's label suspects (tickets/labelReview), most certain first,
 * one at a time: the ticket opens at its label and a quick pick beside it shows what the server
 * found (the evidence looked for, the suggested labels, the tickets whose labels voted) with the
 * choices: accept a suggestion, keep the label, skip, open. Accepting and keeping apply the server's
 * own quick fixes for the finding; the client reads no ticket itself.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LabelReviewRequest, type LabelReviewLearning, type LabelReviewRow } from '../../../common/protocol';

const contextKey = 'ticketCurator.reviewingLabels';
const codes = { rootCause: 'root-cause-unsupported', product: 'category-unsupported' } as const;

type Choice =
	| { readonly action: 'accept'; readonly suggestion: number }
	| { readonly action: 'keep' | 'skip' | 'open' }
	| { readonly action: 'neighbour'; readonly neighbour: number };

interface ChoiceItem extends vscode.QuickPickItem {
	readonly choice?: Choice;
}

/** What the e2e tests read of a review in progress. */
export interface LabelReviewApi {
	/** The suspect shown now, undefined when no review is open. */
	current(): LabelReviewRow | undefined;
	/** Fires when a suspect is shown, and with undefined when the review ends. */
	readonly onDidShow: vscode.Event<LabelReviewRow | undefined>;
}

export function registerLabelReview(context: vscode.ExtensionContext, client: LanguageClient): LabelReviewApi {
	const shown = new vscode.EventEmitter<LabelReviewRow | undefined>();
	let session: Session | undefined;
	const end = () => {
		const ending = session;
		session = undefined;
		ending?.pick.dispose();
		void vscode.commands.executeCommand('setContext', contextKey, false);
		shown.fire(undefined);
	};
	const choose = async (choice: Choice) => {
		if (session) await session.choose(choice);
	};
	context.subscriptions.push(
		shown,
		vscode.commands.registerCommand('ticketCurator.reviewLabels', async () => {
			end();
			const { rows, learning } = await client.sendRequest(LabelReviewRequest, {});
			if (!rows.length) {
				void vscode.window.showInformationMessage([vscode.l10n.t('No label suspects in the workspace.'), ...learning.map(learningText)].join(' '));
				return undefined;
			}
			session = new Session(
				rows,
				learning,
				(row) => shown.fire(row),
				(ended) => ended === session && end(),
			);
			await session.show();
			return session.row;
		}),
		vscode.commands.registerCommand('ticketCurator.reviewLabels.accept', (suggestion = 0) => choose({ action: 'accept', suggestion: Number(suggestion) })),
		vscode.commands.registerCommand('ticketCurator.reviewLabels.keep', () => choose({ action: 'keep' })),
		vscode.commands.registerCommand('ticketCurator.reviewLabels.skip', () => choose({ action: 'skip' })),
		vscode.commands.registerCommand('ticketCurator.reviewLabels.open', () => choose({ action: 'open' })),
		{ dispose: end },
	);
	return { current: () => session?.row, onDidShow: shown.event };
}

class Session {
	readonly pick = vscode.window.createQuickPick<ChoiceItem>();
	private index = 0;

	constructor(
		private readonly rows: readonly LabelReviewRow[],
		private readonly learning: readonly LabelReviewLearning[],
		private readonly onShow: (row: LabelReviewRow) => void,
		private readonly ended: (session: Session) => void,
	) {
		this.pick.ignoreFocusOut = true;
		this.pick.matchOnDescription = true;
		this.pick.onDidAccept(() => {
			const choice = this.pick.selectedItems[0]?.choice;
			if (choice) void this.choose(choice);
		});
		this.pick.onDidHide(() => this.ended(this));
	}

	get row(): LabelReviewRow {
		return this.rows[this.index];
	}

	async show(): Promise<void> {
		const row = this.row;
		const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(row.uri));
		const line = document.lineAt(Math.min(row.labelLine, document.lineCount - 1)).range;
		await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, selection: line, preserveFocus: true, preview: false });
		const kind = row.kind === 'rootCause' ? vscode.l10n.t('Root cause') : vscode.l10n.t('Product');
		this.pick.title = vscode.l10n.t('Review Labels ({0} of {1}): {2} `{3}` of “{4}”', this.index + 1, this.rows.length, kind, row.label, row.title);
		this.pick.placeholder = describe(row, this.learning);
		this.pick.items = items(row);
		this.pick.show();
		await vscode.commands.executeCommand('setContext', contextKey, true);
		this.onShow(row);
	}

	async choose(choice: Choice): Promise<void> {
		const row = this.row;
		if (choice.action === 'neighbour') {
			const n = row.neighbours[choice.neighbour];
			const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(n.uri));
			const at = new vscode.Range(n.line, 0, n.line, 0);
			await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, selection: at, preserveFocus: true, preview: true });
			return;
		}
		if (choice.action === 'open') {
			this.ended(this);
			const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(row.uri));
			const at = document.lineAt(row.labelLine).range;
			await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, selection: at });
			return;
		}
		if (choice.action === 'accept' && !(await this.accept(row, choice.suggestion))) return;
		if (choice.action === 'keep' && !(await this.keep(row))) return;
		if (++this.index >= this.rows.length) {
			void vscode.window.showInformationMessage(vscode.l10n.t('Every label suspect has been reviewed.'));
			this.ended(this);
			return;
		}
		await this.show();
	}

	/** The server's quick fixes for the suspect's finding (none for a suspect of confident learning alone). */
	private async fixes(row: LabelReviewRow): Promise<{ uri: vscode.Uri; actions: vscode.CodeAction[] }> {
		const uri = vscode.Uri.parse(row.uri);
		const finding = vscode.languages
			.getDiagnostics(uri)
			.find((d) => d.range.start.line === row.labelLine && String(typeof d.code === 'object' ? d.code.value : d.code) === codes[row.kind]);
		if (!finding) return { uri, actions: [] };
		const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
			'vscode.executeCodeActionProvider',
			uri,
			finding.range,
			vscode.CodeActionKind.QuickFix.value,
		);
		return { uri, actions };
	}

	private async accept(row: LabelReviewRow, n: number): Promise<boolean> {
		const suggestion = row.suggestions[n];
		if (!suggestion) return false;
		const { uri, actions } = await this.fixes(row);
		const action = actions.find((a) => a.edit?.get(uri).some((e) => e.newText === suggestion.label && e.range.start.line === row.labelLine));
		if (!action?.edit) {
			void vscode.window.showWarningMessage(vscode.l10n.t('The label changed since the review began: run Review Labels again.'));
			return false;
		}
		return vscode.workspace.applyEdit(action.edit);
	}

	private async keep(row: LabelReviewRow): Promise<boolean> {
		const { uri, actions } = await this.fixes(row);
		// "Keep" edits the configuration file, never the dump.
		const action = actions.find((a) => a.edit && a.edit.entries().length > 0 && a.edit.entries().every(([u]) => u.toString() !== uri.toString()));
		if (!action?.edit || !(await vscode.workspace.applyEdit(action.edit))) {
			void vscode.window.showWarningMessage(vscode.l10n.t('The label could not be kept: open a workspace folder or a configuration file.'));
			return false;
		}
		for (const [target] of action.edit.entries()) await (await vscode.workspace.openTextDocument(target)).save();
		return true;
	}
}

function items(row: LabelReviewRow): ChoiceItem[] {
	const out: ChoiceItem[] = row.suggestions.map((s, i) => ({
		label: `$(check) ${vscode.l10n.t('Accept `{0}`', s.label)}`,
		description: [vscode.l10n.t('confidence {0}', s.confidence.toFixed(2)), i < 3 ? `Alt+${i + 1}` : ''].filter(Boolean).join(' · '),
		detail: s.terms.length ? vscode.l10n.t('Evidence found: {0}', s.terms.join(', ')) : undefined,
		choice: { action: 'accept', suggestion: i },
	}));
	out.push(
		{ label: `$(pass) ${vscode.l10n.t('Keep `{0}`', row.label)}`, description: 'Alt+K', choice: { action: 'keep' } },
		{ label: `$(debug-step-over) ${vscode.l10n.t('Skip')}`, description: 'Alt+S', choice: { action: 'skip' } },
		{ label: `$(go-to-file) ${vscode.l10n.t('Open the ticket')}`, description: 'Alt+O', choice: { action: 'open' } },
	);
	if (row.neighbours.length) {
		out.push({ label: vscode.l10n.t('Similar tickets whose labels voted'), kind: vscode.QuickPickItemKind.Separator });
		row.neighbours.forEach((n, i) =>
			out.push({
				label: `$(references) ${n.label}`,
				description: vscode.l10n.t('similarity {0}', n.similarity.toFixed(2)),
				detail: n.title,
				choice: { action: 'neighbour', neighbour: i },
			}),
		);
	}
	return out;
}

function describe(row: LabelReviewRow, learning: readonly LabelReviewLearning[]): string {
	const parts: string[] = [];
	if (row.lookedFor.length) parts.push(vscode.l10n.t('No evidence: looked for {0}.', row.lookedFor.slice(0, 8).join(', ')));
	if (row.probability !== undefined)
		parts.push(vscode.l10n.t('Similar tickets give it {0} (its labels average {1}).', row.probability.toFixed(2), row.threshold?.toFixed(2) ?? '–'));
	if (row.learned) parts.push(vscode.l10n.t('They suggest `{0}` ({1}).', row.learned.label, row.learned.probability.toFixed(2)));
	const state = learning.find((l) => l.kind === row.kind);
	if (state && !state.flags) parts.push(learningText(state));
	return parts.join(' ');
}

function learningText(state: LabelReviewLearning): string {
	if (!state.ranks) return vscode.l10n.t('Statistical suggestions are off: {0} labelled tickets, they need {1}.', state.labelled, state.minimumToRank);
	if (!state.flags)
		return vscode.l10n.t('Statistical suspects of their own are off below {0} labelled tickets ({1} here).', state.minimumTickets, state.labelled);
	return '';
}
