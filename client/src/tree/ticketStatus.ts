/**
 * The status bar item with the workspace's totals (tickets, leaks, errors, as the server counted
 * them for every dump) that opens the overview. Updated with each answer of the Tickets tree.
 */
import * as vscode from 'vscode';
import type { TicketTreeProvider } from './ticketTreeProvider';

export function registerTicketStatus(context: vscode.ExtensionContext, provider: TicketTreeProvider): vscode.StatusBarItem {
	const item = vscode.window.createStatusBarItem('ticketCurator.totals', vscode.StatusBarAlignment.Left, 50);
	item.name = vscode.l10n.t('Ticket Totals');
	item.command = 'ticketCurator.showOverview';
	const update = () => {
		if (!provider.total) {
			item.hide();
			return;
		}
		const { errors, leaks } = provider.totals;
		item.text = `$(comment-discussion) ${provider.total}  $(shield) ${leaks}  $(error) ${errors}`;
		item.tooltip = vscode.l10n.t('{0} tickets, {1} leaks, {2} errors in the workspace. Click for the overview.', provider.total, leaks, errors);
		item.show();
	};
	context.subscriptions.push(item, provider.onDidRefresh(update));
	update();
	return item;
}
