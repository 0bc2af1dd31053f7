/**
 * A ticket dump as the features see it: the line scan's chunks, the header, and each ticket
 * parsed on its own. Parses are cached by the ticket's text, so an edit re-parses only the
 * ticket it touched; placing a parse in the file only moves its line numbers.
 */
import type { Range } from 'vscode-languageserver-types';
import { detached } from './detached';
import { readHeader } from './header';
import type { TicketLabels } from '../config/labels';
import type { FileHeader, ParsedTicket, Ticket } from './model';
import { parseTicket } from './parseTicket';
import { outlineTicket, type TicketOutline } from './lineOutline';
import { LineIndex, shiftRange } from './positions';
import { chunkAtLine, rescanFile, scanFile, type ScannedFile, type TicketChunk } from './scan';
import { textChange } from './textChange';
import type { TicketTextDocument } from './types';

export interface TicketDocument {
	readonly uri: string;
	readonly version: number;
	readonly text: string;
	readonly index: LineIndex;
	readonly header: FileHeader;
	readonly chunks: readonly TicketChunk[];
	/** Ticket i's parse in its own coordinates (line 0 = its title line). */
	parsed(i: number): ParsedTicket;
	/** Ticket i's line outline in its own coordinates: no Markdown parse (the Outline and folding of huge dumps). */
	outline(i: number): TicketOutline;
	/** Ticket i placed in the file. */
	ticket(i: number): Ticket;
	/** All tickets placed in the file. */
	tickets(): readonly Ticket[];
	/** The ticket whose lines hold `line`, if any. */
	ticketAtLine(line: number): number | undefined;
}

/** Bounded so that a session of edits on big files does not grow without end. */
const maxCachedTickets = 200_000;

export class TicketParser {
	private readonly byText = new Map<string, ParsedTicket>();
	private readonly placed = new WeakMap<ParsedTicket, Ticket>();
	private labels: TicketLabels;
	private lastDocuments = new Map<string, BuiltDocument>();

	constructor(labels: TicketLabels) {
		this.labels = labels;
	}

	/** New labels change every parse: start over. */
	setLabels(labels: TicketLabels): void {
		if (labels === this.labels) return;
		this.labels = labels;
		this.clear();
	}

	get cachedTickets(): number {
		return this.byText.size;
	}

	parseTicketText(text: string): ParsedTicket {
		let parsed = this.byText.get(text);
		if (!parsed) {
			parsed = parseTicket(detached(text), this.labels);
			if (this.byText.size >= maxCachedTickets) this.byText.delete(this.byText.keys().next().value!);
			this.byText.set(parsed.text, parsed);
		}
		return parsed;
	}

	parse(document: TicketTextDocument): TicketDocument {
		const last = this.lastDocuments.get(document.uri);
		if (last && last.version === document.version && last.text === document.getText()) return last;
		const parsed = this.build(document);
		this.lastDocuments.set(document.uri, parsed);
		return parsed;
	}

	/**
	 * Drops a document that is closed or done with, and the parses of its tickets: checking every
	 * closed dump of a 1,000-dump workspace would otherwise keep 114k parses (half a gigabyte).
	 */
	forget(uri: string): void {
		const last = this.lastDocuments.get(uri);
		this.lastDocuments.delete(uri);
		if (!last) return;
		last.parses.forEach((parsed) => {
			if (parsed && this.byText.get(parsed.text) === parsed) this.byText.delete(parsed.text);
		});
	}

	/** Drops every kept parse (the findings cached with them go too: they are keyed by the parse). */
	clear(): void {
		this.byText.clear();
		this.lastDocuments.clear();
	}

	private build(document: TicketTextDocument): BuiltDocument {
		const text = document.getText();
		const previous = this.lastDocuments.get(document.uri);
		// After an edit, only the lines it touched are indexed and scanned again.
		let scan: ScannedFile;
		let kept = { front: 0, back: 0 };
		if (previous) {
			const change = textChange(previous.text, text);
			const rescanned = rescanFile(previous.scan, text, LineIndex.afterChange(previous.index, text, change), change);
			scan = rescanned;
			kept = rescanned.kept;
		} else {
			scan = scanFile(text);
		}
		const index = scan.index;
		const header = readHeader(index, scan.headerEndLine, this.labels);
		const chunks = scan.chunks;
		const { parses, outlines } = reuseUnchanged(previous, chunks, kept);
		const parsed = (i: number) => (parses[i] ??= this.parseTicketText(chunks[i].text));
		const labels = this.labels;
		const ticket = (i: number) => this.place(parsed(i), i, chunks[i]);
		let all: Ticket[] | undefined;
		return {
			uri: document.uri,
			version: document.version,
			text,
			index,
			header,
			chunks,
			scan,
			parses,
			parsed,
			outlines,
			outline: (i) => (outlines[i] ??= outlineTicket(detached(chunks[i].text), labels)),
			ticket,
			tickets: () => (all ??= chunks.map((_, i) => ticket(i))),
			ticketAtLine: (line) => chunkAtLine(chunks, line),
		};
	}

	private place(parsed: ParsedTicket, ordinal: number, chunk: TicketChunk): Ticket {
		const known = this.placed.get(parsed);
		if (known && known.startLine === chunk.startLine && known.ordinal === ordinal) return known;
		const ticket = placeTicket(parsed, ordinal, chunk);
		this.placed.set(parsed, ticket);
		return ticket;
	}
}

/** A document with the parses it has made so far, which its next version may reuse. */
interface BuiltDocument extends TicketDocument {
	readonly scan: ScannedFile;
	readonly parses: (ParsedTicket | undefined)[];
	readonly outlines: (TicketOutline | undefined)[];
}

/**
 * The parses and outlines of tickets that an edit left unchanged, taken from the document's previous version:
 * comparing chunk texts from both ends is much cheaper than hashing every ticket of a 20 MB file
 * for the cache lookup. Tickets in between are looked up in the cache as usual.
 */
function reuseUnchanged(previous: BuiltDocument | undefined, chunks: readonly TicketChunk[], kept: { front: number; back: number }) {
	const parses: (ParsedTicket | undefined)[] = new Array(chunks.length);
	const outlines: (TicketOutline | undefined)[] = new Array(chunks.length);
	if (!previous) return { parses, outlines };
	const old = previous.chunks;
	const keep = (i: number, j: number) => {
		parses[i] = previous.parses[j];
		outlines[i] = previous.outlines[j];
	};
	// The rescan knows the chunks at both ends that the edit did not reach; compare only those between.
	for (let i = 0; i < kept.front; i++) keep(i, i);
	let front = kept.front;
	while (front < old.length && front < chunks.length && old[front].text === chunks[front].text) {
		keep(front, front);
		front++;
	}
	let back = Math.min(kept.back, old.length - front, chunks.length - front);
	for (let i = 0; i < back; i++) keep(chunks.length - 1 - i, old.length - 1 - i);
	while (back < old.length - front && back < chunks.length - front && old[old.length - 1 - back].text === chunks[chunks.length - 1 - back].text) {
		keep(chunks.length - 1 - back, old.length - 1 - back);
		back++;
	}
	return { parses, outlines };
}

/** Moves every range of a parse by the ticket's first line. */
export function placeTicket(parsed: ParsedTicket, ordinal: number, chunk: TicketChunk): Ticket {
	const shifted = shiftDeep(parsed, chunk.startLine) as ParsedTicket;
	const range: Range = shiftRange(
		{ start: { line: 0, character: 0 }, end: { line: parsed.lastContentLine, character: parsed.lastContentCharacter } },
		chunk.startLine,
	);
	// lastContentLine moves into the file's coordinates like every range.
	return { ...shifted, ordinal, startLine: chunk.startLine, endLine: chunk.endLine, range, lastContentLine: parsed.lastContentLine + chunk.startLine };
}

function isRange(value: unknown): value is Range {
	const r = value as Range;
	return typeof r === 'object' && r !== null && typeof r.start === 'object' && typeof r.end === 'object' && typeof r.start?.line === 'number';
}

function shiftDeep(value: unknown, lines: number): unknown {
	if (typeof value !== 'object' || value === null) return value;
	// Plain loops: this runs over every node of every parse (a tenth of an export's parse time with Object.entries).
	if (Array.isArray(value)) {
		const out = new Array<unknown>(value.length);
		for (let i = 0; i < value.length; i++) out[i] = shiftDeep(value[i], lines);
		return out;
	}
	if (isRange(value)) return shiftRange(value, lines);
	const out: Record<string, unknown> = {};
	for (const k of Object.keys(value)) out[k] = shiftDeep((value as Record<string, unknown>)[k], lines);
	return out;
}
