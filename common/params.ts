/**
 * The shape of a request's params, as data, and the check against it. protocol.ts declares each
 * custom request's shape next to its types; the server answers params that do not fit with
 * InvalidParams (server/src/lsp/checkedHandlers.ts words the problem), and the protocol fuzzer
 * (test/fuzz/protocol.fuzz.ts) makes params from the same shapes.
 */

export type ParamShape =
	| { readonly type: 'string'; readonly nonEmpty?: boolean }
	| { readonly type: 'boolean' }
	| { readonly type: 'integer'; readonly min?: number; readonly max?: number }
	| { readonly type: 'enum'; readonly values: readonly string[] }
	| { readonly type: 'array'; readonly items: ParamShape }
	| ObjectShape;

export interface ObjectShape {
	readonly type: 'object';
	readonly fields: Readonly<Record<string, ParamShape>>;
	/** The fields that must be there; the others may be missing (or null). */
	readonly required: readonly string[];
}

/** What does not fit: where (`position.line`, `uris[2]`; empty for the params themselves), what was wanted, what came. */
export interface ParamProblem {
	readonly path: string;
	readonly expected: ParamShape;
	/** Absent when the value was missing. */
	readonly got?: unknown;
	readonly missing?: boolean;
}

export const string = (nonEmpty = false): ParamShape => ({ type: 'string', nonEmpty });
export const boolean: ParamShape = { type: 'boolean' };
export const integer = (min?: number, max?: number): ParamShape => ({ type: 'integer', min, max });
export const oneOf = (...values: string[]): ParamShape => ({ type: 'enum', values });
export const arrayOf = (items: ParamShape): ParamShape => ({ type: 'array', items });

/**
 * An object with a shape for every field of `T` (the compiler says when the interface gains one)
 * and the fields that must be there. Fields not declared are allowed: LSP adds its own
 * (`workDoneToken`, `partialResultToken`).
 */
export function objectOf<T>(fields: { readonly [K in keyof Required<T>]: ParamShape }, required: readonly (keyof T & string)[] = []): ObjectShape {
	return { type: 'object', fields, required };
}

/** A position in a document: line and UTF-16 character, from 0. */
export const positionShape = objectOf<{ line: number; character: number }>({ line: integer(0), character: integer(0) }, ['line', 'character']);
export const rangeShape = objectOf<{ start: unknown; end: unknown }>({ start: positionShape, end: positionShape }, ['start', 'end']);
export const textDocumentShape = objectOf<{ uri: string }>({ uri: string(true) }, ['uri']);

/**
 * The first problem of `value` against `shape`, or undefined when it fits. Params that are missing
 * or null count as an empty object, which fits an object without required fields.
 */
export function checkParams(shape: ParamShape, value: unknown): ParamProblem | undefined {
	if (shape.type === 'object' && value == null) value = {};
	return check(shape, value, '');
}

function check(shape: ParamShape, value: unknown, path: string): ParamProblem | undefined {
	const wrong = (): ParamProblem => ({ path, expected: shape, got: value });
	switch (shape.type) {
		case 'string':
			return typeof value === 'string' && (!shape.nonEmpty || value.length > 0) ? undefined : wrong();
		case 'boolean':
			return typeof value === 'boolean' ? undefined : wrong();
		case 'integer':
			return Number.isSafeInteger(value) &&
				(shape.min === undefined || (value as number) >= shape.min) &&
				(shape.max === undefined || (value as number) <= shape.max)
				? undefined
				: wrong();
		case 'enum':
			return typeof value === 'string' && shape.values.includes(value) ? undefined : wrong();
		case 'array':
			if (!Array.isArray(value)) return wrong();
			for (let i = 0; i < value.length; i++) {
				const problem = check(shape.items, value[i], `${path}[${i}]`);
				if (problem) return problem;
			}
			return undefined;
		case 'object': {
			if (typeof value !== 'object' || value === null || Array.isArray(value)) return wrong();
			const record = value as Record<string, unknown>;
			for (const [name, field] of Object.entries(shape.fields)) {
				const where = path ? `${path}.${name}` : name;
				const own = Object.prototype.hasOwnProperty.call(record, name) ? record[name] : undefined;
				if (own == null) {
					if (shape.required.includes(name)) return { path: where, expected: field, missing: true };
					continue;
				}
				const problem = check(field, own, where);
				if (problem) return problem;
			}
			return undefined;
		}
	}
}
