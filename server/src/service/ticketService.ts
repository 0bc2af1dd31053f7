/**
 * The ticket language service: the one factory that everything (the LSP server, the CLI, the
 * tests) goes through. Text in, plain LSP types out.
 */
import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, FoldingRange, Position, TextEdit } from 'vscode-languageserver-types';
import { codeActions, fixAllEdits, type CodeActionRequest } from './fixes/codeActions';
import { completions, newDumpCompletions } from './editing/completion';
import { ticketSnippets, type SnippetName, type TicketSnippet } from './editing/snippets';
import { defaultConfig, type TicketConfig } from './config/ticketConfig';
import { isTicketDump } from './document/detect';
import { textProblem } from './rules/readability';
import { TicketParser, type TicketDocument } from './document/ticketDocument';
import { foldingRanges } from './outline/folding';
import { maskLeaks, type MaskedLeaks } from './leaks/maskAllLeaks';
import type { CategoryCounts } from './rules/file';
import { digestTickets, digestTicketsSteps, type TicketDigest } from './document/ticketDigest';
import type { Steps } from './document/steps';
import { documentSymbols } from './outline/documentSymbols';
import type { Cancellation, TicketTextDocument } from './document/types';
import { Validator, type Logger } from './rules/validate';

interface TicketWorkspace {
	/** How often each category occurs across the workspace; undefined when not known (then the file's own counts are used). */
	categoryCounts(): CategoryCounts | undefined;
}

interface TicketServiceOptions {
	readonly config?: TicketConfig;
	/** Where failures inside a rule are reported (they never reach the caller). */
	readonly log?: Logger;
	readonly workspace?: TicketWorkspace;
}

export interface TicketService {
	readonly config: TicketConfig;
	configure(config: TicketConfig): void;
	/** Whether a text is a ticket dump (by content); the host decides which paths are candidates. */
	isTicketDump(text: string): boolean;
	/** Whether a text is binary or not UTF-8 (decoded with U+FFFD): a candidate file that is gets one `file-encoding` diagnostic. */
	isUnreadable(text: string): boolean;
	parse(document: TicketTextDocument): TicketDocument;
	/** Undefined when cancelled. */
	validate(document: TicketTextDocument, token?: Cancellation): Diagnostic[] | undefined;
	/** The same validation as steps, for a host that interleaves it with other work; returns the diagnostics when done. */
	validateSteps(document: TicketTextDocument): Steps<Diagnostic[]>;
	documentSymbols(document: TicketTextDocument, token?: Cancellation): DocumentSymbol[];
	foldingRanges(document: TicketTextDocument): FoldingRange[];
	/** Categories, root causes, missing sections, speaker labels and snippets, by where `position` is; `snippetSupport: false` when the client inserts text only. */
	complete(document: TicketTextDocument, position: Position, options?: { snippetSupport?: boolean }): CompletionItem[];
	/** Completions in a document that is no dump: the dump and ticket snippets, in an empty one only. */
	completeNewDump(document: TicketTextDocument, position: Position, options?: { snippetSupport?: boolean }): CompletionItem[];
	/** A snippet by name, with the configured labels (the New Ticket commands' templates). */
	snippet(name: SnippetName): TicketSnippet;
	/** Every ticket of a dump's text, read by lines without the Markdown parse (for the workspace index). */
	digest(text: string): TicketDigest[];
	/** The same in steps, for a host that interleaves it with other work. */
	digestSteps(text: string): Steps<TicketDigest[]>;
	/**
	 * Quick fixes for the diagnostics under `request.range` (the service validates the current text
	 * itself), and `source.fixAll.tickets` when asked for. `extra` are diagnostics the host adds
	 * from outside the file (cross-file duplicates).
	 */
	codeActions(document: TicketTextDocument, request: CodeActionRequest & { readonly extra?: readonly Diagnostic[] }): CodeAction[];
	/** The edits of every safe fix (never masking), without overlaps. */
	fixAll(document: TicketTextDocument): TextEdit[];
	/** The edits that mask every leak of a dump's text, and how many of each code (no Markdown parse: fast on a whole workspace). */
	maskAllLeaks(text: string): MaskedLeaks;
	/** Drops what is kept for a closed document. */
	forget(uri: string): void;
	/** Drops every kept ticket parse: a batch run reads each ticket once, and an editing session would not. */
	clearParses(): void;
}

export function createTicketService(options: TicketServiceOptions = {}): TicketService {
	let config = options.config ?? defaultConfig;
	const log = options.log ?? (() => undefined);
	const parser = new TicketParser(config.labels);
	// The Outline of a version, asked for again (a 20 MB dump's is 60,000 symbols): kept with its parse.
	const outlines = new WeakMap<TicketDocument, { config: TicketConfig; symbols: DocumentSymbol[] }>();
	const validator = new Validator(config, log);
	return {
		get config() {
			return config;
		},
		configure(next) {
			config = next;
			parser.setLabels(next.labels);
			validator.configure(next);
		},
		isTicketDump: (text) => isTicketDump(text, config.labels),
		isUnreadable: (text) => textProblem(text) !== undefined,
		parse: (document) => parser.parse(document),
		validate: (document, token) => validator.validate(parser.parse(document), options.workspace?.categoryCounts(), token),
		validateSteps: (document) => validator.steps(parser.parse(document), options.workspace?.categoryCounts()),
		documentSymbols: (document, token) => {
			const parsed = parser.parse(document);
			const known = outlines.get(parsed);
			if (known?.config === config) return known.symbols;
			const symbols = documentSymbols(parsed, config.labels.categorySeparator, config.limits.outlineSectionsMaxTickets, token);
			if (!token?.isCancellationRequested) outlines.set(parsed, { config, symbols });
			return symbols;
		},
		foldingRanges: (document) => foldingRanges(parser.parse(document)),
		complete: (document, position, how) =>
			completions(parser.parse(document), position, { config, categoryCounts: options.workspace?.categoryCounts(), snippetSupport: how?.snippetSupport }),
		completeNewDump: (document, position, how) => newDumpCompletions(document.getText(), position, { config, snippetSupport: how?.snippetSupport }),
		snippet: (name) => ticketSnippets(config.labels)[name],
		digest: (text) => digestTickets(text, config.labels),
		digestSteps: (text) => digestTicketsSteps(text, config.labels),
		codeActions(document, request) {
			const doc = parser.parse(document);
			const diagnostics = [...(validator.validate(doc, options.workspace?.categoryCounts()) ?? []), ...(request.extra ?? [])];
			return codeActions(document.uri, request, { doc, config, diagnostics });
		},
		fixAll(document) {
			const doc = parser.parse(document);
			return fixAllEdits({ doc, config, diagnostics: validator.validate(doc, options.workspace?.categoryCounts()) ?? [] });
		},
		maskAllLeaks: (text) => maskLeaks(text, config),
		forget: (uri) => {
			parser.forget(uri);
			validator.forget(uri);
		},
		clearParses: () => parser.clear(),
	};
}
