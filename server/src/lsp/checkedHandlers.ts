/**
 * Params checked before a handler runs: a request whose params do not fit their shape
 * (common/params.ts) is answered InvalidParams with a sentence saying where and what was expected,
 * never the JavaScript error a handler would throw on them. Custom requests take their shape from
 * `customRequests` in common/protocol.ts; the standard requests the server handles declare theirs
 * here.
 */
import * as l10n from '@vscode/l10n';
import { ErrorCodes, ResponseError, type CancellationToken, type Connection, type RequestType } from 'vscode-languageserver/node';
import {
	arrayOf,
	checkParams,
	objectOf,
	positionShape,
	rangeShape,
	string,
	textDocumentShape,
	type ParamProblem,
	type ParamShape,
} from '../../../common/params';
import { customRequests } from '../../../common/protocol';

/** The params of the standard requests the server answers, as far as it reads them. */
export const standardParams = {
	textDocument: objectOf<{ textDocument: unknown }>({ textDocument: textDocumentShape }, ['textDocument']),
	textDocumentPosition: objectOf<{ textDocument: unknown; position: unknown }>({ textDocument: textDocumentShape, position: positionShape }, [
		'textDocument',
		'position',
	]),
	codeAction: objectOf<{ textDocument: unknown; range: unknown; context: unknown }>(
		{
			textDocument: textDocumentShape,
			range: rangeShape,
			context: objectOf<{ only: unknown }>({ only: arrayOf(string()) }),
		},
		['textDocument', 'range', 'context'],
	),
	workspaceSymbol: objectOf<{ query: string }>({ query: string() }, ['query']),
	documentDiagnostic: objectOf<{ textDocument: unknown; previousResultId: string }>({ textDocument: textDocumentShape, previousResultId: string() }, [
		'textDocument',
	]),
	workspaceDiagnostic: objectOf<{ previousResultIds: unknown }>(
		{ previousResultIds: arrayOf(objectOf<{ uri: string; value: string }>({ uri: string(true), value: string() }, ['uri', 'value'])) },
		['previousResultIds'],
	),
} as const;

/** The problem in words, or undefined when `params` fit `shape`. */
export function paramsProblem(method: string, shape: ParamShape, params: unknown): string | undefined {
	const problem = checkParams(shape, params);
	return problem && describeProblem(method, problem);
}

function describeProblem(method: string, problem: ParamProblem): string {
	const where = problem.path ? `\`${problem.path}\`` : l10n.t('the params');
	if (problem.missing) return l10n.t('{0}: {1} is missing; expected {2}.', method, where, expected(problem.expected));
	return l10n.t('{0}: {1} must be {2}, not {3}.', method, where, expected(problem.expected), shown(problem.got));
}

function expected(shape: ParamShape): string {
	switch (shape.type) {
		case 'string':
			return shape.nonEmpty ? l10n.t('a non-empty string') : l10n.t('a string');
		case 'boolean':
			return l10n.t('true or false');
		case 'integer':
			if (shape.min !== undefined && shape.max !== undefined) return l10n.t('a whole number from {0} to {1}', shape.min, shape.max);
			if (shape.min !== undefined) return l10n.t('a whole number of at least {0}', shape.min);
			return l10n.t('a whole number');
		case 'enum':
			return l10n.t('one of {0}', shape.values.map((v) => `\`${v}\``).join(', '));
		case 'array':
			return l10n.t('a list');
		case 'object':
			return l10n.t('an object');
	}
}

/** The value that came, short: a 20 MB string is not echoed back. */
function shown(value: unknown): string {
	const text = value === undefined ? 'undefined' : (JSON.stringify(value) ?? String(value));
	return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * Handles a request whose params are checked against `shape` first: params that do not fit are
 * answered InvalidParams. Registered by method name, so that the check runs before anything reads
 * the params (vscode-languageserver's `onHover` and the like read `workDoneToken` first, and throw
 * on null params).
 */
export function onChecked<P, R>(
	connection: Connection,
	type: RequestType<P, R, unknown>,
	shape: ParamShape,
	handler: (params: P, token: CancellationToken) => R | Promise<R>,
): void {
	// vscode-jsonrpc calls a handler registered by name with the params spread when they came by position, and without them when absent; the token is last.
	connection.onRequest(type.method, (...args: unknown[]) => {
		const token = args.pop() as CancellationToken;
		const params = args.length > 1 ? args : args[0];
		const problem = paramsProblem(type.method, shape, params);
		return problem ? new ResponseError(ErrorCodes.InvalidParams, problem) : handler(params as P, token);
	});
}

/** Handles a custom request of common/protocol.ts with the params shape declared there (a request not declared fails at start-up, where every server test sees it). */
export function onCustomRequest<P, R>(
	connection: Connection,
	type: RequestType<P, R, void>,
	handler: (params: P, token: CancellationToken) => R | Promise<R>,
): void {
	const declared = customRequests.find((r) => r.method === type.method);
	if (!declared?.params) throw new Error(`${type.method}: no params declared in customRequests (common/protocol.ts)`);
	onChecked(connection, type, declared.params, handler);
}
