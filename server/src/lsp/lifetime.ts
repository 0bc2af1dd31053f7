/**
 * The server ends with its client. vscode-languageserver exits when the input stream ends, but only
 * for a stream it reads itself; server.ts gives it a reader (protocolReader.ts), so this restores
 * that. As there, the exit code is 0 after a `shutdown` request and 1 otherwise. A client that dies
 * without closing the stream is caught by the library's own watch of the initialize params'
 * `processId` (polled every 3 s, vscode-languageserver/lib/node/main.js), which a reader does not bypass.
 */
import type { Connection } from 'vscode-languageserver/node';

export function exitWhenInputEnds(input: NodeJS.ReadableStream, connection: Connection): void {
	let shutdown = false;
	connection.onShutdown(() => {
		shutdown = true;
	});
	const end = () => {
		// On stderr: the client no longer reads messages.
		if (!shutdown) process.stderr.write('ticket-curator: the client closed the input without a shutdown request; exiting.\n');
		process.exit(shutdown ? 0 : 1);
	};
	input.on('end', end);
	input.on('close', end);
}
