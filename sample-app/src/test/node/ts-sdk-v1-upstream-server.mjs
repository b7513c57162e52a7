// An upstream MCP server for the proxy tests, written with the official TypeScript SDK 1.x
// (low-level Server API) and served over Streamable HTTP on 127.0.0.1. Prints {"port": N}
// once listening, then serves until killed.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';

const tools = [
	{
		name: 'add',
		description: 'Adds two numbers',
		inputSchema: { type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } }, required: ['a', 'b'] },
	},
	{
		name: 'countdown',
		description: 'Counts down from three, reporting progress',
		inputSchema: { type: 'object', properties: {} },
	},
	{
		name: 'hang',
		description: 'Never answers',
		inputSchema: { type: 'object', properties: {} },
	},
];

function createServer() {
	const server = new Server({ name: 'ts-upstream', version: '1.0.0' }, { capabilities: { tools: { listChanged: true } } });
	server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools }));
	server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
		const args = request.params.arguments ?? {};
		switch (request.params.name) {
			case 'add':
				return { content: [{ type: 'text', text: String(args.a + args.b) }] };
			case 'countdown': {
				const token = request.params._meta?.progressToken;
				for (let i = 1; i <= 3; i++) {
					if (token !== undefined) {
						await extra.sendNotification({
							method: 'notifications/progress',
							params: { progressToken: token, progress: i, total: 3, message: `tick ${i}` },
						});
					}
				}
				return { content: [{ type: 'text', text: 'liftoff' }] };
			}
			case 'hang':
				return new Promise(() => {});
			default:
				return { content: [{ type: 'text', text: `Unknown tool ${request.params.name}` }], isError: true };
		}
	});
	return server;
}

const transports = new Map();

const httpServer = http.createServer(async (req, res) => {
	let body = '';
	for await (const chunk of req) {
		body += chunk;
	}
	const parsed = body ? JSON.parse(body) : undefined;
	const sessionId = req.headers['mcp-session-id'];
	let transport = sessionId ? transports.get(sessionId) : undefined;
	if (!transport) {
		if (sessionId) {
			res.writeHead(404).end();
			return;
		}
		transport = new StreamableHTTPServerTransport({
			sessionIdGenerator: () => randomUUID(),
			onsessioninitialized: (id) => transports.set(id, transport),
		});
		await createServer().connect(transport);
	}
	await transport.handleRequest(req, res, parsed);
});

httpServer.listen(0, '127.0.0.1', () => {
	process.stdout.write(JSON.stringify({ port: httpServer.address().port }) + '\n');
});
