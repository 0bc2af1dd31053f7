/**
 * Validation: runs every rule and turns findings into LSP Diagnostics. Ticket-local findings are
 * cached with the ticket's parse (so an edit re-checks only the ticket it touched) and moved to
 * the ticket's place in the file. A rule that throws is silenced for that ticket (none of its
 * findings there are kept) and logged once per validation.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { TicketConfig } from '../config/ticketConfig';
import type { TicketDocument } from '../document/ticketDocument';
import type { ParsedTicket } from '../document/model';
import { shiftRange } from '../document/positions';
import { skippedFile } from './readability';
import { categoryRules } from './category';
import { diagnosticSource, type RuleCode } from './catalog';
import { dialogRules } from './dialog';
import { checkFileSteps, fileRuleInputs, type CategoryCounts } from './file';
import { ruleSeverity, type Finding, type TicketRule } from './finding';
import { labelRules } from './labelRules';
import { withoutKept } from '../labels/keptLabels';
import { leakRules } from './leakRules';
import { sectionRules } from './sections';
import { structureRules } from './structure';
import type { Cancellation } from '../document/types';
import type { Steps } from '../document/steps';

const ticketRules: readonly TicketRule[] = [structureRules, categoryRules, sectionRules, dialogRules, leakRules, labelRules];

export type Logger = (message: string) => void;

/** Rules that threw during one validation, logged once each at its end rather than once per ticket. */
type Failures = Map<string, { times: number; error: unknown }>;

/** About 10 ms of fresh parsing between two yields. */
const ticketsPerStep = 8;

export class Validator {
	/** Findings per parse, valid for one configuration generation. */
	private cache = new WeakMap<ParsedTicket, readonly Diagnostic[]>();
	/** The same findings where the ticket was last placed (a one-character edit moves no other ticket). */
	private placed = new WeakMap<ParsedTicket, { line: number; uri: string; diagnostics: readonly Diagnostic[] }>();
	/** The file rules' findings per document, with what they were computed from. */
	private fileMemo = new Map<string, { inputs: FileInputs; diagnostics: readonly Diagnostic[] }>();

	constructor(
		private config: TicketConfig,
		private readonly log: Logger,
	) {}

	configure(config: TicketConfig): void {
		this.config = config;
		this.cache = new WeakMap();
		this.placed = new WeakMap();
		this.fileMemo.clear();
	}

	/** Undefined when cancelled part-way. */
	validate(doc: TicketDocument, workspaceCategories: CategoryCounts | undefined, token?: Cancellation): Diagnostic[] | undefined {
		const steps = this.steps(doc, workspaceCategories);
		for (;;) {
			if (token?.isCancellationRequested) return undefined;
			const step = steps.next();
			if (step.done) return step.value;
		}
	}

	/**
	 * The same work in small steps: it yields every few tickets so that a host can answer other
	 * requests (and notice cancellation) while a huge dump is validated.
	 */
	*steps(doc: TicketDocument, workspaceCategories: CategoryCounts | undefined): Steps<Diagnostic[]> {
		// Too large, binary or not UTF-8: one finding says so, and nothing else is checked.
		const skipped = skippedFile(doc.text, this.config, doc.index.lineRange(0));
		if (skipped) return this.enabled(skipped.code) ? [this.toDiagnostic(skipped, 0, doc.uri)] : [];
		const out: Diagnostic[] = [];
		const failures: Failures = new Map();
		const parses: ParsedTicket[] = [];
		for (let i = 0; i < doc.chunks.length; i++) {
			if (i % ticketsPerStep === ticketsPerStep - 1) yield;
			const parsed = doc.parsed(i);
			parses.push(parsed);
			for (const d of this.placedDiagnostics(parsed, doc.chunks[i].startLine, doc.uri, failures)) out.push(d);
		}
		// File rules last: they read every ticket's parse, which the loop above has made.
		const inputs = fileInputs(doc, parses, workspaceCategories);
		const memo = this.fileMemo.get(doc.uri);
		if (memo && sameFileInputs(memo.inputs, inputs, this.config.labels.categorySeparator)) {
			out.push(...memo.diagnostics);
		} else {
			const fileFindings: Diagnostic[] = [];
			const fileRulesRan = yield* this.guardSteps(
				'file rules',
				failures,
				checkFileSteps(doc, this.config, workspaceCategories, (f) => this.enabled(f.code) && fileFindings.push(this.toDiagnostic(f, 0, doc.uri))),
			);
			if (fileRulesRan) out.push(...fileFindings);
			if (fileRulesRan) this.fileMemo.set(doc.uri, { inputs, diagnostics: fileFindings });
			else this.fileMemo.delete(doc.uri);
		}
		for (const [what, { times, error }] of failures) {
			this.log(
				`rule ${what} failed ${times} time(s) in ${doc.uri}; its findings there are dropped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
			);
		}
		return out;
	}

	/** A ticket's findings placed at `line` of the document `uri`: kept while the ticket does not move. */
	private placedDiagnostics(parsed: ParsedTicket, line: number, uri: string, failures: Failures): readonly Diagnostic[] {
		const known = this.placed.get(parsed);
		if (known && known.line === line && known.uri === uri) return known.diagnostics;
		const local = withoutKept(this.ticketDiagnostics(parsed, failures), this.config, uri);
		const diagnostics = local.map((d) => (line ? moveDiagnostic(d, line, uri) : withUri(d, uri)));
		this.placed.set(parsed, { line, uri, diagnostics });
		return diagnostics;
	}

	/** Drops what is kept for a closed document. */
	forget(uri: string): void {
		this.fileMemo.delete(uri);
	}

	/** A ticket's own findings, in its coordinates, with an empty uri in related information. */
	private ticketDiagnostics(parsed: ParsedTicket, failures: Failures): readonly Diagnostic[] {
		let cached = this.cache.get(parsed);
		if (!cached) {
			const found: Diagnostic[] = [];
			for (const rule of ticketRules) {
				if (!rule.codes.some((c) => this.enabled(c))) continue;
				// A rule that throws half-way keeps none of its findings: they may be wrong.
				const mine: Diagnostic[] = [];
				const ran = this.guard(rule.codes.join(','), failures, () =>
					rule.check(parsed, this.config, (f) => {
						if (this.enabled(f.code)) mine.push(this.toDiagnostic(f, 0, ''));
					}),
				);
				if (ran) found.push(...mine);
			}
			cached = found;
			this.cache.set(parsed, cached);
		}
		return cached;
	}

	private enabled(code: RuleCode): boolean {
		return this.config.rules[code] !== 'off';
	}

	private toDiagnostic(f: Finding, lines: number, uri: string): Diagnostic {
		const severity = ruleSeverity(f.code, this.config, f.defaultSeverity);
		return {
			range: shiftRange(f.range, lines),
			severity,
			code: f.code,
			source: diagnosticSource,
			message: f.message,
			relatedInformation: f.related?.map((r) => ({ location: { uri: r.uri ?? uri, range: shiftRange(r.range, r.uri ? 0 : lines) }, message: r.message })),
			data: f.data,
		};
	}

	/** Runs a rule; false (and the failure recorded) when it throws. */
	private guard(what: string, failures: Failures, run: () => void): boolean {
		try {
			run();
			return true;
		} catch (error) {
			this.failed(what, failures, error);
			return false;
		}
	}

	/** The same for work in steps: false once a step throws (the steps end there). */
	private *guardSteps(what: string, failures: Failures, steps: Steps<void>): Steps<boolean> {
		for (;;) {
			let step: IteratorResult<void, void>;
			try {
				step = steps.next();
			} catch (error) {
				this.failed(what, failures, error);
				return false;
			}
			if (step.done) return true;
			yield;
		}
	}

	private failed(what: string, failures: Failures, error: unknown): void {
		const known = failures.get(what);
		if (known) known.times++;
		else failures.set(what, { times: 1, error });
	}
}

function withUri(d: Diagnostic, uri: string): Diagnostic {
	if (!d.relatedInformation) return d;
	return { ...d, relatedInformation: d.relatedInformation.map((r) => (r.location.uri ? r : { ...r, location: { ...r.location, uri } })) };
}

function moveDiagnostic(d: Diagnostic, lines: number, uri: string): Diagnostic {
	return {
		...d,
		range: shiftRange(d.range, lines),
		relatedInformation: d.relatedInformation?.map((r) => (r.location.uri ? r : { ...r, location: { uri, range: shiftRange(r.location.range, lines) } })),
	};
}

/** What the file rules of one validation read: the file's header text, each ticket's parse and line, the workspace's counts. */
interface FileInputs {
	readonly header: string;
	readonly parses: readonly ParsedTicket[];
	readonly lines: readonly number[];
	readonly workspace: CategoryCounts | undefined;
}

function fileInputs(doc: TicketDocument, parses: readonly ParsedTicket[], workspace: CategoryCounts | undefined): FileInputs {
	const header = doc.text.slice(0, doc.chunks.length ? doc.chunks[0].startOffset : doc.text.length);
	return { header, parses, lines: doc.chunks.map((c) => c.startLine), workspace };
}

/**
 * Whether the file rules would find the same: same header, same workspace counts, every ticket at
 * the same line and, where its parse changed, the same title and category (fileRuleInputs).
 */
function sameFileInputs(a: FileInputs, b: FileInputs, separator: string): boolean {
	if (a.header !== b.header || a.workspace !== b.workspace || a.parses.length !== b.parses.length) return false;
	for (let i = 0; i < a.parses.length; i++) {
		if (a.lines[i] !== b.lines[i]) return false;
		if (a.parses[i] !== b.parses[i] && fileRuleInputs(a.parses[i], separator) !== fileRuleInputs(b.parses[i], separator)) return false;
	}
	return true;
}
