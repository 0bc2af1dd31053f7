/**
 * Plain types shared by every feature of the ticket language service.
 * Editor-agnostic: nothing here knows about VS Code or a connection.
 */
import type { Range } from 'vscode-languageserver-types';

/** The minimal view of a text document the service needs (as vscode-markdown-languageservice's ITextDocument). */
export interface TicketTextDocument {
	readonly uri: string;
	readonly version: number;
	getText(): string;
}

/** Anything with a cancellation flag (an LSP CancellationToken fits). */
export interface Cancellation {
	readonly isCancellationRequested: boolean;
}

/** A piece of source text and where it is. */
export interface Located {
	readonly text: string;
	readonly range: Range;
}
