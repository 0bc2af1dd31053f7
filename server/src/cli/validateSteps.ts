/**
 * A dump validated in the service's steps, reporting after each step how many of its tickets are
 * through, so that a long file shows signs of life (cli/progress.ts).
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { TicketService, TicketTextDocument } from '../service/index';

/** Tickets per step of the service's validation (`ticketsPerStep` in server/src/service/rules/validate.ts). */
const ticketsPerStep = 8;

export function validateWithProgress(service: TicketService, document: TicketTextDocument, report: (done: number, total: number) => void): Diagnostic[] {
	const total = service.parse(document).chunks.length;
	const steps = service.validateSteps(document);
	let step = 0;
	for (;;) {
		const next = steps.next();
		if (next.done) {
			report(total, total);
			return next.value;
		}
		// After the tickets come the file rules, in steps of their own: the count stays at the total.
		step++;
		report(Math.min(total, step * ticketsPerStep), total);
	}
}
