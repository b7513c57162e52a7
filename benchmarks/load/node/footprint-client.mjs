// The bounded client of footprint.sh.
//   node footprint-client.mjs sessions PORT COUNT CONCURRENCY IDS_FILE
//     initializes COUNT 2025-11-25 sessions (at most CONCURRENCY at a time), writes their ids to IDS_FILE
//     and prints "SESSIONS created=N rejected=N failed=N statuses=..."
//   node footprint-client.mjs streams PORT COUNT CONCURRENCY IDS_FILE HOLD_SECONDS
//     opens one standalone GET stream on each of the first COUNT sessions at once, prints
//     "STREAMS open=N pending=N failed=N" (pending: no response headers after STREAM_SETTLE_SECONDS, still open),
//     keeps them open (reading) for at most HOLD_SECONDS, then exits
import { readFileSync, writeFileSync } from 'node:fs';

const [mode, port, countArg, concurrencyArg, idsFile, holdArg] = process.argv.slice(2);
const url = `http://127.0.0.1:${port}/mcp`;
const count = Number(countArg);
const concurrency = Number(concurrencyArg);
const deadline = setTimeout(() => { console.log('TIMEOUT'); process.exit(3); }, 600_000);

async function pool(total, task) {
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, total) }, async () => {
    while (next < total) await task(next++);
  });
  await Promise.all(workers);
}

const base = { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' };

if (mode === 'sessions') {
  const ids = [];
  const statuses = {};
  let failed = 0;
  await pool(count, async (i) => {
    try {
      const res = await fetch(url, { method: 'POST', headers: base, body: JSON.stringify({ jsonrpc: '2.0', id: i,
        method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {},
          clientInfo: { name: 'footprint', version: '1.0' } } }) });
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      await res.arrayBuffer();
      const id = res.headers.get('mcp-session-id');
      if (res.ok && id) {
        ids.push(id);
        const ack = await fetch(url, { method: 'POST', headers: { ...base, 'Mcp-Session-Id': id,
          'MCP-Protocol-Version': '2025-11-25' }, body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }) });
        await ack.arrayBuffer();
      }
    } catch (ex) {
      failed++;
    }
  });
  writeFileSync(idsFile, ids.join('\n'));
  const rejected = Object.entries(statuses).filter(([s]) => s !== '200').reduce((n, [, v]) => n + v, 0);
  console.log(`SESSIONS created=${ids.length} rejected=${rejected} failed=${failed} statuses=${JSON.stringify(statuses)}`);
  clearTimeout(deadline);
} else if (mode === 'streams') {
  const ids = readFileSync(idsFile, 'utf8').split('\n').filter(Boolean).slice(0, count);
  // fire every GET at once: a server may hold the response headers back until its first event (a keep-alive
  // comment, or nothing), so waiting for headers one pool slot at a time would take minutes
  let open = 0;
  let pending = 0;
  let failed = 0;
  const controllers = [];
  const settle = Number(process.env.STREAM_SETTLE_SECONDS ?? 10) * 1000;
  await Promise.all(ids.map((id) => new Promise((resolve) => {
    const controller = new AbortController();
    controllers.push(controller);
    let settled = false;
    const timer = setTimeout(() => { if (!settled) { settled = true; pending++; resolve(); } }, settle);
    fetch(url, { method: 'GET', signal: controller.signal, headers: { Accept: 'text/event-stream',
      'Mcp-Session-Id': id, 'MCP-Protocol-Version': '2025-11-25' } }).then(async (res) => {
      const ok = res.ok && (res.headers.get('content-type') ?? '').startsWith('text/event-stream');
      if (!settled) { settled = true; clearTimeout(timer); ok ? open++ : failed++; resolve(); }
      else if (ok) { pending--; open++; }
      else { pending--; failed++; }
      // drain in the background so that keep-alive comments never back up
      try { for await (const _ of res.body) { /* discard */ } } catch { /* aborted */ }
    }, () => { if (!settled) { settled = true; clearTimeout(timer); failed++; resolve(); } });
  })));
  console.log(`STREAMS open=${open} pending=${pending} failed=${failed}`);
  setTimeout(() => { controllers.forEach((c) => c.abort()); clearTimeout(deadline); process.exit(0); },
    Number(holdArg ?? 60) * 1000);
} else {
  console.error('mode must be sessions or streams');
  process.exit(2);
}
