/**
 * The words a dump uses for its structure. Chinese by default (the real dumps); a dump in
 * another language is checked by configuring these instead.
 */
export type SectionKind = 'description' | 'answers' | 'rootCause' | 'dialog';

/** The order sections appear in (docs/TICKET-FORMAT.md). */
export const sectionOrder: readonly SectionKind[] = ['description', 'answers', 'rootCause', 'dialog'];

/** Sections a ticket must have; 客服解答 is optional (no staff reply). */
export const requiredSections: readonly SectionKind[] = ['description', 'rootCause', 'dialog'];

export type Speaker = 'customer' | 'staff';

export interface TicketLabels {
	/** Bold key of the category line: `**问题分类**: product｜subcategory`. */
	readonly categoryKey: string;
	/** Colon written after the category key. */
	readonly categoryColon: string;
	/** Between product and subcategory. */
	readonly categorySeparator: string;
	readonly sections: Readonly<Record<SectionKind, string>>;
	readonly speakers: Readonly<Record<Speaker, string>>;
	/** Colon written after a bold speaker label. */
	readonly speakerColon: string;
	/** Regular expression (source) matching the declared count line; group 1 is the number. */
	readonly declaredCount: string;
}

export const chineseLabels: TicketLabels = {
	categoryKey: '问题分类',
	categoryColon: ':',
	categorySeparator: '｜',
	sections: { description: '问题描述', answers: '客服解答', rootCause: '根本原因分析', dialog: '完整对话记录' },
	speakers: { customer: '客户', staff: '客服' },
	speakerColon: '：',
	declaredCount: '本文档包含\\s*(\\d+)\\s*个',
};

export function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A ticket's category as the dumps write it: `product｜subcategory`, the product alone without a subcategory, '' without a product. */
export function categoryLabel(ticket: { readonly product?: string; readonly subcategory?: string }, separator: string): string {
	if (!ticket.product) return '';
	return ticket.subcategory ? `${ticket.product}${separator}${ticket.subcategory}` : ticket.product;
}
