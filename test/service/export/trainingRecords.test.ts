/** Training records (chat, sharegpt, alpaca) from the real dump's tickets, checked against the forms trainers read. */
import { strict as assert } from 'node:assert';
import Ajv from 'ajv';
import { createTicketService, trainingRecord, type TicketRecord, type TrainingOptions } from '../../../server/src/service/index';
import { ticketRecords } from '../../../server/src/service/export/records';
import { realDumpPath, fileDocument } from '../../support/fixtures';

/** The chat fine-tuning form: an optional system message, then user and assistant alternating, the assistant last. */
const chatSchema = {
	type: 'object',
	required: ['messages'],
	additionalProperties: false,
	properties: {
		messages: {
			type: 'array',
			minItems: 2,
			items: {
				type: 'object',
				required: ['role', 'content'],
				additionalProperties: false,
				properties: { role: { enum: ['system', 'user', 'assistant'] }, content: { type: 'string', minLength: 1 } },
			},
		},
	},
};

/** What JSON Schema cannot say of an array: the order of roles. */
function roleOrderProblem(messages: readonly { role: string }[]): string | undefined {
	const roles = messages.map((m) => m.role);
	const start = roles[0] === 'system' ? 1 : 0;
	for (let i = start; i < roles.length; i++) {
		const expected = (i - start) % 2 === 0 ? 'user' : 'assistant';
		if (roles[i] !== expected) return `message ${i} is ${roles[i]}, expected ${expected}: ${roles.join(',')}`;
	}
	if (roles[roles.length - 1] !== 'assistant') return `ends with ${roles[roles.length - 1]}`;
	return undefined;
}

const record = (dialog: [string, string][], extra: Partial<TicketRecord> = {}): TicketRecord => ({
	ordinal: 0,
	startLine: 0,
	title: 't',
	product: 'p',
	subcategory: 's',
	description: '问题',
	answers: dialog.filter(([s]) => s === 'staff').map(([, t]) => t),
	rootCause: 'r',
	dialog: dialog.map(([speaker, text]) => ({ speaker, text })),
	...extra,
});

const chat = (r: TicketRecord, options: Partial<TrainingOptions> = {}) => trainingRecord(r, { format: 'chat', placeholders: 'drop', ...options });

describe('training records', () => {
	const records = ticketRecords(createTicketService().parse(fileDocument(realDumpPath)));
	const validate = new Ajv().compile(chatSchema);

	it('every chat record of the real dump fits the chat form; the 4 tickets without a staff answer are withheld', () => {
		for (const system of [undefined, '你是云服务的技术支持。']) {
			let withheld = 0;
			for (const r of records) {
				const result = chat(r, { system });
				if ('withheld' in result) {
					assert.equal(result.withheld, 'no-staff-answer', r.title);
					assert.equal(r.answers.length, 0, `${r.title} has staff answers`);
					withheld++;
					continue;
				}
				assert.ok(validate(result.record), `${r.title}: ${JSON.stringify(validate.errors)}`);
				const messages = result.record.messages as { role: string; content: string }[];
				assert.equal(roleOrderProblem(messages), undefined, r.title);
				assert.equal(messages[0].role === 'system', system !== undefined);
				assert.ok(
					messages.every((m) => !m.content.includes('[图片]')),
					'placeholders dropped by default',
				);
			}
			assert.equal(withheld, 4);
		}
	});

	it('sharegpt and alpaca records of the real dump: human/gpt turns ending with gpt, numbered answers', () => {
		for (const r of records) {
			const share = trainingRecord(r, { format: 'sharegpt', placeholders: 'keep' });
			const alpaca = trainingRecord(r, { format: 'alpaca', placeholders: 'keep' });
			if (!r.answers.length) {
				assert.deepEqual([share, alpaca], [{ withheld: 'no-staff-answer' }, { withheld: 'no-staff-answer' }]);
				continue;
			}
			assert.ok('record' in share && 'record' in alpaca);
			const turns = share.record.conversations as { from: string; value: string }[];
			assert.equal(roleOrderProblem(turns.map((t) => ({ role: t.from === 'human' ? 'user' : t.from === 'gpt' ? 'assistant' : t.from }))), undefined);
			assert.deepEqual(Object.keys(alpaca.record), ['instruction', 'input', 'output']);
			assert.equal(alpaca.record.instruction, r.description);
			assert.equal(alpaca.record.input, '');
			assert.equal(alpaca.record.output, r.answers.map((a, i) => `${i + 1}. ${a}`).join('\n'));
		}
	});

	it("joins one speaker's turns, cuts after the last staff turn, and asks the description when the staff opens", () => {
		const result = chat(
			record([
				['staff', '您好'],
				['customer', '第一句'],
				['customer', '第二句'],
				['staff', '回答'],
				['customer', '谢谢'],
			]),
		);
		assert.deepEqual(result, {
			record: {
				messages: [
					{ role: 'user', content: '问题' },
					{ role: 'assistant', content: '您好' },
					{ role: 'user', content: '第一句\n第二句' },
					{ role: 'assistant', content: '回答' },
				],
			},
		});
		assert.deepEqual(chat(record([['customer', '只有客户']])), { withheld: 'no-staff-answer' });
	});

	it('placeholders: dropped (a turn of only an image goes), kept, or the ticket withheld', () => {
		const r = record([
			['customer', '报错了[图片]'],
			['customer', '[图片]'],
			['staff', '请看 [REDACTED_PHONE] 的截图'],
		]);
		assert.deepEqual(chat(r), {
			record: {
				messages: [
					{ role: 'user', content: '报错了' },
					{ role: 'assistant', content: '请看 [REDACTED_PHONE] 的截图' },
				],
			},
		});
		assert.deepEqual(chat(r, { placeholders: 'keep' }), {
			record: {
				messages: [
					{ role: 'user', content: '报错了[图片]\n[图片]' },
					{ role: 'assistant', content: '请看 [REDACTED_PHONE] 的截图' },
				],
			},
		});
		assert.deepEqual(chat(r, { placeholders: 'withhold' }), { withheld: 'placeholder' });
	});

	it('keeps the metadata beside the record', () => {
		const meta = { file: 'a.md', line: 7, title: 't', category: 'p｜s', rootCause: 'r' };
		const result = trainingRecord(
			record([
				['customer', '问'],
				['staff', '答'],
			]),
			{ format: 'sharegpt', placeholders: 'drop', system: 'S', meta },
		);
		assert.deepEqual(result, {
			record: {
				conversations: [
					{ from: 'human', value: '问' },
					{ from: 'gpt', value: '答' },
				],
				system: 'S',
				meta,
			},
		});
	});
});
