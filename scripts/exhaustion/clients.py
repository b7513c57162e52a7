#!/usr/bin/env python3
"""Raw HTTP/1.1 clients of scripts/exhaustion.sh (Python 3 standard library only).

Every client talks to 127.0.0.1 only, bounds every wait with a timeout, and prints one
JSON object on stdout. Subcommands:

  sessions    open many sessions (initialize + notifications/initialized) against the cap
  streams     open sessions, then one idle GET stream each; hold them while the caller
              measures the heap (marks in a directory say when)
  trickle     slowloris (headers) or slow POST bodies: connections sending a little every
              few seconds; reports when and how the server closed them
  probe       a normal client: stateless tools/call of echo on fresh connections at a fixed
              rate (open loop); reports latency percentiles
  slowreader  a tools/call streaming progress on a socket with a small receive buffer that
              stops reading; then reads what is left
  flood       tools/call streams of many progress notifications, read as fast as possible
  concurrent  many calls at once on one session
  ratelimit   sequential calls; counts 429 and Retry-After
  shutdown    a session with a GET stream and slow calls in flight while the caller sends
              SIGTERM; polls readiness; reports how every call and the stream ended
"""

import argparse
import asyncio
import json
import os
import socket
import sys
import time

HOST = "127.0.0.1"
SESSION_VERSION = "2025-11-25"
STATELESS_VERSION = "2026-07-28"
STATELESS_META = {"io.modelcontextprotocol/protocolVersion": STATELESS_VERSION,
                  "io.modelcontextprotocol/clientCapabilities": {}}
TIMEOUT = 10.0


class HttpError(Exception):
    pass


def request_bytes(port, method, path, headers=None, body=None):
    lines = [f"{method} {path} HTTP/1.1", f"Host: {HOST}:{port}"]
    for name, value in (headers or {}).items():
        lines.append(f"{name}: {value}")
    data = b""
    if body is not None:
        data = body if isinstance(body, bytes) else json.dumps(body, separators=(",", ":")).encode()
        lines.append("Content-Type: application/json")
        lines.append(f"Content-Length: {len(data)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + data


async def read_head(reader):
    line = await reader.readline()
    if not line:
        raise HttpError("connection closed before the status line")
    parts = line.split()
    if len(parts) < 2 or not parts[0].startswith(b"HTTP/"):
        raise HttpError(f"bad status line {line[:60]!r}")
    headers = {}
    while True:
        header = await reader.readline()
        if header in (b"\r\n", b"\n", b""):
            break
        name, _, value = header.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    return int(parts[1]), headers


async def read_body(reader, headers, on_chunk=None):
    """Read a whole body; on_chunk(bytes) sees every chunk as it arrives."""
    if "content-length" in headers:
        data = await reader.readexactly(int(headers["content-length"]))
        if on_chunk:
            on_chunk(data)
        return data
    if headers.get("transfer-encoding", "").lower() == "chunked":
        chunks = []
        while True:
            size_line = await reader.readline()
            if not size_line:
                raise HttpError("chunked body cut before its last chunk")
            size = int(size_line.split(b";")[0].strip() or b"0", 16)
            if size == 0:
                await reader.readline()
                return b"".join(chunks)
            chunk = await reader.readexactly(size)
            await reader.readline()
            chunks.append(chunk)
            if on_chunk:
                on_chunk(chunk)
    data = await reader.read()
    if on_chunk:
        on_chunk(data)
    return data


class Connection:
    """One keep-alive connection; reconnects when the server closed it."""

    def __init__(self, port, rcvbuf=None):
        self.port = port
        self.rcvbuf = rcvbuf
        self.reader = None
        self.writer = None

    async def open(self):
        if self.rcvbuf:
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, self.rcvbuf)
            sock.setblocking(False)
            await asyncio.wait_for(asyncio.get_running_loop().sock_connect(sock, (HOST, self.port)), TIMEOUT)
            self.reader, self.writer = await asyncio.open_connection(sock=sock, limit=self.rcvbuf)
        else:
            self.reader, self.writer = await asyncio.wait_for(asyncio.open_connection(HOST, self.port), TIMEOUT)

    async def send(self, method, path, headers=None, body=None, timeout=TIMEOUT, on_chunk=None):
        if self.writer is None or self.writer.is_closing() or self.reader.at_eof():
            await self.open()
        self.writer.write(request_bytes(self.port, method, path, headers, body))
        await self.writer.drain()

        async def exchange():
            status, response_headers = await read_head(self.reader)
            data = await read_body(self.reader, response_headers, on_chunk)
            return status, response_headers, data

        try:
            status, response_headers, data = await asyncio.wait_for(exchange(), timeout)
        except BaseException:
            self.close()
            raise
        if response_headers.get("connection", "").lower() == "close":
            self.close()
        return status, response_headers, data

    def close(self):
        if self.writer is not None:
            self.writer.close()
        self.writer = None
        self.reader = None


def mcp_headers(session=None, version=SESSION_VERSION, extra=None):
    headers = {"Accept": "application/json, text/event-stream"}
    if version:
        headers["MCP-Protocol-Version"] = version
    if session:
        headers["Mcp-Session-Id"] = session
    headers.update(extra or {})
    return headers


def initialize_body(request_id=0):
    return {"jsonrpc": "2.0", "id": request_id, "method": "initialize",
            "params": {"protocolVersion": SESSION_VERSION, "capabilities": {},
                       "clientInfo": {"name": "exhaustion", "version": "1.0"}}}


async def open_session(connection):
    """Returns (status, session id or None, headers)."""
    status, headers, _ = await connection.send("POST", "/mcp", mcp_headers(version=None), initialize_body())
    session = headers.get("mcp-session-id")
    if status == 200 and session:
        await connection.send("POST", "/mcp", mcp_headers(session),
                              {"jsonrpc": "2.0", "method": "notifications/initialized"})
    return status, session, headers


def tool_call(name, arguments, request_id=1, progress=None, stateless=False):
    params = {"name": name, "arguments": arguments}
    meta = dict(STATELESS_META) if stateless else {}
    if progress is not None:
        meta["progressToken"] = progress
    if meta:
        params["_meta"] = meta
    return {"jsonrpc": "2.0", "id": request_id, "method": "tools/call", "params": params}


def stateless_echo_headers():
    return mcp_headers(version=STATELESS_VERSION, extra={"Mcp-Method": "tools/call", "Mcp-Name": "echo"})


def sse_messages(data):
    """The JSON messages of an SSE body, or the body itself when it is JSON."""
    text = data.decode("utf-8", "replace")
    if text.lstrip().startswith("{"):
        return [json.loads(text)]
    messages = []
    for line in text.splitlines():
        if line.startswith("data:"):
            try:
                messages.append(json.loads(line[5:].strip()))
            except ValueError:
                pass
    return messages


def percentile(values, p):
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(round(p / 100.0 * (len(ordered) - 1))))], 2)


async def wait_for_file(path, seconds):
    deadline = time.monotonic() + seconds
    while not os.path.exists(path):
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(0.05)
    return True


def touch(directory, name, content=""):
    with open(os.path.join(directory, name), "w") as f:
        f.write(content)


async def create_sessions(port, count, concurrency):
    counts = {"created": 0, "refused": 0, "retry_after": 0, "other": 0, "errors": 0}
    sessions = []
    statuses = {}
    next_index = iter(range(count))

    async def worker():
        connection = Connection(port)
        for _ in next_index:
            try:
                status, session, headers = await open_session(connection)
            except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, HttpError):
                counts["errors"] += 1
                connection.close()
                continue
            statuses[status] = statuses.get(status, 0) + 1
            if status == 200 and session:
                counts["created"] += 1
                sessions.append(session)
            elif status == 503:
                counts["refused"] += 1
                if "retry-after" in headers:
                    counts["retry_after"] += 1
            else:
                counts["other"] += 1
        connection.close()

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    counts["statuses"] = statuses
    return sessions, counts


async def cmd_sessions(args):
    start = time.monotonic()
    sessions, counts = await create_sessions(args.port, args.count, args.concurrency)
    counts.update(tried=args.count, seconds=round(time.monotonic() - start, 1))
    if sessions:
        # the first sessions still serve a call when the cap is reached
        connection = Connection(args.port)
        status, _, data = await connection.send("POST", "/mcp", mcp_headers(sessions[0]),
                                                tool_call("echo", {"message": "still-served"}))
        counts["first_session_call"] = status if b"still-served" in data else f"{status} unexpected"
        connection.close()
    return counts


class Stream:
    """A GET stream read continuously; remembers how and when it ended."""

    def __init__(self, port, session):
        self.port = port
        self.session = session
        self.status = None
        self.ended = None
        self.clean = False
        self.bytes = 0
        self.task = None
        self.writer = None

    async def open(self):
        reader, self.writer = await asyncio.wait_for(asyncio.open_connection(HOST, self.port), TIMEOUT)
        self.writer.write(request_bytes(self.port, "GET", "/mcp",
                                        {"Accept": "text/event-stream", "Mcp-Session-Id": self.session,
                                         "MCP-Protocol-Version": SESSION_VERSION}))
        await self.writer.drain()
        self.status, headers = await asyncio.wait_for(read_head(reader), TIMEOUT)
        if self.status == 200:
            self.task = asyncio.ensure_future(self.read(reader, headers))
        else:
            self.writer.close()
        return self.status

    async def read(self, reader, headers):
        def count(chunk):
            self.bytes += len(chunk)
        try:
            await read_body(reader, headers, count)
            self.clean = headers.get("transfer-encoding", "").lower() == "chunked"
        except (OSError, asyncio.IncompleteReadError, HttpError, ValueError):
            self.clean = False
        self.ended = time.time()

    def close(self):
        if self.task:
            self.task.cancel()
        if self.writer:
            self.writer.close()


async def open_streams(port, sessions, concurrency):
    streams = [Stream(port, session) for session in sessions]
    statuses = {}
    semaphore = asyncio.Semaphore(concurrency)

    async def one(stream):
        async with semaphore:
            try:
                status = await stream.open()
            except (OSError, asyncio.TimeoutError, HttpError):
                status = "error"
            statuses[status] = statuses.get(status, 0) + 1

    await asyncio.gather(*(one(stream) for stream in streams))
    return streams, statuses


async def cmd_streams(args):
    sessions, counts = await create_sessions(args.port, args.count + args.extra, 32)
    touch(args.marks, "sessions", str(len(sessions)))
    if not await wait_for_file(os.path.join(args.marks, "go"), 120):
        return {"error": "no go mark"}
    start = time.monotonic()
    streams, statuses = await open_streams(args.port, sessions[:args.count], 64)
    opened = [s for s in streams if s.status == 200]
    open_seconds = round(time.monotonic() - start, 1)
    extra, extra_statuses = await open_streams(args.port, sessions[args.count:], 8)
    touch(args.marks, "streams", str(len(opened)))
    await wait_for_file(os.path.join(args.marks, "done"), args.hold)
    closed_early = sum(1 for s in opened if s.ended is not None)
    for stream in streams + extra:
        stream.close()
    return {"sessions": counts["created"], "opened": len(opened), "statuses": statuses, "open_seconds": open_seconds,
            "over_cap": extra_statuses, "closed_while_held": closed_early}


async def trickle_one(port, mode, interval, stop_at, results):
    opened = time.monotonic()
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection(HOST, port), TIMEOUT)
    except (OSError, asyncio.TimeoutError):
        results["connect_failed"] += 1
        await asyncio.sleep(interval)
        return
    results["opened"] += 1
    if mode == "headers":
        first = f"POST /mcp HTTP/1.1\r\nHost: {HOST}:{port}\r\n".encode()
    else:
        first = (f"POST /mcp HTTP/1.1\r\nHost: {HOST}:{port}\r\nContent-Type: application/json\r\n"
                 f"Accept: application/json, text/event-stream\r\nContent-Length: 100000\r\n\r\n").encode()
    read = asyncio.ensure_future(reader.read(4096))
    try:
        writer.write(first)
        await writer.drain()
        sent = 0
        while time.monotonic() < stop_at and not read.done():
            await asyncio.wait([read], timeout=interval)
            if read.done():
                break
            sent += 1
            writer.write(f"X-Trickle-{sent}: {sent}\r\n".encode() if mode == "headers" else b" ")
            await writer.drain()
    except (OSError, ConnectionError):
        pass
    if not read.done() and time.monotonic() >= stop_at:
        results["held_to_end"] += 1
    else:
        lifetime = time.monotonic() - opened
        data = read.result() if read.done() and not read.exception() else b""
        results["closed_by_server"] += 1
        results["lifetimes"].append(lifetime)
        status = data.split(b" ", 2)[1].decode("latin-1") if data.startswith(b"HTTP/") else "none"
        results["answers"][status] = results["answers"].get(status, 0) + 1
    read.cancel()
    writer.close()


async def cmd_trickle(args):
    results = {"opened": 0, "connect_failed": 0, "closed_by_server": 0, "held_to_end": 0, "lifetimes": [], "answers": {}}
    stop_at = time.monotonic() + args.seconds

    async def keep_one():
        while time.monotonic() < stop_at:
            await trickle_one(args.port, args.mode, args.interval, stop_at, results)

    # ramp up over the first second so that the connections do not all tick together
    async def delayed(i):
        await asyncio.sleep(i / args.connections)
        await keep_one()

    await asyncio.gather(*(delayed(i) for i in range(args.connections)))
    lifetimes = results.pop("lifetimes")
    results.update(mode=args.mode, connections=args.connections, seconds=args.seconds,
                   lifetime_p50=percentile(lifetimes, 50), lifetime_max=percentile(lifetimes, 100))
    return results


async def cmd_probe(args):
    latencies = []
    failures = {}
    body = tool_call("echo", {"message": "probe"}, stateless=True)

    async def one():
        start = time.monotonic()
        connection = Connection(args.port)
        try:
            status, _, data = await connection.send("POST", "/mcp", stateless_echo_headers(), body)
            if status == 200 and b"probe" in data:
                latencies.append((time.monotonic() - start) * 1000)
            else:
                failures[str(status)] = failures.get(str(status), 0) + 1
        except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, HttpError) as ex:
            failures[type(ex).__name__] = failures.get(type(ex).__name__, 0) + 1
        finally:
            connection.close()

    tasks = []
    start = time.monotonic()
    for i in range(int(args.seconds * args.rate)):
        delay = start + i / args.rate - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.ensure_future(one()))
    await asyncio.gather(*tasks)
    return {"calls": len(tasks), "ok": len(latencies), "failures": failures, "p50_ms": percentile(latencies, 50),
            "p90_ms": percentile(latencies, 90), "p99_ms": percentile(latencies, 99),
            "max_ms": percentile(latencies, 100)}


async def cmd_slowreader(args):
    setup = Connection(args.port)
    status, session, _ = await open_session(setup)
    setup.close()
    if not session:
        return {"error": f"no session ({status})"}
    connection = Connection(args.port, rcvbuf=4096)
    await connection.open()
    connection.writer.write(request_bytes(args.port, "POST", "/mcp", mcp_headers(session),
                                          tool_call("countdown", {"steps": args.steps, "intervalMillis": args.interval_ms},
                                                    progress="slow")))
    await connection.writer.drain()
    start = time.monotonic()
    await asyncio.sleep(args.hold)
    chunks = []
    ended = "complete"
    try:
        status, headers = await asyncio.wait_for(read_head(connection.reader), TIMEOUT)
        await asyncio.wait_for(read_body(connection.reader, headers, chunks.append), 15)
    except asyncio.TimeoutError:
        ended = "still open"
    except (OSError, asyncio.IncompleteReadError, HttpError, ValueError):
        ended = "cut"
    connection.close()
    # the last event may be cut in the middle
    received = sse_messages(b"".join(chunks).rsplit(b"\n\n", 1)[0])
    progress = sum(1 for m in received if m.get("method") == "notifications/progress")
    answered = any("result" in m or "error" in m for m in received)
    return {"steps": args.steps, "held_seconds": round(time.monotonic() - start, 1), "progress_received": progress,
            "answered": answered, "ended": ended}


async def cmd_flood(args):
    async def one(index):
        connection = Connection(args.port)
        status, session, _ = await open_session(connection)
        if not session:
            return 0, False
        status, _, data = await connection.send("POST", "/mcp", mcp_headers(session),
                                                tool_call("countdown", {"steps": args.steps,
                                                                        "intervalMillis": args.interval_ms},
                                                          progress=f"flood-{index}"),
                                                timeout=args.steps * args.interval_ms / 1000 + 60)
        connection.close()
        messages = sse_messages(data)
        progress = sum(1 for m in messages if m.get("method") == "notifications/progress")
        answered = any("counted" in json.dumps(m.get("result", {})) for m in messages)
        return progress, answered

    start = time.monotonic()
    results = await asyncio.gather(*(one(i) for i in range(args.streams)), return_exceptions=True)
    seconds = time.monotonic() - start
    events = sum(r[0] for r in results if isinstance(r, tuple))
    return {"streams": args.streams, "steps": args.steps, "progress_received": events,
            "answered": sum(1 for r in results if isinstance(r, tuple) and r[1]),
            "errors": [repr(r)[:80] for r in results if not isinstance(r, tuple)], "seconds": round(seconds, 1),
            "events_per_second": round(events / seconds)}


async def cmd_concurrent(args):
    setup = Connection(args.port)
    status, session, _ = await open_session(setup)
    setup.close()
    if not session:
        return {"error": f"no session ({status})"}
    outcomes = {"ok": 0, "wrong": 0, "failed": {}}
    latencies = []

    async def one(request_id):
        connection = Connection(args.port)
        start = time.monotonic()
        try:
            status, _, data = await connection.send("POST", "/mcp", mcp_headers(session),
                                                    tool_call("countdown", {"steps": 1, "intervalMillis": args.millis},
                                                              request_id=request_id),
                                                    timeout=args.millis / 1000 + 60)
            answers = [m for m in sse_messages(data) if m.get("id") == request_id and "result" in m]
            if status == 200 and answers and "counted 1 steps" in json.dumps(answers[0]):
                outcomes["ok"] += 1
                latencies.append(time.monotonic() - start)
            else:
                outcomes["wrong"] += 1
        except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, HttpError) as ex:
            outcomes["failed"][type(ex).__name__] = outcomes["failed"].get(type(ex).__name__, 0) + 1
        finally:
            connection.close()

    start = time.monotonic()
    await asyncio.gather(*(one(i + 1) for i in range(args.calls)))
    outcomes.update(calls=args.calls, call_millis=args.millis, seconds=round(time.monotonic() - start, 2),
                    latency_p50_s=percentile(latencies, 50), latency_max_s=percentile(latencies, 100))
    return outcomes


async def cmd_ratelimit(args):
    statuses = {}
    retry_after = set()
    body = tool_call("echo", {"message": "limited"}, stateless=True)
    connection = Connection(args.port)
    for _ in range(args.calls):
        status, headers, _ = await connection.send("POST", "/mcp", stateless_echo_headers(), body)
        statuses[status] = statuses.get(status, 0) + 1
        if status == 429 and "retry-after" in headers:
            retry_after.add(headers["retry-after"])
    connection.close()
    return {"calls": args.calls, "statuses": statuses, "retry_after": sorted(retry_after)}


async def cmd_shutdown(args):
    setup = Connection(args.port)
    status, session, _ = await open_session(setup)
    setup.close()
    if not session:
        return {"error": f"no session ({status})"}
    stream = Stream(args.port, session)
    if await stream.open() != 200:
        return {"error": f"no GET stream ({stream.status})"}
    calls = {}

    async def one(request_id):
        connection = Connection(args.port)
        try:
            status, _, data = await connection.send("POST", "/mcp", mcp_headers(session),
                                                    tool_call("countdown", {"steps": args.steps,
                                                                            "intervalMillis": args.interval_ms},
                                                              request_id=request_id),
                                                    timeout=60)
            answers = [m for m in sse_messages(data) if m.get("id") == request_id and "result" in m]
            ok = status == 200 and answers and f"counted {args.steps} steps" in json.dumps(answers[0])
            calls[request_id] = ("ok" if ok else f"wrong {status}", time.time())
        except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, HttpError) as ex:
            calls[request_id] = (type(ex).__name__, time.time())
        finally:
            connection.close()

    readiness = []

    async def poll_readiness(stop):
        # the same probe on a keep-alive connection and on a new connection each time;
        # every change of what each of them sees is recorded
        keep_alive = Connection(args.port)
        last = {}
        while not stop.is_set():
            for kind in ("keep-alive", "new"):
                connection = keep_alive if kind == "keep-alive" else Connection(args.port)
                try:
                    status, _, data = await connection.send("GET", "/actuator/health/readiness", {}, timeout=2)
                    seen = f"{status} {json.loads(data).get('status', '?')}"
                except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, HttpError, ValueError) as ex:
                    seen = type(ex).__name__
                if kind == "new":
                    connection.close()
                if last.get(kind) != seen:
                    last[kind] = seen
                    readiness.append((time.time(), kind, seen))
            await asyncio.sleep(0.05)
        keep_alive.close()

    stop = asyncio.Event()
    poller = asyncio.ensure_future(poll_readiness(stop))
    tasks = [asyncio.ensure_future(one(i + 1)) for i in range(args.calls)]
    await asyncio.sleep(args.interval_ms / 1000)
    touch(args.marks, "inflight")
    signalled = await wait_for_file(os.path.join(args.marks, "sigterm"), 30)
    await asyncio.gather(*tasks)
    for _ in range(200):
        if stream.ended is not None:
            break
        await asyncio.sleep(0.05)
    stop.set()
    await poller
    stream.close()
    t0 = float(open(os.path.join(args.marks, "sigterm")).read().strip()) if signalled else time.time()
    completed = sum(1 for outcome, _ in calls.values() if outcome == "ok")
    return {"calls": args.calls, "call_seconds": args.steps * args.interval_ms / 1000, "completed": completed,
            "failed": sorted({outcome for outcome, _ in calls.values() if outcome != "ok"}),
            "last_answer_after_sigterm_ms": round((max(t for _, t in calls.values()) - t0) * 1000),
            "stream": ("clean" if stream.clean else "cut") if stream.ended else "still open",
            "stream_end_after_sigterm_ms": round((stream.ended - t0) * 1000) if stream.ended else None,
            "readiness": [(round((t - t0) * 1000), kind, seen) for t, kind, seen in readiness]}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)

    def command(name, *options):
        sub = commands.add_parser(name)
        sub.add_argument("--port", type=int, required=True)
        for option, kind, default in options:
            sub.add_argument(option, type=kind, default=default)
        return sub

    command("sessions", ("--count", int, 20000), ("--concurrency", int, 32))
    command("streams", ("--count", int, 2000), ("--extra", int, 10), ("--marks", str, "."), ("--hold", float, 60))
    command("trickle", ("--mode", str, "headers"), ("--connections", int, 500), ("--seconds", float, 30),
            ("--interval", float, 1.0))
    command("probe", ("--seconds", float, 10), ("--rate", float, 20))
    command("slowreader", ("--steps", int, 60000), ("--interval-ms", int, 1), ("--hold", float, 40))
    command("flood", ("--streams", int, 4), ("--steps", int, 5000), ("--interval-ms", int, 1))
    command("concurrent", ("--calls", int, 500), ("--millis", int, 2000))
    command("ratelimit", ("--calls", int, 60))
    command("shutdown", ("--calls", int, 20), ("--steps", int, 5), ("--interval-ms", int, 1000),
            ("--marks", str, "."))
    args = parser.parse_args()
    handler = globals()["cmd_" + args.command]
    result = asyncio.run(handler(args))
    print(json.dumps(result, separators=(",", ":")))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
