// Drives an MCP server over Streamable HTTP with the official TypeScript SDK (v1.x) client
// and prints one JSON report of everything the server answered.
//
// Usage: node ts-sdk-v1-client.mjs http://localhost:8080/mcp
//
// Exit code 0 when the script ran to the end (whatever the server answered: failures of
// individual calls are recorded in the report), 1 on an unexpected failure (message on stderr).

import { readFileSync } from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const OVERALL_TIMEOUT_MS = 30_000;
const REQUEST_TIMEOUT_MS = 10_000;

const DUNE = '9780441013593';
const HOBBIT = '9780547928227';
const UNKNOWN_ISBN = '9780000000000';

function fail(message) {
	process.stderr.write(`ts-sdk-v1-client: ${message}\n`, () => process.exit(1));
}

const watchdog = setTimeout(() => fail(`gave up after ${OVERALL_TIMEOUT_MS} ms`), OVERALL_TIMEOUT_MS);
watchdog.unref();

function sdkVersion() {
	const packageJson = new URL('./node_modules/@modelcontextprotocol/sdk/package.json', import.meta.url);
	return JSON.parse(readFileSync(packageJson, 'utf8')).version;
}

function parseJson(text) {
	try {
		return JSON.parse(text);
	}
	catch {
		return undefined;
	}
}

// Every HTTP exchange the transport makes, so that a failing assertion can show what was on the wire.
const exchanges = [];

async function recordingFetch(url, init = {}) {
	const method = init.method ?? 'GET';
	const headers = new Headers(init.headers);
	const exchange = {
		method,
		requestHeaders: {
			'mcp-session-id': headers.get('mcp-session-id'),
			'mcp-protocol-version': headers.get('mcp-protocol-version'),
			accept: headers.get('accept'),
		},
		requestBody: typeof init.body === 'string' ? parseJson(init.body) ?? init.body : undefined,
	};
	exchanges.push(exchange);
	let response;
	try {
		response = await fetch(url, init);
	}
	catch (error) {
		exchange.error = describeError(error);
		throw error;
	}
	exchange.status = response.status;
	exchange.responseHeaders = {
		'content-type': response.headers.get('content-type'),
		'mcp-session-id': response.headers.get('mcp-session-id'),
	};
	// a GET opens the long-lived SSE stream: its body is never read here
	if (method === 'POST') {
		const text = await response.clone().text();
		const contentType = exchange.responseHeaders['content-type'] ?? '';
		if (contentType.includes('text/event-stream')) {
			exchange.responseEvents = text.split(/\r?\n/)
				.filter((line) => line.startsWith('data:'))
				.map((line) => parseJson(line.slice(5).trim()) ?? line);
		}
		else {
			exchange.responseBody = text === '' ? undefined : parseJson(text) ?? text;
		}
	}
	return response;
}

function describeError(error) {
	const description = { name: error?.name, message: String(error?.message ?? error) };
	if (error?.code !== undefined) {
		description.code = error.code;
	}
	if (error?.data !== undefined) {
		description.data = error.data;
	}
	return description;
}

// The JSON-RPC messages the server sent back for the exchanges made since `from`.
function serverMessagesSince(from) {
	return exchanges.slice(from)
		.filter((exchange) => exchange.method === 'POST')
		.flatMap((exchange) => exchange.responseEvents ?? (exchange.responseBody === undefined ? [] : [exchange.responseBody]));
}

async function main() {
	const url = process.argv[2];
	if (!url) {
		throw new Error('usage: node ts-sdk-v1-client.mjs <mcp endpoint url>');
	}
	const client = new Client({ name: 'ts-sdk-v1-integration-test', version: '1.0.0' });
	const transport = new StreamableHTTPClientTransport(new URL(url), { fetch: recordingFetch });
	const transportErrors = [];
	client.onerror = (error) => transportErrors.push(describeError(error));
	await client.connect(transport, { timeout: REQUEST_TIMEOUT_MS });

	const report = {
		client: { sdk: '@modelcontextprotocol/sdk', sdkVersion: sdkVersion() },
		serverVersion: client.getServerVersion() ?? null,
		serverCapabilities: client.getServerCapabilities() ?? null,
		instructions: client.getInstructions() ?? null,
		protocolVersion: transport.protocolVersion ?? null,
		sessionId: transport.sessionId ?? null,
		tools: null,
		toolsError: null,
		calls: {},
	};

	try {
		report.tools = (await client.listTools(undefined, { timeout: REQUEST_TIMEOUT_MS })).tools;
	}
	catch (error) {
		report.toolsError = describeError(error);
	}

	async function call(id, name, args) {
		const from = exchanges.length;
		const entry = { name, arguments: args };
		try {
			entry.result = await client.callTool({ name, arguments: args }, undefined, { timeout: REQUEST_TIMEOUT_MS });
		}
		catch (error) {
			entry.error = describeError(error);
		}
		entry.wire = serverMessagesSince(from);
		report.calls[id] = entry;
		return entry;
	}

	await call('echo', 'echo', { message: 'Grüße from the TypeScript SDK ✓' });
	await call('add', 'add', { a: 2, b: 3 });
	await call('add.negative', 'add', { a: -7, b: 4 });
	await call('search_books.the', 'search_books', { query: 'the' });
	await call('search_books.defaultLimit', 'search_books', { query: 'e' });
	await call('search_books.genreAndLimit', 'search_books', { query: 'h', genre: 'SCIENCE', limit: 1 });
	await call('search_books.genre', 'search_books', { query: 'h', genre: 'SCIENCE' });
	await call('search_books.caseInsensitiveAuthor', 'search_books', { query: 'TOLKIEN' });
	await call('search_books.noMatch', 'search_books', { query: 'zzz' });
	const order = await call('place_order', 'place_order', {
		order: { customerEmail: 'ada@example.com', lines: [{ isbn: DUNE, quantity: 2 }, { isbn: HOBBIT, quantity: 1 }] },
	});
	await call('order_status', 'order_status', { orderId: order.result?.structuredContent?.orderId ?? 'missing' });
	await call('order_status.unknown', 'order_status', { orderId: 'ORD-999999' });
	await call('place_order.unknownIsbn', 'place_order', {
		order: { customerEmail: 'ada@example.com', lines: [{ isbn: UNKNOWN_ISBN, quantity: 1 }] },
	});
	for (const genre of ['FICTION', 'SCIENCE', 'HISTORY', 'CHILDREN']) {
		await call(`recommend.${genre}`, 'recommend', { genre });
	}
	await call('book_cover', 'book_cover', { isbn: DUNE });
	await call('book_cover.unknown', 'book_cover', { isbn: UNKNOWN_ISBN });

	// invalid arguments: the client sends them as they are, the server must reject them
	await call('search_books.limitTooHigh', 'search_books', { query: 'dune', limit: 21 });
	await call('search_books.limitTooLow', 'search_books', { query: 'dune', limit: 0 });
	await call('search_books.missingQuery', 'search_books', {});
	await call('search_books.unknownGenre', 'search_books', { query: 'dune', genre: 'POETRY' });
	await call('add.wrongType', 'add', { a: 'two', b: 3 });
	await call('place_order.invalidEmail', 'place_order', {
		order: { customerEmail: 'not-an-email', lines: [{ isbn: DUNE, quantity: 1 }] },
	});
	await call('place_order.quantityTooHigh', 'place_order', {
		order: { customerEmail: 'ada@example.com', lines: [{ isbn: DUNE, quantity: 11 }] },
	});
	await call('place_order.emptyLines', 'place_order', { order: { customerEmail: 'ada@example.com', lines: [] } });
	await call('place_order.malformedIsbn', 'place_order', {
		order: { customerEmail: 'ada@example.com', lines: [{ isbn: '12345', quantity: 1 }] },
	});
	await call('place_order.multipleViolations', 'place_order', {
		order: { customerEmail: 'nope', lines: [{ isbn: HOBBIT, quantity: 0 }] },
	});
	await call('place_order.fourteenDigitIsbn', 'place_order', {
		order: { customerEmail: 'ada@example.com', lines: [{ isbn: `${DUNE}0`, quantity: 1 }] },
	});
	await call('place_order.typeErrorAndViolation', 'place_order', {
		order: { customerEmail: 'nope', lines: [{ isbn: DUNE, quantity: 'two' }, { isbn: 'x', quantity: 1.5 }] },
	});
	await call('place_order.missingQuantity', 'place_order', {
		order: { customerEmail: 'ada@example.com', lines: [{ isbn: DUNE }] },
	});
	// JSON values of the wrong type that a lenient server might coerce
	await call('add.numericString', 'add', { a: '2', b: 3 });
	await call('echo.numberMessage', 'echo', { message: 42 });
	await call('no_such_tool', 'no_such_tool', { message: 'hello' });

	// errors up to here only: ending the session ends its GET stream, which the client
	// may try to reconnect before it closes
	report.transportErrors = [...transportErrors];

	// end the session: DELETE with the session id, then check the server forgot it
	const sessionId = transport.sessionId;
	const beforeDelete = exchanges.length;
	report.termination = {};
	try {
		await transport.terminateSession();
	}
	catch (error) {
		report.termination.error = describeError(error);
	}
	report.termination.deleteStatus = exchanges.slice(beforeDelete).find((exchange) => exchange.method === 'DELETE')?.status ?? null;
	if (sessionId) {
		const response = await fetch(url, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				accept: 'application/json, text/event-stream',
				'mcp-session-id': sessionId,
				'mcp-protocol-version': transport.protocolVersion ?? '2025-11-25',
			},
			body: JSON.stringify({ jsonrpc: '2.0', id: 'after-delete', method: 'tools/list' }),
			signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
		});
		await response.body?.cancel();
		report.termination.statusOfRequestWithDeletedSession = response.status;
	}
	await client.close();

	report.exchanges = exchanges;
	return report;
}

main().then(
	(report) => process.stdout.write(`${JSON.stringify(report, null, 2)}\n`, () => process.exit(0)),
	(error) => fail(error?.stack ?? String(error)),
);
