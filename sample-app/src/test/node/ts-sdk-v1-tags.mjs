// Watches tags at work with the official TypeScript SDK (v1.x) client over Streamable HTTP:
// lists the tools, calls a tool that disables a tag at run time, waits for
// notifications/tools/list_changed and lists the tools again. Prints one JSON report.
//
// Usage: node ts-sdk-v1-tags.mjs http://localhost:8080/mcp TOOL_THAT_DISABLES
//
// Exit code 0 when the script ran to the end, 1 on an unexpected failure (message on stderr).

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';

const OVERALL_TIMEOUT_MS = 30_000;
const NOTIFICATION_TIMEOUT_MS = 10_000;

function fail(message) {
	process.stderr.write(`ts-sdk-v1-tags: ${message}\n`, () => process.exit(1));
}

const watchdog = setTimeout(() => fail(`gave up after ${OVERALL_TIMEOUT_MS} ms`), OVERALL_TIMEOUT_MS);
watchdog.unref();

async function main() {
	const [url, disablingTool] = process.argv.slice(2);
	if (!url || !disablingTool) {
		fail('usage: node ts-sdk-v1-tags.mjs URL TOOL_THAT_DISABLES');
		return;
	}
	const client = new Client({ name: 'ts-sdk-v1-tags', version: '1.0.0' });
	let listChanged;
	const changed = new Promise((resolve) => {
		listChanged = resolve;
	});
	client.setNotificationHandler(ToolListChangedNotificationSchema, () => listChanged(true));
	await client.connect(new StreamableHTTPClientTransport(new URL(url)));
	const report = {};
	report.before = (await client.listTools()).tools.map((tool) => tool.name).sort();
	const called = await client.callTool({ name: disablingTool, arguments: {} });
	report.called = called.content.map((content) => content.text);
	report.listChanged = await Promise.race([changed,
		new Promise((resolve) => setTimeout(() => resolve(false), NOTIFICATION_TIMEOUT_MS))]);
	report.after = (await client.listTools()).tools.map((tool) => tool.name).sort();
	try {
		await client.callTool({ name: 'beta_search', arguments: { query: 'x' } });
		report.disabledCall = 'answered';
	}
	catch (error) {
		report.disabledCall = { code: error.code, message: error.message };
	}
	await client.close();
	process.stdout.write(JSON.stringify(report) + '\n', () => process.exit(0));
}

main().catch((error) => fail(error.stack ?? String(error)));
