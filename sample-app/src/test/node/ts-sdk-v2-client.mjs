// Drives an MCP server with the official TypeScript SDK v2.x client on the stateless
// revision 2026-07-28 while a v1.x client keeps a Streamable HTTP session (2025-11-25)
// open against the same endpoint, and prints one JSON report of what both clients got.
//
// Usage: node ts-sdk-v2-client.mjs http://localhost:8080/mcp
//
// The server must run the sample's `conformance` profile. Exit code 0 when the script ran
// to the end (failures of individual calls are recorded in the report), 1 on an
// unexpected failure (message on stderr).

import { readFileSync } from 'node:fs';
import { Client as ClientV2, StreamableHTTPClientTransport as TransportV2 } from '@modelcontextprotocol/client';
import { Client as ClientV1 } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport as TransportV1 } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';

const OVERALL_TIMEOUT_MS = 40_000;
const REQUEST_TIMEOUT_MS = 10_000;
const MODERN = '2026-07-28';

function fail(message) {
	process.stderr.write(`ts-sdk-v2-client: ${message}\n`, () => process.exit(1));
}

const watchdog = setTimeout(() => fail(`gave up after ${OVERALL_TIMEOUT_MS} ms`), OVERALL_TIMEOUT_MS);
watchdog.unref();

function packageVersion(name) {
	const packageJson = new URL(`./node_modules/${name}/package.json`, import.meta.url);
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

// Reads of response streams still going on in the background.
const pendingReads = [];

// A fetch that records every HTTP exchange of one client, so the report shows the wire.
function recordingFetch(exchanges) {
	return async (url, init = {}) => {
		const method = init.method ?? 'GET';
		const headers = new Headers(init.headers);
		const exchange = {
			method,
			requestHeaders: {
				'mcp-session-id': headers.get('mcp-session-id'),
				'mcp-protocol-version': headers.get('mcp-protocol-version'),
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
		if (method === 'POST') {
			const copy = response.clone();
			if ((exchange.responseHeaders['content-type'] ?? '').includes('text/event-stream')) {
				// read in the background: the stream may stay open until the client answers a
				// server request it carries, so waiting for its end here would deadlock
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
	};
}

// Runs one client call, recording its result or error under `id`.
async function record(calls, id, action) {
	const entry = {};
	try {
		entry.result = await action();
	}
	catch (error) {
		entry.error = describeError(error);
	}
	calls[id] = entry;
	return entry;
}

async function main() {
	const url = process.argv[2];
	if (!url) {
		throw new Error('usage: node ts-sdk-v2-client.mjs <mcp endpoint url>');
	}
	const options = { timeout: REQUEST_TIMEOUT_MS };

	// the 1.x client: a 2025-11-25 session, open before, during and after the 2.x client's work
	const v1Exchanges = [];
	const v1Elicitations = [];
	const v1 = new ClientV1({ name: 'ts-sdk-v1-alongside', version: '1.0.0' }, { capabilities: { elicitation: {} } });
	v1.setRequestHandler(ElicitRequestSchema, async (request) => {
		v1Elicitations.push(request.params);
		return { action: 'accept', content: { name: 'Grace' } };
	});
	const v1Transport = new TransportV1(new URL(url), { fetch: recordingFetch(v1Exchanges) });
	const v1Errors = [];
	v1.onerror = (error) => v1Errors.push(describeError(error));
	await v1.connect(v1Transport, options);
	const v1Report = {
		sdkVersion: packageVersion('@modelcontextprotocol/sdk'),
		protocolVersion: v1Transport.protocolVersion ?? null,
		sessionId: v1Transport.sessionId ?? null,
		calls: {},
		elicitations: v1Elicitations,
	};
	await record(v1Report.calls, 'before.simpleText',
			() => v1.callTool({ name: 'test_simple_text', arguments: {} }, undefined, options));

	// the 2.x client, pinned to the stateless revision
	const v2Exchanges = [];
	const v2Requests = { elicitation: [], sampling: [], roots: [] };
	const v2 = new ClientV2({ name: 'ts-sdk-v2-integration-test', version: '2.0.0' }, {
		capabilities: { elicitation: { form: {} }, sampling: {}, roots: {} },
		versionNegotiation: { mode: { pin: MODERN } },
	});
	v2.setRequestHandler('elicitation/create', async (request) => {
		v2Requests.elicitation.push(request.params);
		return { action: 'accept', content: { name: 'Ada' } };
	});
	v2.setRequestHandler('sampling/createMessage', async (request) => {
		v2Requests.sampling.push(request.params);
		return { role: 'assistant', content: { type: 'text', text: 'Paris' }, model: 'test-model' };
	});
	v2.setRequestHandler('roots/list', async (request) => {
		v2Requests.roots.push(request.params ?? {});
		return { roots: [{ uri: 'file:///work/ada', name: 'ada' }] };
	});
	const v2Errors = [];
	v2.onerror = (error) => v2Errors.push(describeError(error));
	await v2.connect(new TransportV2(new URL(url), { fetch: recordingFetch(v2Exchanges) }), options);
	const v2Report = {
		sdkVersion: packageVersion('@modelcontextprotocol/client'),
		protocolVersion: v2.getNegotiatedProtocolVersion?.() ?? null,
		serverVersion: v2.getServerVersion() ?? null,
		serverCapabilities: v2.getServerCapabilities() ?? null,
		calls: {},
		handledRequests: v2Requests,
	};
	const v2Calls = v2Report.calls;
	// the 1.x session works while the 2.x client's calls are in flight
	await Promise.all([
		(async () => {
			await record(v2Calls, 'tools', () => v2.listTools(undefined, options));
			await record(v2Calls, 'simpleText', () => v2.callTool({ name: 'test_simple_text', arguments: {} }, options));
			await record(v2Calls, 'elicitation',
					() => v2.callTool({ name: 'test_input_required_result_elicitation', arguments: {} }, options));
			await record(v2Calls, 'sampling',
					() => v2.callTool({ name: 'test_input_required_result_sampling', arguments: {} }, options));
			await record(v2Calls, 'roots',
					() => v2.callTool({ name: 'test_input_required_result_list_roots', arguments: {} }, options));
			await record(v2Calls, 'resource', () => v2.readResource({ uri: 'test://static-text' }, options));
			await record(v2Calls, 'template', () => v2.readResource({ uri: 'test://template/42/data' }, options));
			await record(v2Calls, 'prompt', () => v2.getPrompt({ name: 'test_prompt_with_arguments',
				arguments: { arg1: 'alpha', arg2: 'beta' } }, options));
		})(),
		record(v1Report.calls, 'during.tools', () => v1.listTools(undefined, options)),
	]);
	await v2.close();

	await record(v1Report.calls, 'after.elicitation',
			() => v1.callTool({ name: 'test_input_required_result_elicitation', arguments: {} }, undefined, options));
	await record(v1Report.calls, 'after.prompt', () => v1.getPrompt({ name: 'test_simple_prompt' }, options));
	// errors up to here only: ending the session ends its GET stream, which the client
	// may try to reconnect before it closes
	v1Report.transportErrors = [...v1Errors];
	await v1Transport.terminateSession();
	await v1.close();

	await Promise.race([Promise.allSettled(pendingReads), new Promise((resolve) => setTimeout(resolve, 2_000))]);
	v1Report.exchanges = v1Exchanges;
	v2Report.transportErrors = v2Errors;
	v2Report.exchanges = v2Exchanges;
	return { v1: v1Report, v2: v2Report };
}

main().then(
	(report) => process.stdout.write(`${JSON.stringify(report, null, 2)}\n`, () => process.exit(0)),
	(error) => fail(error?.stack ?? String(error)),
);
