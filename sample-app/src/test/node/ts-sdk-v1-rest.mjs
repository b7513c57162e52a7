// Drives the REST endpoints of the sample's `rest` profile, offered as MCP tools, with the
// official TypeScript SDK (v1.x) client over Streamable HTTP: lists the tools and calls them,
// including a 404 and a request body that fails validation. The SDK checks every
// structuredContent against the tool's outputSchema. Prints one JSON report.
//
// Usage: node ts-sdk-v1-rest.mjs http://localhost:8080/mcp
//
// Exit code 0 when the script ran to the end (failures of individual calls are recorded in
// the report), 1 on an unexpected failure (message on stderr).

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const OVERALL_TIMEOUT_MS = 30_000;

function fail(message) {
	process.stderr.write(`ts-sdk-v1-rest: ${message}\n`, () => process.exit(1));
}

const watchdog = setTimeout(() => fail(`gave up after ${OVERALL_TIMEOUT_MS} ms`), OVERALL_TIMEOUT_MS);
watchdog.unref();

async function call(client, name, args) {
	try {
		const result = await client.callTool({ name, arguments: args });
		return {
			isError: result.isError === true,
			text: result.content.map((content) => content.text).join('\n'),
			structuredContent: result.structuredContent ?? null,
		};
	}
	catch (error) {
		return { thrown: { code: error.code, message: error.message } };
	}
}

async function main() {
	const [url] = process.argv.slice(2);
	if (!url) {
		fail('usage: node ts-sdk-v1-rest.mjs URL');
		return;
	}
	const client = new Client({ name: 'ts-sdk-v1-rest', version: '1.0.0' });
	await client.connect(new StreamableHTTPClientTransport(new URL(url)));
	const report = { tools: {} };
	for (const tool of (await client.listTools()).tools) {
		report.tools[tool.name] = {
			description: tool.description,
			inputSchema: tool.inputSchema,
			outputSchema: tool.outputSchema ?? null,
		};
	}
	report.calls = {
		getBook: await call(client, 'getBook', { isbn: '9780441013593' }),
		getMissingBook: await call(client, 'getBook', { isbn: '9780000000000' }),
		findBooks: await call(client, 'findBooks', { query: 'history', genre: 'SCIENCE' }),
		findTooMany: await call(client, 'findBooks', { query: 'a', limit: 99 }),
		addReview: await call(client, 'add_review',
			{ isbn: '9780441013593', body: { reviewer: 'Ada', rating: 5, text: 'Spice!' } }),
		addInvalidReview: await call(client, 'add_review',
			{ isbn: '9780441013593', body: { reviewer: '', rating: 9 } }),
		addReviewToMissingBook: await call(client, 'add_review',
			{ isbn: '9780000000000', body: { reviewer: 'Ada', rating: 3 } }),
		listReviews: await call(client, 'listReviews', { isbn: '9780441013593' }),
	};
	await client.close();
	process.stdout.write(JSON.stringify(report) + '\n', () => process.exit(0));
}

main().catch((error) => fail(error.stack ?? String(error)));
