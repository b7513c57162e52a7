// Drives scripts/failover.sh with the official MCP TypeScript SDK 1.x client.
//
//   node driver.mjs calls  URL MARK_DIR   20 sessions, 12,000 tools/call of "record" in all
//   node driver.mjs resume URL MARK_DIR   one slow "countdown" call whose stream is cut
//
// The driver writes marker files into MARK_DIR for the script to act on (kill, restart) and
// prints one JSON object with its counts on stdout. Settings come from the environment:
// SESSIONS, CALLS, RATE (calls per second in all), CALL_TIMEOUT_MS, KILL_AT and RESTART_AT
// (fractions of CALLS), STEPS, STEP_MS and CUT_AT_STEP for the resumption check.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';

const [mode, url, markDir] = process.argv.slice(2);
const env = (name, fallback) => Number(process.env[name] ?? fallback);
const mark = (name, content = '') => writeFileSync(join(markDir, name), String(content));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function connect(name, onStatus, onTransportError = () => {}) {
	let lastError;
	for (let attempt = 0; attempt < 5; attempt++) {
		const client = new Client({ name, version: '1.0.0' });
		const transport = new StreamableHTTPClientTransport(new URL(url), {
			reconnectionOptions: { initialReconnectionDelay: 200, maxReconnectionDelay: 1000,
				reconnectionDelayGrowFactor: 1.5, maxRetries: 10 },
		});
		client.onerror = onTransportError;
		try {
			await client.connect(transport);
			return client;
		}
		catch (error) {
			lastError = error;
			onStatus?.(error);
			await client.close().catch(() => {});
			await sleep(100);
		}
	}
	throw lastError;
}

const is404 = (error) => error?.code === 404 || /\b404\b|Session not found/.test(String(error?.message));
const isTimeout = (error) => error instanceof McpError && error.code === ErrorCode.RequestTimeout;

async function calls() {
	const sessions = env('SESSIONS', 20);
	const total = env('CALLS', 12000);
	const rate = env('RATE', 300);
	const timeout = env('CALL_TIMEOUT_MS', 10000);
	const killAt = Math.floor(total * env('KILL_AT', 0.4));
	const restartAt = Math.floor(total * env('RESTART_AT', 0.42));
	// the last calls wait until the restarted instance is ready, so that it takes its share
	const gateAt = Math.floor(total * env('GATE_AT', 0.8));
	let gate;
	const passGate = () => gate ??= (async () => {
		const until = Date.now() + env('GATE_TIMEOUT_MS', 90000);
		while (!existsSync(join(markDir, 'restarted')) && Date.now() < until) await sleep(50);
		counts.gateWaitSeconds = Math.round((Date.now() - gateStarted) / 100) / 10;
	})();
	let gateStarted;
	const counts = { made: 0, answered: 0, failed: 0, lost: 0, wrong: 0, retried: 0, retryAnswered: 0,
		reconnects: 0, sessionsWith404: 0 };
	const sessionsWith404 = new Set();
	const errors = {};
	const retriesAnsweredBy = {};
	const failedKeys = [];
	const noteError = (error) => {
		const key = String(error?.message ?? error).replace(/[0-9a-f-]{36}/g, '<id>').slice(0, 120);
		errors[key] = (errors[key] ?? 0) + 1;
	};
	let next = 0;
	const started = Date.now();

	async function call(client, key) {
		const result = await client.callTool({ name: 'record', arguments: { key } }, undefined, { timeout });
		const text = result.content?.[0]?.text ?? '';
		if (result.isError || !text.startsWith(`recorded ${key} on `)) {
			throw new Error(`unexpected result: ${JSON.stringify(result).slice(0, 200)}`);
		}
		return text.substring(text.lastIndexOf(' on ') + 4);
	}

	async function session(s) {
		const note404 = (error) => { if (is404(error)) sessionsWith404.add(s); };
		const open = async () => {
			try {
				return await connect(`failover-${s}`, note404);
			}
			catch (error) {
				noteError(error);
				counts.sessionsNotOpened = (counts.sessionsNotOpened ?? 0) + 1;
				return undefined;
			}
		};
		let client = await open();
		while (true) {
			const i = next++;
			if (i >= total) break;
			if (i === killAt) mark('kill');
			if (i === restartAt) mark('restart');
			if (i >= gateAt) {
				gateStarted ??= Date.now();
				await passGate();
			}
			const due = started + (Math.min(i, gateAt) * 1000) / rate;
			if (due > Date.now()) await sleep(due - Date.now());
			const key = `s${s}-c${i}`;
			counts.made++;
			client ??= await open();
			if (!client) {
				// no session to call in: the call fails without reaching a server
				counts.failed++;
				continue;
			}
			try {
				await call(client, key);
				counts.answered++;
				continue;
			}
			catch (error) {
				noteError(error);
				failedKeys.push(key);
				if (isTimeout(error)) counts.lost++;
				else if (/unexpected result/.test(error.message)) counts.wrong++;
				else counts.failed++;
				note404(error);
				if (is404(error)) {
					await client.close().catch(() => {});
					client = await open();
					counts.reconnects++;
					if (!client) continue;
				}
			}
			// the client's retry of the failed call, under a key of its own
			counts.retried++;
			try {
				const instance = await call(client, `${key}-retry`);
				counts.retryAnswered++;
				retriesAnsweredBy[instance] = (retriesAnsweredBy[instance] ?? 0) + 1;
			}
			catch (error) {
				noteError(error);
				note404(error);
			}
		}
		await client?.close().catch(() => {});
	}

	await Promise.all(Array.from({ length: sessions }, (_, s) => session(s)));
	counts.sessionsWith404 = sessionsWith404.size;
	counts.seconds = Math.round((Date.now() - started) / 100) / 10;
	counts.retriesAnsweredBy = retriesAnsweredBy;
	counts.errors = errors;
	counts.failedKeys = failedKeys;
	return counts;
}

async function resume() {
	const steps = env('STEPS', 40);
	const stepMs = env('STEP_MS', 150);
	const cutAt = env('CUT_AT_STEP', 10);
	let client;
	const transportErrors = [];
	try {
		client = await connect('failover-resume', undefined, (error) => transportErrors.push(String(error?.message ?? error).slice(0, 160)));
	}
	catch (error) {
		return { steps, received: 0, missing: [], repeated: [], progressFrom: [], eventIds: 0,
			error: `no session: ${String(error?.message ?? error).slice(0, 160)}` };
	}
	const seen = [];
	const instances = new Set();
	const resumptionTokens = [];
	const outcome = { steps };
	let cutTime;
	try {
		const result = await client.callTool({ name: 'countdown', arguments: { steps, intervalMillis: stepMs } },
			undefined, {
				timeout: steps * stepMs + 8000,
				resetTimeoutOnProgress: false,
				onprogress: (progress) => {
					seen.push(progress.progress);
					const instance = /on (\S+)$/.exec(progress.message ?? '')?.[1];
					if (instance) instances.add(instance);
					if (progress.progress === cutAt) {
						cutTime = Date.now();
						mark('cut', instance);
					}
				},
				onresumptiontoken: (token) => resumptionTokens.push(token),
			});
		outcome.answer = result.content?.[0]?.text ?? JSON.stringify(result);
	}
	catch (error) {
		outcome.error = String(error?.message ?? error).slice(0, 200);
	}
	if (cutTime !== undefined) outcome.endedAfterCutMs = Date.now() - cutTime;
	const counted = new Map();
	seen.forEach((p) => counted.set(p, (counted.get(p) ?? 0) + 1));
	outcome.received = seen.length;
	outcome.missing = Array.from({ length: steps }, (_, i) => i + 1).filter((p) => !counted.has(p));
	outcome.repeated = [...counted].filter(([, n]) => n > 1).map(([p]) => p);
	outcome.progressFrom = [...instances];
	outcome.eventIds = resumptionTokens.length;
	outcome.transportErrors = [...new Set(transportErrors)].slice(0, 4);
	await client.close().catch(() => {});
	return outcome;
}

const run = { calls, resume }[mode];
if (!run) {
	console.error('usage: node driver.mjs calls|resume URL MARK_DIR');
	process.exit(2);
}
console.log(JSON.stringify(await run()));
process.exit(0);
