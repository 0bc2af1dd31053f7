/**
 * The custom requests and notifications between the client and the server, declared once.
 * The client imports this file; it never copies it. Standard LSP needs none of these: any
 * LSP client gets diagnostics, symbols and folding without them.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { Range } from 'vscode-languageserver-types';

/** One ticket as the tree view and the quick picks show it. */
export interface TicketSummary {
	readonly uri: string;
	/** Position of the ticket in its file, from 0. */
	readonly ordinal: number;
	readonly title: string;
	readonly product?: string;
	readonly subcategory?: string;
	readonly rootCause?: string;
	/** The title's range, which opening the ticket selects. */
	readonly titleRange: Range;
	/** From the title line to the ticket's last line. */
	readonly range: Range;
	/** The first lines of 问题描述, for tooltips. */
	readonly description: string;
}
