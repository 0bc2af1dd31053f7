/**
 * A ticket as a training record in the forms fine-tuning tools read: `chat` (`{messages}` with
 * system/user/assistant roles), `sharegpt` (`{conversations}` with human/gpt) and `alpaca`
 * (instruction, input, output). Customer turns are the user's, staff turns the assistant's; a
 * ticket with nothing the staff said gives no record, and says why.
 */
import type { TicketRecord } from './records';

export const trainingFormats = ['chat', 'sharegpt', 'alpaca'] as const;
export type TrainingFormat = (typeof trainingFormats)[number];

/**
 * What becomes of media placeholders (`[图片]`: an image the dump could not keep): `drop` removes
 * them (a turn left empty goes), `keep` leaves them as written, `withhold` leaves the ticket out.
 * Redaction placeholders (`[REDACTED_PHONE]`) always stay: they stand for a value the text needs.
 */
export const placeholderModes = ['drop', 'keep', 'withhold'] as const;
export type PlaceholderMode = (typeof placeholderModes)[number];
export const defaultPlaceholderMode: PlaceholderMode = 'drop';

export interface TrainingOptions {
	readonly format: TrainingFormat;
	/** The system message (chat, sharegpt) or the alpaca `system` field; none when empty. */
	readonly system?: string;
	readonly placeholders: PlaceholderMode;
	/** Kept beside the record as `meta`, for filtering later. */
	readonly meta?: Readonly<Record<string, string | number>>;
}

export interface ChatMessage {
	readonly role: 'system' | 'user' | 'assistant';
	readonly content: string;
}

export type TrainingRecord = Readonly<Record<string, unknown>>;

/** Why a ticket gives no record of its own. */
export type RecordWithheld = 'no-staff-answer' | 'placeholder';

export type TrainingResult = { readonly record: TrainingRecord } | { readonly withheld: RecordWithheld };

const mediaPlaceholder = /\[(?:图片|表情|语音|视频|文件|附件|动画表情|image|photo|file)\]/gi;

/** The text with its media placeholders handled; undefined when the ticket must be withheld for one. */
function placeholdersIn(text: string, mode: PlaceholderMode): string | undefined {
	mediaPlaceholder.lastIndex = 0;
	if (mode === 'keep' || !mediaPlaceholder.test(text)) return text;
	if (mode === 'withhold') return undefined;
	return text
		.replace(mediaPlaceholder, '')
		.replace(/[ \t\u00a0]+$/gm, '')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

/** The dialog as alternating user/assistant turns ending with the staff's; undefined for a placeholder to withhold. */
function dialogTurns(record: TicketRecord, mode: PlaceholderMode): ChatMessage[] | undefined {
	const turns: { role: 'user' | 'assistant'; content: string }[] = [];
	for (const turn of record.dialog) {
		// A speaker that is neither (speaker-unknown) cannot be given a role.
		if (turn.speaker !== 'customer' && turn.speaker !== 'staff') continue;
		const content = placeholdersIn(turn.text, mode);
		if (content === undefined) return undefined;
		if (!content) continue;
		const role = turn.speaker === 'staff' ? 'assistant' : 'user';
		const last = turns[turns.length - 1];
		// Consecutive turns of one speaker are one message: chat form alternates.
		if (last?.role === role) last.content = `${last.content}\n${content}`;
		else turns.push({ role, content });
	}
	// A dialog opened by the staff gets the customer's description as its question.
	if (turns[0]?.role === 'assistant') {
		const description = placeholdersIn(record.description, mode);
		if (description === undefined) return undefined;
		if (description) turns.unshift({ role: 'user', content: description });
		else turns.shift();
	}
	let end = turns.length;
	while (end > 0 && turns[end - 1].role !== 'assistant') end--;
	return turns.slice(0, end);
}

function withMeta(record: TrainingRecord, options: TrainingOptions): TrainingRecord {
	return options.meta ? { ...record, meta: options.meta } : record;
}

/** The record of one ticket in the given form, or why it has none. */
export function trainingRecord(ticket: TicketRecord, options: TrainingOptions): TrainingResult {
	const system = options.system?.trim() ? options.system : undefined;
	if (options.format === 'alpaca') {
		const answers: string[] = [];
		for (const answer of ticket.answers) {
			const text = placeholdersIn(answer, options.placeholders);
			if (text === undefined) return { withheld: 'placeholder' };
			if (text) answers.push(text);
		}
		const instruction = placeholdersIn(ticket.description, options.placeholders);
		if (instruction === undefined) return { withheld: 'placeholder' };
		if (!answers.length || !instruction) return { withheld: 'no-staff-answer' };
		const output = answers.map((a, i) => `${i + 1}. ${a}`).join('\n');
		return { record: withMeta({ instruction, input: '', output, ...(system ? { system } : {}) }, options) };
	}
	const turns = dialogTurns(ticket, options.placeholders);
	if (turns === undefined) return { withheld: 'placeholder' };
	if (!turns.length) return { withheld: 'no-staff-answer' };
	if (options.format === 'chat') {
		const messages: ChatMessage[] = system ? [{ role: 'system', content: system }, ...turns] : turns;
		return { record: withMeta({ messages }, options) };
	}
	const conversations = turns.map((t) => ({ from: t.role === 'user' ? 'human' : 'gpt', value: t.content }));
	return { record: withMeta({ conversations, ...(system ? { system } : {}) }, options) };
}
