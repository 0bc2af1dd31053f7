/** The public surface of the ticket language service. */
export { completionTriggerCharacters } from './editing/completion';
export { createTicketService, type TicketService } from './ticketService';
export {
	defaultConfig,
	defaultDuplicateThreshold,
	defaultMaxFileSizeMB,
	defaultOutlineSectionsMaxTickets,
	defaultRootCauses,
	resolveConfig,
	type KeptLabel,
	type PartialTicketConfig,
	type TicketConfig,
} from './config/ticketConfig';
export { defaultProductEvidence, defaultRootCauseEvidence, catchAllRootCause, type EvidenceSetting, type EvidenceTable } from './labels/evidence';
export { labelSuspects, type LabelKind, type LabelSuggestion, type LabelSuspect } from './labels/labelSuspects';
export {
	confidentLearning,
	confidentLearningDefaults,
	type ConfidentLearning,
	type ConfidentLearningOptions,
	type ConfidentSuspect,
	type LabelledTerms,
	type Vote,
} from './labels/confidentLearning';
export { givenLabel, labelTerms } from './labels/labelTerms';
export { ticketOwnWords } from './labels/ownWords';
export { reviewSuspects, type ReviewSuspect, type SuspectSource } from './labels/reviewSuspects';
export { isKept } from './labels/keptLabels';
export { categoryLabel, chineseLabels } from './config/labels';
export {
	ruleCodes,
	rules,
	ruleInfo,
	ruleDescription,
	ruleTranslations,
	ruleLanguages,
	ruleSettings,
	diagnosticSource,
	type RuleCode,
	type RuleCategory,
	type RuleInfo,
	type RuleSetting,
	type SeverityName,
} from './rules/catalog';
export type { TicketDocument } from './document/ticketDocument';
export type * from './document/model';
export type { TicketTextDocument } from './document/types';
export { LiveDigests, digestTicketAt, type TicketDigest, type TicketFields } from './document/ticketDigest';
export { SearchIndex, type SearchHit, type SearchOptions } from './search/searchIndex';
export { defaultRankingParams, fieldNames, type RankingParams } from './search/rankingParams';
export type { Query } from './search/queryTerms';
export { similarByTicket, similarByText, type OwnPlace, type SimilarQueryOptions } from './search/similarQuery';
export { detached } from './document/detached';
export { runSteps, type Steps } from './document/steps';
export { isSkippedFile } from './rules/readability';
export { copyPrint, isCopy } from './duplicates/exactCopies';
export { hash53 } from './document/textHash';
export { tokenize, forEachTerm, TermKind } from './search/tokenize';
export { matchTitles, titleQuery, titleScore } from './search/titleMatch';
export { DuplicateIndex, exactPrint, ticketPrint, type TicketPrint, type DuplicateMatch } from './duplicates/duplicateIndex';
export { duplicateDiagnostics, summaryDiagnostics, type TicketRef, type DuplicateOf } from './duplicates/duplicateFindings';
export { CopyTally } from './duplicates/copyTally';
export { fixAllKind } from './fixes/codeActions';
export { withKept, type KeepTarget } from './fixes/labelFix';
export { ticketRecords, type TicketRecord } from './export/records';
export { StatsCollector, type DumpStats } from './export/ticketStats';
export {
	trainingRecord,
	trainingFormats,
	placeholderModes,
	defaultPlaceholderMode,
	type TrainingFormat,
	type PlaceholderMode,
	type TrainingOptions,
	type TrainingRecord,
	type ChatMessage,
} from './export/trainingRecords';
export { findingsByTicket, gateConfig, gateVerdicts, withheldReasons, type GateVerdict, type WithheldReason } from './export/exportGate';
export { assignSplits, type SplitItem, type SplitPlan } from './export/splits';
export { maskedText } from './leaks/maskAllLeaks';
export { closest } from './rules/didYouMean';
export { shiftRange } from './document/positions';
export { readTitle } from './document/parseTicket';
export { scanFile, type TicketChunk } from './document/scan';
