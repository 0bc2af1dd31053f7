/** The public surface of the ticket language service. */
export { completionTriggerCharacters } from './completion';
export { createTicketService, type TicketService, type TicketServiceOptions, type TicketWorkspace } from './service';
export { defaultConfig, defaultDuplicateThreshold, defaultMaxFileSizeMB, defaultOutlineSectionsMaxTickets, defaultRootCauses, resolveConfig, type PartialTicketConfig, type RuleSetting, type SeverityName, type TicketConfig } from './config';
export { chineseLabels, type TicketLabels } from './labels';
export { ruleCodes, rules, ruleInfo, diagnosticSource, type RuleCode } from './rules/catalog';
export type { TicketDocument } from './document';
export type * from './model';
export type { TicketTextDocument, Cancellation } from './types';
export { LiveSummaries, summarizeTicketAt, type TicketDigest, type TicketFields } from './summarize';
export { SearchIndex, defaultRankingParams, fieldNames, type RankingParams, type SearchHit, type SearchOptions, type Query } from './searchIndex';
export { detached } from './detached';
export { runSteps, type Steps } from './steps';
export { copyPrint, hash53, isCopy, type CopyPrint } from './copies';
export { tokenize, forEachTerm, TermKind } from './tokenize';
export { matchTitles, titleQuery, titleScore } from './titleMatch';
export { DuplicateIndex, ticketPrint, findDuplicates, type TicketPrint, type DuplicateMatch } from './duplicates';
export { duplicateDiagnostics, firstCopy, type TicketRef, type DuplicateOf } from './duplicateFindings';
export { fixAllKind, type CodeActionRequest } from './codeActions';
