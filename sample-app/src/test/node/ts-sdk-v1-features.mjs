// Exercises the features of the sample's `conformance` profile beyond plain tool calls with
// the official TypeScript SDK (v1.x) client over Streamable HTTP: resources, subscriptions,
// prompts, completion, logging, progress, sampling, elicitation, roots and cancellation.
// Prints one JSON report of what the client saw.
//
// Usage: node ts-sdk-v1-features.mjs http://localhost:8080/mcp
//
// Exit code 0 when the script ran to the end (failures of individual calls are recorded in
// the report), 1 on an unexpected failure (message on stderr).

import { readFileSync } from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import {
	CallToolResultSchema,
	CreateMessageRequestSchema,
	ElicitRequestSchema,
	ListRootsRequestSchema,
	LoggingMessageNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';

const OVERALL_TIMEOUT_MS = 40_000;
const REQUEST_TIMEOUT_MS = 10_000;

function fail(message) {
	process.stderr.write(`ts-sdk-v1-features: ${message}\n`, () => process.exit(1));
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

// Every HTTP exchange, so that a failing assertion can show what was on the wire.
const exchanges = [];
const pendingReads = [];

async function recordingFetch(url, init = {}) {
	const method = init.method ?? 'GET';
	const headers = new Headers(init.headers);
	const exchange = {
		method,
		requestHeaders: { 'mcp-session-id': headers.get('mcp-session-id') },
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
	exchange.responseHeaders = { 'content-type': response.headers.get('content-type') };
	if (method === 'POST') {
		const copy = response.clone();
		if ((exchange.responseHeaders['content-type'] ?? '').includes('text/event-stream')) {
			// read in the background: the stream stays open until the client answers the
			// server requests it carries, so waiting for its end here would deadlock
			exchange.responseEvents = [];
			pendingReads.push(copy.text().then((text) => {
				exchange.responseEvents = text.split(/\r?\n/)
					.filter((line) => line.startsWith('data:'))
					.map((line) => parseJson(line.slice(5).trim()) ?? line);
			}, (error) => {
				exchange.responseError = describeError(error);
			}));
		}
		else {
			const text = await copy.text();
			exchange.responseBody = text === '' ? undefined : parseJson(text) ?? text;
		}
	}
	return response;
}

async function main() {
	const url = process.argv[2];
	if (!url) {
		throw new Error('usage: node ts-sdk-v1-features.mjs <mcp endpoint url>');
	}
	const options = { timeout: REQUEST_TIMEOUT_MS };
	const report = { sdkVersion: sdkVersion(), calls: {}, handled: { sampling: [], elicitation: [], roots: 0 } };
	const calls = report.calls;

	async function record(id, action) {
		const from = exchanges.length;
		const entry = {};
		try {
			entry.result = await action();
		}
		catch (error) {
			entry.error = describeError(error);
		}
		entry.requests = exchanges.slice(from).map((exchange) => exchange.requestBody?.method ?? null);
		calls[id] = entry;
		return entry;
	}

	const client = new Client({ name: 'ts-sdk-v1-features', version: '1.0.0' },
			{ capabilities: { sampling: {}, elicitation: {}, roots: { listChanged: true } } });
	client.setRequestHandler(CreateMessageRequestSchema, async (request) => {
		report.handled.sampling.push(request.params);
		return { role: 'assistant', content: { type: 'text', text: 'Four' }, model: 'test-model', stopReason: 'endTurn' };
	});
	let elicitationAnswer = { action: 'accept', content: { username: 'ada', email: 'ada@example.com' } };
	client.setRequestHandler(ElicitRequestSchema, async (request) => {
		report.handled.elicitation.push(request.params);
		return elicitationAnswer;
	});
	client.setRequestHandler(ListRootsRequestSchema, async () => {
		report.handled.roots++;
		return { roots: [{ uri: 'file:///projects/alpha', name: 'alpha' }, { uri: 'file:///projects/beta' }] };
	});
	let logMessages = [];
	client.setNotificationHandler(LoggingMessageNotificationSchema, (notification) => {
		logMessages.push(notification.params);
	});
	const transportErrors = [];
	// The spec lets a notification of a cancelled request cross the cancellation on the
	// wire: the client then reports a progress notification for a token it has forgotten.
	let cancelling = false;
	client.onerror = (error) => {
		if (cancelling && /progress notification for an unknown token/.test(String(error?.message))) {
			return;
		}
		transportErrors.push(describeError(error));
	};
	const transport = new StreamableHTTPClientTransport(new URL(url), { fetch: recordingFetch });
	await client.connect(transport, options);
	report.protocolVersion = transport.protocolVersion ?? null;
	report.serverCapabilities = client.getServerCapabilities() ?? null;

	// resources
	await record('resources.list', () => client.listResources(undefined, options));
	await record('resources.templates', () => client.listResourceTemplates(undefined, options));
	await record('resources.read.text', () => client.readResource({ uri: 'test://static-text' }, options));
	await record('resources.read.binary', () => client.readResource({ uri: 'test://static-binary' }, options));
	await record('resources.read.template', () => client.readResource({ uri: 'test://template/7/data' }, options));
	await record('resources.read.unknown', () => client.readResource({ uri: 'test://no-such-resource' }, options));
	await record('resources.subscribe', () => client.subscribeResource({ uri: 'test://watched-resource' }, options));
	await record('resources.unsubscribe', () => client.unsubscribeResource({ uri: 'test://watched-resource' }, options));

	// prompts and completion
	await record('prompts.list', () => client.listPrompts(undefined, options));
	await record('prompts.get.simple', () => client.getPrompt({ name: 'test_simple_prompt' }, options));
	await record('prompts.get.arguments', () => client.getPrompt({ name: 'test_prompt_with_arguments',
		arguments: { arg1: 'first', arg2: 'second' } }, options));
	await record('prompts.get.embedded', () => client.getPrompt({ name: 'test_prompt_with_embedded_resource',
		arguments: { resourceUri: 'test://example' } }, options));
	await record('complete.pa', () => client.complete({ ref: { type: 'ref/prompt', name: 'test_prompt_with_arguments' },
		argument: { name: 'arg1', value: 'pa' } }, options));
	await record('complete.park', () => client.complete({ ref: { type: 'ref/prompt', name: 'test_prompt_with_arguments' },
		argument: { name: 'arg1', value: 'park' } }, options));

	// logging: three messages at info, none once the level is raised to warning
	await record('logging.setLevel.info', () => client.setLoggingLevel('info', options));
	await record('logging.tool.info', () => client.callTool({ name: 'test_tool_with_logging', arguments: {} }, undefined, options));
	report.logMessagesAtInfo = logMessages;
	logMessages = [];
	await record('logging.setLevel.warning', () => client.setLoggingLevel('warning', options));
	await record('logging.tool.warning', () => client.callTool({ name: 'test_tool_with_logging', arguments: {} }, undefined, options));
	report.logMessagesAtWarning = logMessages;

	// progress
	const progress = [];
	await record('progress', () => client.callTool({ name: 'test_tool_with_progress', arguments: {} }, CallToolResultSchema,
			{ ...options, onprogress: (update) => progress.push(update) }));
	report.progress = progress;

	// sampling, elicitation and roots: server requests answered by the handlers above
	await record('sampling', () => client.callTool({ name: 'test_sampling', arguments: { prompt: 'What is 2+2?' } }, undefined, options));
	await record('elicitation.accept', () => client.callTool({ name: 'test_elicitation',
		arguments: { message: 'Who are you?' } }, undefined, options));
	elicitationAnswer = { action: 'decline' };
	await record('elicitation.decline', () => client.callTool({ name: 'test_elicitation',
		arguments: { message: 'Who are you, again?' } }, undefined, options));
	await record('roots', () => client.callTool({ name: 'test_input_required_result_list_roots', arguments: {} }, undefined, options));

	// cancellation: abort once the first progress notification arrived
	const controller = new AbortController();
	const cancelledProgress = [];
	cancelling = true;
	await record('cancelled', () => client.callTool({ name: 'test_tool_with_progress', arguments: {} },
			CallToolResultSchema, { ...options, signal: controller.signal, onprogress: (update) => {
				cancelledProgress.push(update);
				controller.abort('the user changed their mind');
			} }));
	report.cancelledProgress = cancelledProgress;
	await new Promise((resolve) => setTimeout(resolve, 300));
	await record('afterCancel', () => client.callTool({ name: 'test_simple_text', arguments: {} }, undefined, options));

	// errors up to here only: ending the session ends its GET stream, and the client may
	// try to reconnect it before it closes
	report.transportErrors = [...transportErrors];
	await transport.terminateSession();
	await client.close();
	await Promise.race([Promise.allSettled(pendingReads), new Promise((resolve) => setTimeout(resolve, 2_000))]);
	report.exchanges = exchanges;
	return report;
}

main().then(
	(report) => process.stdout.write(`${JSON.stringify(report, null, 2)}\n`, () => process.exit(0)),
	(error) => fail(error?.stack ?? String(error)),
);
