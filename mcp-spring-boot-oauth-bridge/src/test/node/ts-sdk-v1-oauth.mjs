// Drives the OAuth bridge end to end with the OAuth support of the official TypeScript SDK (v1.x) client:
// the client meets a 401 at the MCP server, discovers the bridge from the protected resource metadata,
// registers itself dynamically, and sends the user agent to the authorization endpoint. This script plays
// the user agent: it follows redirects with a cookie jar, logs in at the upstream identity provider's form,
// approves the bridge's consent page and lands on the client's loopback redirect URI, where a small HTTP
// server takes the code. The client then exchanges the code (PKCE) and calls a tool with the token.
//
// Usage: node ts-sdk-v1-oauth.mjs http://127.0.0.1:8080/mcp <username> <password> [client-metadata-url]
//
// Prints one JSON report on stdout. Exit code 0 when the flow ran to the end, 1 otherwise (message on stderr).

import { createServer } from 'node:http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';

const OVERALL_TIMEOUT_MS = 60_000;
const MAX_REDIRECTS = 20;

function fail(message) {
	process.stderr.write(`ts-sdk-v1-oauth: ${message}\n`, () => process.exit(1));
}

const watchdog = setTimeout(() => fail(`gave up after ${OVERALL_TIMEOUT_MS} ms`), OVERALL_TIMEOUT_MS);
watchdog.unref();

// With a fourth argument, the client's ID is the HTTPS URL of its client ID metadata document (no registration).
const [mcpUrl, username, password, clientMetadataUrl] = process.argv.slice(2);
if (!mcpUrl || !username || !password) {
	fail('usage: node ts-sdk-v1-oauth.mjs <mcp-url> <username> <password>');
}

// What the client sent to the authorization servers, without secrets: method, URL and parameter names.
const clientRequests = [];
// Every page the user agent went through.
const userAgentVisits = [];

function parameterNames(body) {
	if (body instanceof URLSearchParams) {
		return [...body.keys()];
	}
	if (typeof body === 'string') {
		try {
			return Object.keys(JSON.parse(body));
		}
		catch {
			return [...new URLSearchParams(body).keys()];
		}
	}
	return [];
}

async function recordingFetch(url, init = {}) {
	const target = new URL(url instanceof Request ? url.url : url);
	const response = await fetch(url, init);
	if (target.pathname !== new URL(mcpUrl).pathname) {
		clientRequests.push({
			method: init.method ?? 'GET',
			path: target.pathname,
			parameters: parameterNames(init.body),
			status: response.status,
		});
	}
	return response;
}

// The loopback redirect URI of the client (RFC 8252): the code arrives here.
let resolveCallback;
const callbackReceived = new Promise((resolve) => {
	resolveCallback = resolve;
});
const callbackServer = createServer((request, response) => {
	const url = new URL(request.url, 'http://127.0.0.1');
	if (url.pathname === '/callback') {
		resolveCallback(Object.fromEntries(url.searchParams));
		response.writeHead(200, { 'Content-Type': 'text/plain' }).end('You may close this window.');
	}
	else {
		response.writeHead(404).end();
	}
});
await new Promise((resolve) => callbackServer.listen(0, '127.0.0.1', resolve));
const redirectUrl = `http://127.0.0.1:${callbackServer.address().port}/callback`;

// A browser's cookie jar: cookies belong to a host name, whatever the port.
const cookies = new Map();

function storeCookies(url, response) {
	const jar = cookies.get(url.hostname) ?? new Map();
	for (const header of response.headers.getSetCookie()) {
		const [pair] = header.split(';');
		const index = pair.indexOf('=');
		jar.set(pair.slice(0, index).trim(), pair.slice(index + 1).trim());
	}
	cookies.set(url.hostname, jar);
}

function cookieHeader(url) {
	const jar = cookies.get(url.hostname);
	return jar ? [...jar].map(([name, value]) => `${name}=${value}`).join('; ') : undefined;
}

// Loads a page as a browser would, following redirects; returns the last URL and its body.
async function browse(url, init = {}) {
	let target = new URL(url);
	let request = init;
	for (let hop = 0; hop < MAX_REDIRECTS; hop++) {
		const headers = new Headers(request.headers);
		headers.set('Accept', 'text/html,application/xhtml+xml');
		const cookie = cookieHeader(target);
		if (cookie) {
			headers.set('Cookie', cookie);
		}
		const response = await fetch(target, { ...request, headers, redirect: 'manual' });
		storeCookies(target, response);
		userAgentVisits.push({ method: request.method ?? 'GET', host: target.host, path: target.pathname, status: response.status });
		const location = response.headers.get('location');
		if (response.status >= 300 && response.status < 400 && location) {
			await response.body?.cancel();
			target = new URL(location, target);
			request = {};
			continue;
		}
		return { url: target, status: response.status, body: await response.text() };
	}
	throw new Error(`more than ${MAX_REDIRECTS} redirects from ${url}`);
}

function decodeEntities(text) {
	return text.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<')
		.replaceAll('&gt;', '>');
}

// The first form of a page: its action and inputs.
function parseForm(page) {
	const form = /<form\b([^>]*)>([\s\S]*?)<\/form>/i.exec(page.body);
	if (!form) {
		throw new Error(`no form at ${page.url} (HTTP ${page.status}): ${page.body.slice(0, 300)}`);
	}
	const attribute = (tag, name) => {
		const match = new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`, 'i').exec(tag);
		return match ? decodeEntities(match[1]) : undefined;
	};
	const inputs = [...form[2].matchAll(/<input\b[^>]*>/gi)].map(([tag]) => ({
		type: (attribute(tag, 'type') ?? 'text').toLowerCase(),
		name: attribute(tag, 'name'),
		value: attribute(tag, 'value') ?? '',
	}));
	return { action: new URL(attribute(form[1], 'action') ?? page.url.href, page.url), inputs };
}

async function submit(form, fields) {
	return browse(form.action, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields),
	});
}

const report = { redirectUrl };

// Plays the user: the upstream login form, then the consent page of the bridge, then the redirect URI.
async function authorizeAsUser(authorizationUrl) {
	report.authorizationRequest = {
		host: authorizationUrl.host,
		path: authorizationUrl.pathname,
		parameters: Object.fromEntries([...authorizationUrl.searchParams].filter(([name]) => name !== 'code_challenge')),
		hasCodeChallenge: authorizationUrl.searchParams.has('code_challenge'),
	};
	const loginPage = await browse(authorizationUrl);
	report.loginPage = { host: loginPage.url.host, path: loginPage.url.pathname };
	const login = parseForm(loginPage);
	const fields = login.inputs.filter((input) => input.type === 'hidden').map((input) => [input.name, input.value]);
	fields.push(['username', username], ['password', password]);
	const consentPage = await submit(login, fields);
	report.consentPage = { host: consentPage.url.host, path: consentPage.url.pathname, status: consentPage.status };
	const consent = parseForm(consentPage);
	const scopes = consent.inputs.filter((input) => input.name === 'scope').map((input) => input.value);
	report.consentPage.scopes = scopes;
	const approval = consent.inputs.filter((input) => input.type === 'hidden').map((input) => [input.name, input.value]);
	scopes.forEach((scope) => approval.push(['scope', scope]));
	const landing = await submit(consent, approval);
	report.landing = { host: landing.url.host, path: landing.url.pathname, status: landing.status };
}

const expectedState = crypto.randomUUID();
let clientInformation;
let tokens;
let codeVerifier;

const authProvider = {
	get redirectUrl() {
		return redirectUrl;
	},
	get clientMetadata() {
		return {
			client_name: 'MCP Spring Boot OAuth bridge test',
			redirect_uris: [redirectUrl],
			grant_types: ['authorization_code', 'refresh_token'],
			response_types: ['code'],
			token_endpoint_auth_method: 'none',
		};
	},
	get clientMetadataUrl() {
		return clientMetadataUrl;
	},
	state: () => expectedState,
	clientInformation: () => clientInformation,
	saveClientInformation: (information) => {
		clientInformation = information;
	},
	tokens: () => tokens,
	saveTokens: (saved) => {
		tokens = saved;
	},
	redirectToAuthorization: (authorizationUrl) => authorizeAsUser(authorizationUrl),
	saveCodeVerifier: (verifier) => {
		codeVerifier = verifier;
	},
	codeVerifier: () => codeVerifier,
};

function claimsOf(jwt) {
	return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
}

async function connect() {
	const client = new Client({ name: 'oauth-bridge-e2e', version: '1.0.0' });
	const transport = new StreamableHTTPClientTransport(new URL(mcpUrl), { authProvider, fetch: recordingFetch });
	await client.connect(transport);
	return { client, transport };
}

try {
	const firstTransport = new StreamableHTTPClientTransport(new URL(mcpUrl), { authProvider, fetch: recordingFetch });
	const firstClient = new Client({ name: 'oauth-bridge-e2e', version: '1.0.0' });
	try {
		await firstClient.connect(firstTransport);
		throw new Error('the MCP server accepted a client without a token');
	}
	catch (error) {
		if (!(error instanceof UnauthorizedError)) {
			throw error;
		}
		report.firstAttempt = 'UnauthorizedError';
	}
	const callback = await callbackReceived;
	report.callback = { parameters: Object.keys(callback), stateMatches: callback.state === expectedState, error: callback.error };
	if (!callback.code) {
		throw new Error(`no code at the redirect URI: ${JSON.stringify(callback)}`);
	}
	await firstTransport.finishAuth(callback.code);
	report.client = {
		clientId: clientInformation.client_id,
		tokenEndpointAuthMethod: clientInformation.token_endpoint_auth_method,
		hasSecret: clientInformation.client_secret !== undefined,
		scope: clientInformation.scope,
	};
	report.token = {
		type: tokens.token_type,
		scope: tokens.scope,
		hasRefreshToken: tokens.refresh_token !== undefined,
		claims: claimsOf(tokens.access_token),
	};
	const { client, transport } = await connect();
	const result = await client.callTool({ name: 'whoami', arguments: {} });
	report.toolResult = { isError: result.isError ?? false, text: result.content?.[0]?.text };
	await transport.close();
	report.clientRequests = clientRequests;
	report.userAgentVisits = userAgentVisits;
	process.stdout.write(JSON.stringify(report, null, 2) + '\n', () => {
		callbackServer.close();
		process.exit(0);
	});
}
catch (error) {
	fail(`${error?.stack ?? error}\nclient requests: ${JSON.stringify(clientRequests)}\nuser agent: ${JSON.stringify(userAgentVisits)}`);
}
