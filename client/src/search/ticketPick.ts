/**
 * A quick pick of tickets (from `tickets/similar`) that previews the active row in the editor and
 * puts the editor back where it was if the pick is dismissed. Enter opens the ticket; the row's
 * button opens it to the side. Rendering only: the server ranks and the rows show its answer.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { SimilarTicket } from '../../../common/protocol';

export interface TicketPickItem extends vscode.QuickPickItem {
	readonly ticket: SimilarTicket;
}

function openToSide(): vscode.QuickInputButton {
	return { iconPath: new vscode.ThemeIcon('split-horizontal'), tooltip: vscode.l10n.t('Open to the Side') };
}

function toItem(ticket: SimilarTicket): TicketPickItem {
	const line = ticket.titleRange.start.line + 1;
	const file = vscode.workspace.asRelativePath(vscode.Uri.parse(ticket.uri), false);
	const terms = ticket.matchedTerms.length ? vscode.l10n.t('Matched: {0}', ticket.matchedTerms.join(' · ')) : '';
	return {
		ticket,
		label: ticket.title || vscode.l10n.t('(untitled ticket)'),
		description: [ticket.category, vscode.l10n.t('score {0}', ticket.score.toFixed(1))].filter(Boolean).join('  ·  '),
		detail: [terms, `${file}:${line}`].filter(Boolean).join('   '),
		// The server has matched these; the pick must not filter them again by their label.
		alwaysShow: true,
		buttons: [openToSide()],
	};
}

/** Where the user was, to go back there when the pick is dismissed. */
interface Place {
	readonly editor: vscode.TextEditor;
	readonly selections: readonly vscode.Selection[];
	readonly visible: vscode.Range | undefined;
}

export class TicketPick implements vscode.Disposable {
	readonly quickPick = vscode.window.createQuickPick<TicketPickItem>();
	private readonly itemsSet = new vscode.EventEmitter<readonly TicketPickItem[]>();
	/** Fires when the server's answer is shown (tests wait on it). */
	readonly onDidSetItems = this.itemsSet.event;
	private readonly place: Place | undefined;
	private readonly disposables: vscode.Disposable[] = [];
	private accepted = false;
	private previewing = false;

	constructor(
		private readonly client: LanguageClient,
		options: { title: string; placeholder: string },
	) {
		const editor = vscode.window.activeTextEditor;
		this.place = editor ? { editor, selections: editor.selections, visible: editor.visibleRanges[0] } : undefined;
		const qp = this.quickPick;
		qp.title = options.title;
		qp.placeholder = options.placeholder;
		qp.matchOnDescription = false;
		qp.matchOnDetail = false;
		this.disposables.push(
			qp.onDidChangeActive(([item]) => item && void this.preview(item.ticket)),
			qp.onDidAccept(() => {
				// Enter before the list reported its active row takes the first row, which is the one shown highlighted.
				const [item] = qp.selectedItems.length ? qp.selectedItems : qp.activeItems.length ? qp.activeItems : qp.items;
				if (!item) return;
				this.accepted = true;
				qp.hide();
				void this.open(item.ticket, this.place?.editor.viewColumn);
			}),
			qp.onDidTriggerItemButton(({ item }) => {
				this.accepted = true;
				qp.hide();
				void this.open(item.ticket, vscode.ViewColumn.Beside);
			}),
			qp.onDidHide(() => {
				if (!this.accepted) void this.restore();
				// After the other listeners of this event: disposing the pick now would silence them.
				queueMicrotask(() => this.dispose());
			}),
		);
	}

	show(): void {
		this.quickPick.show();
	}

	setTickets(tickets: readonly SimilarTicket[]): readonly TicketPickItem[] {
		const items = tickets.map(toItem);
		this.quickPick.items = items;
		this.itemsSet.fire(items);
		return items;
	}

	dispose(): void {
		for (const d of this.disposables.splice(0)) d.dispose();
		this.itemsSet.dispose();
		this.quickPick.dispose();
	}

	/** Shows the ticket in the editor the pick was opened from, keeping the focus in the pick. */
	private async preview(ticket: SimilarTicket): Promise<void> {
		if (this.accepted) return;
		this.previewing = true;
		try {
			const range = this.client.protocol2CodeConverter.asRange(ticket.titleRange);
			const editor = await vscode.window.showTextDocument(vscode.Uri.parse(ticket.uri), {
				viewColumn: this.place?.editor.viewColumn,
				preserveFocus: true,
				preview: true,
				selection: range,
			});
			editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
		} catch {
			// The file went away since it was indexed: the row stays, nothing to show.
		}
	}

	private async open(ticket: SimilarTicket, viewColumn: vscode.ViewColumn | undefined): Promise<void> {
		const range = this.client.protocol2CodeConverter.asRange(ticket.titleRange);
		const editor = await vscode.window.showTextDocument(vscode.Uri.parse(ticket.uri), { viewColumn, preview: false, selection: range });
		editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
	}

	/** Dismissed: back to the document, selection and scroll position the pick was opened from. */
	private async restore(): Promise<void> {
		if (!this.previewing || !this.place) return;
		const { editor, selections, visible } = this.place;
		// Putting the user back is best effort: the document may have been closed while the pick was open.
		if (editor.document.isClosed) return;
		try {
			const restored = await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preview: false, selection: selections[0] });
			restored.selections = [...selections];
			if (visible) restored.revealRange(visible, vscode.TextEditorRevealType.AtTop);
		} catch {
			// The editor could not be reopened (its group is gone): leave the user where the preview left them.
		}
	}
}
