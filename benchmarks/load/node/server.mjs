// The official TypeScript SDK (1.x) peer: echo, add and text10k over Streamable HTTP in stateless mode
// (sessionIdGenerator: undefined) with JSON responses, one server and transport per request, as the SDK's
// stateless example does. Usage: node server.mjs PORT
import http from 'node:http';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';

const port = Number(process.argv[2] ?? 8080);
const line = 'The quick brown fox jumps over the lazy dog. ';
const text = (line.repeat(Math.ceil(10240 / line.length)).slice(0, 10240 - 3)) + 'END';

function createServer() {
  const server = new McpServer({ name: 'typescript-bench', version: '1.0.0' });
  server.registerTool('echo', { description: 'Echo a message back', inputSchema: { message: z.string() } },
    async ({ message }) => ({ content: [{ type: 'text', text: message }] }));
  server.registerTool('add', { description: 'Add two integers', inputSchema: { a: z.number().int(), b: z.number().int() } },
    async ({ a, b }) => ({ content: [{ type: 'text', text: String(a + b) }] }));
  server.registerTool('text10k', { description: 'Return 10 KB of text' },
    async () => ({ content: [{ type: 'text', text }] }));
  return server;
}

http.createServer(async (req, res) => {
  if (req.method !== 'POST' || !req.url.startsWith('/mcp')) {
    res.writeHead(405).end();
    return;
  }
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  let body;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    res.writeHead(400).end();
    return;
  }
  const server = createServer();
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  res.on('close', () => { transport.close(); server.close(); });
  await server.connect(transport);
  await transport.handleRequest(req, res, body);
}).listen(port, '127.0.0.1', () => console.log(`typescript-bench listening on ${port}`));
