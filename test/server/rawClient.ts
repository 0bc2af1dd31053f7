/**
 * A client that may misbehave, for the protocol tests: spawns `node dist/server.js --stdio`, writes
 * whatever bytes a test gives it (broken headers, broken JSON, invalid requests), reads the server's
 * messages, answers the server's own requests, and lets a test wait for an answer, a notification or
 * the process's exit (never for a fixed time). lspClient.ts is the well-behaved client.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { StreamMessageReader, type Message, type NotificationMessage, type RequestMessage, type ResponseMessage } from 'vscode-languageserver-protocol/node';
import { ensureBuilt } from '../cli/runCli';
import { serverPath } from './lspClient';

export interface RawStartOptions {
	/** What the client answers to `workspace/configuration` (each item); changeable later through `settings`. */
	readonly settings?: unknown;
	readonly serverPath?: string;
}

export class RawClient {
	readonly messages: Message[] = [];
	/** What the client answers to `workspace/configuration`, for each item asked. */
	settings: unknown;
	/** Resolves with the exit code (or the signal's name) when the server process ends. */
	readonly exited: Promise<number | string>;
	private readonly waiters: { match: (m: Message) => boolean; resolve: (m: Message) => void }[] = [];
	private nextId = 1000;
	private stderrText = '';

	private constructor(
		readonly process: ChildProcess,
		options: RawStartOptions,
	) {
		this.settings = options.settings ?? null;
		process.stderr!.on('data', (d) => (this.stderrText += String(d)));
		this.exited = new Promise((resolve) => process.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
		void this.exited.then((code) => {
			for (const w of this.waiters.splice(0)) w.resolve(Promise.reject(new Error(`server exited (${code}): ${this.stderrText}`)) as never);
		});
		new StreamMessageReader(process.stdout!).listen((message) => this.received(message));
	}

	static start(options: RawStartOptions = {}): RawClient {
		if (!options.serverPath) ensureBuilt();
		const child = spawn(process.execPath, [options.serverPath ?? serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
		return new RawClient(child, options);
	}

	get stderr(): string {
		return this.stderrText;
	}

	private received(message: Message): void {
		const request = message as RequestMessage;
		if (typeof request.method === 'string' && request.id !== undefined) this.answerServer(request);
		this.messages.push(message);
		for (const w of [...this.waiters]) {
			if (!w.match(message)) continue;
			this.waiters.splice(this.waiters.indexOf(w), 1);
			w.resolve(message);
		}
	}

	/** The server's own requests: settings as configured, null for the rest (registrations, progress tokens). */
	private answerServer(request: RequestMessage): void {
		const items = (request.params as { items?: unknown[] } | undefined)?.items;
		const result = request.method === 'workspace/configuration' ? (items ?? []).map(() => this.settings) : null;
		this.send({ jsonrpc: '2.0', id: request.id, result });
	}

	/** The first message (already received or still to come) that `match` accepts. */
	waitFor(match: (m: Message) => boolean): Promise<Message> {
		const seen = this.messages.find(match);
		if (seen) return Promise.resolve(seen);
		return new Promise((resolve) => this.waiters.push({ match, resolve }));
	}

	/** The first message from now on that `match` accepts (for answers whose id, null, came before). */
	waitForNext(match: (m: Message) => boolean): Promise<Message> {
		const seen = this.messages.length;
		return this.waitFor((m) => this.messages.indexOf(m) >= seen && match(m));
	}

	/** The answer to the request of this id. */
	answer(id: number | string | null): Promise<ResponseMessage> {
		return this.waitFor((m) => !('method' in m) && (m as ResponseMessage).id === id) as Promise<ResponseMessage>;
	}

	/** Every notification of this method received so far. */
	notifications(method: string): NotificationMessage[] {
		return this.messages.filter((m): m is NotificationMessage => (m as NotificationMessage).method === method && !('id' in m));
	}

	/** Bytes as they are: a test's broken frame. */
	write(bytes: string | Buffer): void {
		this.process.stdin!.write(bytes);
	}

	/** One message, framed properly (`body` may be any text: broken JSON too). */
	sendBody(body: string): void {
		this.write(`Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`);
	}

	send(message: unknown): void {
		this.sendBody(JSON.stringify(message));
	}

	notify(method: string, params?: unknown): void {
		this.send(params === undefined ? { jsonrpc: '2.0', method } : { jsonrpc: '2.0', method, params });
	}

	/** Sends a request and resolves with its whole answer (result or error). */
	request(method: string, params?: unknown): Promise<ResponseMessage> {
		const id = this.nextId++;
		const answer = this.answer(id);
		this.send(params === undefined ? { jsonrpc: '2.0', id, method } : { jsonrpc: '2.0', id, method, params });
		return answer;
	}

	/** `initialize` (with `processId` and what else `params` adds) and `initialized`. */
	async initialize(params: Record<string, unknown> = {}): Promise<void> {
		const answer = await this.request('initialize', {
			processId: process.pid,
			rootUri: null,
			workspaceFolders: null,
			capabilities: { workspace: { configuration: true } },
			...params,
		});
		if (answer.error) throw new Error(`initialize failed: ${answer.error.message}`);
		this.notify('initialized', {});
	}

	/** A request any healthy server answers: proof that it still reads and answers. */
	async alive(): Promise<boolean> {
		const answer = await this.request('tickets/serverStats');
		return typeof (answer.result as { pid?: unknown } | undefined)?.pid === 'number';
	}

	/** Ends the process (it is under test: no polite shutdown that a broken server might never answer); resolves when it has exited. */
	async stop(): Promise<void> {
		if (this.process.exitCode === null && this.process.signalCode === null) this.process.kill();
		await this.exited;
	}
}
