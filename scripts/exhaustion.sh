#!/usr/bin/env bash
# Exhaustion and lifecycle checks of the packaged sample app (issue 14.4).
#
#   scripts/exhaustion.sh                                every phase (about 8 minutes)
#   PHASES="slowloris sigterm" scripts/exhaustion.sh     some of them
#
# Each phase starts the sample app jar (profile "failover": the bookshop plus the slow
# "countdown" tool that streams progress) as a process of its own on 127.0.0.1 with the
# properties it needs on the command line, drives it with the raw HTTP/1.1 clients of
# scripts/exhaustion/clients.py (Python 3 standard library), curl and jcmd, prints its
# figures and stops the app. Heap figures are the used heap after a full GC
# (jcmd GC.run, then GC.heap_info), so they include what the GC could not free.
#
# sessions    SESSION_ATTEMPTS (20,000) initializations against mcp.server.session.max-sessions
#             (10,000): how many are refused (503 + Retry-After), heap before and after, per session
# streams     STREAMS (2,000) sessions each with an idle GET stream, at mcp.server.limits.max-streams
#             (2,000), then 10 more: refused with 503; heap per session and per stream
# slowloris   a normal client's p99 (stateless tools/call on new connections, PROBE_RATE per second)
#             quiet, then while SLOWLORIS_CONNECTIONS (500) connections trickle header lines for 30 s;
#             when the server closes them (mcp.server.limits.request-header-timeout, 10 s)
# slowbody    the same with 200 connections sending a POST body one byte a second for 40 s
#             (mcp.server.limits.request-body-timeout, 30 s)
# slowreader  a tools/call streaming progress every millisecond to a client whose socket stops
#             reading (4 KB receive buffer) for 45 s: the stream must be closed
#             (mcp.server.limits.max-pending-stream-events, stream-write-timeout), heap bounded
# flood       4 sessions each receiving 5,000 progress notifications as fast as the tool sends
#             them, while the normal client measures its p99
# concurrent  500 concurrent 2 s calls on one session
# ratelimit   mcp.server.limits.rate-limit (capacity 50 a minute) with Bucket4j and Caffeine
#             from ~/.m2 added through Spring Boot's PropertiesLauncher: 60 calls, 429 + Retry-After
# sigterm     20 calls of 5 s and a GET stream in flight on a session, then SIGTERM: every call must
#             answer within the grace period, the stream end cleanly, readiness go DOWN
# kill        kill -9 and a restart on the same port: the old session gets 404, a new one works
#
# SERVER_CPUS and CLIENT_CPUS (taskset lists, such as 0 and 1) pin the app and the Python clients.
# Everything listens on 127.0.0.1, every wait is bounded, the whole run ends after MAX_SECONDS.
# The last line is a one-line summary. Logs stay in the printed directory when KEEP=1.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CLIENTS="$ROOT/scripts/exhaustion/clients.py"
export PYTHONDONTWRITEBYTECODE=1
JAR=${JAR:-$ROOT/sample-app/target/sample-app.jar}
PHASES=${PHASES:-sessions streams slowloris slowbody slowreader flood concurrent ratelimit sigterm kill}
MAX_SECONDS=${MAX_SECONDS:-900}
JVM_FLAGS=${JVM_FLAGS:--Xmx512m -XX:+UseSerialGC}
SESSION_ATTEMPTS=${SESSION_ATTEMPTS:-20000}
STREAMS=${STREAMS:-2000}
SLOWLORIS_CONNECTIONS=${SLOWLORIS_CONNECTIONS:-500}
SLOWBODY_CONNECTIONS=${SLOWBODY_CONNECTIONS:-200}
PROBE_RATE=${PROBE_RATE:-20}
M2=${M2:-$HOME/.m2/repository}

# log, post and open_session of the load benchmarks
source "$ROOT/benchmarks/load/lib.sh"
ROOT=$(cd "$(dirname "$0")/.." && pwd)

WORK=$(mktemp -d "${TMPDIR:-/tmp}/mcp-exhaustion.XXXXXX")
PIDS=()
SUMMARY=()
APP_PID=
APP_PORT=

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

cleanup() {
	local pid
	kill -9 "$WATCHDOG" 2>/dev/null || true
	for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
	wait 2>/dev/null || true
	if [[ ${KEEP:-0} == 1 ]]; then log "logs kept in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'log "interrupted"; echo "EXHAUSTION ${SUMMARY[*]} INCOMPLETE (interrupted or over ${MAX_SECONDS}s)"; exit 130' INT TERM
(sleep "$MAX_SECONDS"; log "time limit of ${MAX_SECONDS}s reached"; kill -TERM $$) 2>/dev/null &
WATCHDOG=$!

free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

require() {
	local missing=()
	for tool in java jcmd python3 curl; do command -v "$tool" >/dev/null || missing+=("$tool"); done
	if ((${#missing[@]})); then log "missing: ${missing[*]}"; exit 2; fi
	if [[ ! -f $JAR ]]; then
		log "building $JAR"
		(cd "$ROOT" && ./mvnw -q -B -ntp -pl sample-app -am package -DskipTests)
	fi
	ulimit -n 16384 2>/dev/null || log "could not raise the open file limit: $(ulimit -n)"
}

# start_app NAME [--property=value...]: the sample app on a free port, profile failover; waits
# until readiness is UP. LAUNCH (java arguments before the properties) replaces "-jar $JAR".
start_app() {
	local name=$1; shift
	APP_PORT=${PORT:-$(free_port)}
	# shellcheck disable=SC2086
	${SERVER_CPUS:+taskset -c $SERVER_CPUS} java $JVM_FLAGS ${LAUNCH:--jar $JAR} --server.port="$APP_PORT" --server.address=127.0.0.1 \
		--spring.profiles.active=failover --spring.main.banner-mode=off \
		--management.endpoint.health.show-details=always "$@" >>"$WORK/$name.log" 2>&1 &
	APP_PID=$!
	PIDS+=("$APP_PID")
	wait_app "$name"
}

wait_app() {
	local deadline=$((SECONDS + 120))
	until curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$APP_PORT/actuator/health/readiness"; do
		kill -0 "$APP_PID" 2>/dev/null || { log "$1 exited"; tail -20 "$WORK/$1.log" >&2; exit 1; }
		((SECONDS < deadline)) || { log "$1 not ready in 120s"; exit 1; }
		sleep 0.2
	done
}

stop_app() {
	kill "$APP_PID" 2>/dev/null || true
	for _ in $(seq 1 100); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
	kill -9 "$APP_PID" 2>/dev/null || true
	wait "$APP_PID" 2>/dev/null || true
}

# heap_kb: used heap of the app in KB after a full GC
heap_kb() {
	jcmd "$APP_PID" GC.run >/dev/null 2>&1 || true
	jcmd "$APP_PID" GC.heap_info 2>/dev/null | grep -o 'total [0-9]*K, used [0-9]*K' \
		| awk '{ gsub("K", "", $4); used += $4 } END { print used + 0 }'
}

clients() {
	# shellcheck disable=SC2086
	${CLIENT_CPUS:+taskset -c $CLIENT_CPUS} timeout "${CLIENT_TIMEOUT:-180}" python3 "$CLIENTS" "$@"
}

# json FILE EXPRESSION: a value of the JSON object in FILE (a Python expression over its keys)
json() { python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(eval(sys.argv[2], {}, d))' "$@"; }

ratio() { python3 -c 'import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); print(f"{a / b:.2f}" if b else "n/a")' "$1" "$2"; }

per_item() { python3 -c 'import sys; d, n = int(sys.argv[1]), int(sys.argv[2]); print(f"{d / n:.1f}" if n else "n/a")' "$1" "$2"; }

phase_sessions() {
	log "sessions: $SESSION_ATTEMPTS initializations against the default cap"
	start_app sessions
	local before after
	before=$(heap_kb)
	clients sessions --port "$APP_PORT" --count "$SESSION_ATTEMPTS" >"$WORK/sessions.json"
	after=$(heap_kb)
	log "sessions: $(cat "$WORK/sessions.json"); heap ${before}K -> ${after}K"
	local s="$WORK/sessions.json" created
	created=$(json "$s" created)
	SUMMARY+=("sessions: $SESSION_ATTEMPTS tried, created=$created refused=$(json "$s" refused)"
		"(503 with Retry-After: $(json "$s" retry_after)) other=$(json "$s" 'other + errors') in $(json "$s" seconds)s,"
		"heap $((before / 1024))->$((after / 1024)) MB = $(per_item $((after - before)) "$created") KB/session,"
		"first session still served: $(json "$s" first_session_call);")
	stop_app
}

phase_streams() {
	log "streams: $STREAMS sessions with an idle GET stream each, then 10 more"
	start_app streams
	mkdir -p "$WORK/marks-streams"
	local marks="$WORK/marks-streams" h0 h1 h2 health client
	h0=$(heap_kb)
	clients streams --port "$APP_PORT" --count "$STREAMS" --extra 10 --marks "$marks" --hold 120 \
		>"$WORK/streams.json" &
	client=$!
	PIDS+=("$client")
	wait_mark "$marks/sessions" "$client" 120
	h1=$(heap_kb)
	touch "$marks/go"
	wait_mark "$marks/streams" "$client" 120
	h2=$(heap_kb)
	health=$(curl -s --max-time 5 "http://127.0.0.1:$APP_PORT/actuator/health" | python3 -c \
		'import json, sys; d = json.load(sys.stdin).get("components", {}).get("mcp", {}).get("details", {}); print(d)' \
		2>/dev/null || echo '?')
	touch "$marks/done"
	wait "$client" || true
	log "streams: $(cat "$WORK/streams.json"); heap ${h0}K -> ${h1}K (sessions) -> ${h2}K (streams); health $health"
	local s="$WORK/streams.json" sessions opened
	sessions=$(json "$s" sessions)
	opened=$(json "$s" opened)
	SUMMARY+=("streams: opened=$opened/$STREAMS in $(json "$s" open_seconds)s, over the cap: $(json "$s" over_cap),"
		"closed while held: $(json "$s" closed_while_held), $(per_item $((h1 - h0)) "$sessions") KB/session"
		"$(per_item $((h2 - h1)) "$opened") KB/stream;")
	stop_app
}

wait_mark() {
	local mark=$1 pid=$2 deadline=$((SECONDS + $3))
	until [[ -f $mark ]]; do
		kill -0 "$pid" 2>/dev/null || { log "client ended before $mark"; return 1; }
		((SECONDS < deadline)) || { log "no $mark in $3s"; return 1; }
		sleep 0.05
	done
}

# attack_phase NAME MODE CONNECTIONS SECONDS: the normal client's p99 quiet, then under attack
attack_phase() {
	local name=$1 mode=$2 connections=$3 seconds=$4 client quiet loaded
	log "$name: normal client quiet, then with $connections connections trickling ($mode) for ${seconds}s"
	start_app "$name"
	clients probe --port "$APP_PORT" --seconds 5 --rate "$PROBE_RATE" >/dev/null
	clients probe --port "$APP_PORT" --seconds 10 --rate "$PROBE_RATE" >"$WORK/$name-quiet.json"
	clients trickle --port "$APP_PORT" --mode "$mode" --connections "$connections" --seconds "$seconds" \
		>"$WORK/$name.json" &
	client=$!
	PIDS+=("$client")
	sleep 2
	clients probe --port "$APP_PORT" --seconds $((seconds - 4)) --rate "$PROBE_RATE" >"$WORK/$name-loaded.json"
	wait "$client" || true
	log "$name: quiet $(cat "$WORK/$name-quiet.json")"
	log "$name: loaded $(cat "$WORK/$name-loaded.json")"
	log "$name: attack $(cat "$WORK/$name.json")"
	quiet=$(json "$WORK/$name-quiet.json" p99_ms)
	loaded=$(json "$WORK/$name-loaded.json" p99_ms)
	local a="$WORK/$name.json" r
	r=$(ratio "$loaded" "$quiet")
	SUMMARY+=("$name: p99 quiet=${quiet}ms under attack=${loaded}ms (x$r, goal <=2: $(python3 -c "print('met' if '$r' != 'n/a' and float('$r') <= 2 else 'NOT met')"))"
		"failed=$(json "$WORK/$name-loaded.json" failures), $connections connections held, $(json "$a" opened) opened,"
		"$(json "$a" closed_by_server) closed by the server after p50 $(json "$a" lifetime_p50)s (answers $(json "$a" answers));")
	stop_app
}

phase_slowloris() { attack_phase slowloris headers "$SLOWLORIS_CONNECTIONS" 30; }

phase_slowbody() { attack_phase slowbody body "$SLOWBODY_CONNECTIONS" 40; }

phase_slowreader() {
	log "slowreader: progress every millisecond to a client that stops reading for 45s"
	start_app slowreader
	local h0 h1 client started closed_at
	h0=$(heap_kb)
	started=$(date +%s.%N)
	clients slowreader --port "$APP_PORT" --steps 100000 --interval-ms 1 --hold 45 >"$WORK/slowreader.json" &
	client=$!
	PIDS+=("$client")
	sleep 25
	h1=$(heap_kb)
	wait "$client" || true
	closed_at=$(grep -m1 'reads too slowly' "$WORK/slowreader.log" | python3 -c '
import sys, datetime
line = sys.stdin.readline()
try:
    print(f"{datetime.datetime.fromisoformat(line.split()[0]).timestamp() - float(sys.argv[1]):.1f}s")
except (ValueError, IndexError):
    print("not logged")' "$started")
	clients probe --port "$APP_PORT" --seconds 2 --rate 5 >"$WORK/slowreader-after.json"
	log "slowreader: $(cat "$WORK/slowreader.json"); heap ${h0}K -> ${h1}K at 25s; closed after $closed_at"
	local s="$WORK/slowreader.json"
	SUMMARY+=("slowreader: stream closed by the server after $closed_at, client got $(json "$s" progress_received) events"
		"(ended: $(json "$s" ended)), heap +$(((h1 - h0) / 1024)) MB while stalled,"
		"next calls ok=$(json "$WORK/slowreader-after.json" ok)/$(json "$WORK/slowreader-after.json" calls);")
	stop_app
}

phase_flood() {
	log "flood: 4 streams of 5,000 progress notifications while the normal client measures"
	start_app flood
	local client quiet loaded
	clients probe --port "$APP_PORT" --seconds 5 --rate "$PROBE_RATE" >/dev/null
	clients probe --port "$APP_PORT" --seconds 8 --rate "$PROBE_RATE" >"$WORK/flood-quiet.json"
	clients flood --port "$APP_PORT" --streams 4 --steps 5000 --interval-ms 1 >"$WORK/flood.json" &
	client=$!
	PIDS+=("$client")
	clients probe --port "$APP_PORT" --seconds 5 --rate "$PROBE_RATE" >"$WORK/flood-loaded.json"
	wait "$client" || true
	log "flood: $(cat "$WORK/flood.json"); quiet $(cat "$WORK/flood-quiet.json"); loaded $(cat "$WORK/flood-loaded.json")"
	local f="$WORK/flood.json"
	quiet=$(json "$WORK/flood-quiet.json" p99_ms)
	loaded=$(json "$WORK/flood-loaded.json" p99_ms)
	SUMMARY+=("flood: $(json "$f" progress_received)/20000 progress events at $(json "$f" events_per_second)/s,"
		"answered $(json "$f" answered)/4, normal p99 ${quiet}ms -> ${loaded}ms (x$(ratio "$loaded" "$quiet"));")
	stop_app
}

phase_concurrent() {
	log "concurrent: 500 calls of 2s at once on one session"
	start_app concurrent
	clients concurrent --port "$APP_PORT" --calls 500 --millis 2000 >"$WORK/concurrent.json"
	log "concurrent: $(cat "$WORK/concurrent.json")"
	local c="$WORK/concurrent.json"
	SUMMARY+=("concurrent: $(json "$c" ok)/500 answered with their own id in $(json "$c" seconds)s"
		"(wrong=$(json "$c" wrong) failed=$(json "$c" failed));")
	stop_app
}

phase_ratelimit() {
	local bucket4j caffeine
	bucket4j=$(ls "$M2"/com/bucket4j/bucket4j_jdk17-core/*/bucket4j_jdk17-core-*[0-9].jar 2>/dev/null | sort -V | tail -1)
	caffeine=$(ls "$M2"/com/github/ben-manes/caffeine/caffeine/3.*/caffeine-3.*[0-9].jar 2>/dev/null | sort -V | tail -1)
	if [[ -z $bucket4j || -z $caffeine ]]; then
		log "ratelimit: skipped, Bucket4j or Caffeine not in $M2"
		SUMMARY+=("ratelimit: skipped (no Bucket4j/Caffeine jar in $M2);")
		return
	fi
	log "ratelimit: capacity 50 a minute, 60 calls"
	LAUNCH="-Dloader.path=$bucket4j,$caffeine -cp $JAR org.springframework.boot.loader.launch.PropertiesLauncher" \
		start_app ratelimit --mcp.server.limits.rate-limit.enabled=true --mcp.server.limits.rate-limit.capacity=50 \
		--mcp.server.limits.rate-limit.period=1m
	clients ratelimit --port "$APP_PORT" --calls 60 >"$WORK/ratelimit.json"
	log "ratelimit: $(cat "$WORK/ratelimit.json")"
	SUMMARY+=("ratelimit: statuses $(json "$WORK/ratelimit.json" statuses), Retry-After $(json "$WORK/ratelimit.json" retry_after);")
	stop_app
}

phase_sigterm() {
	log "sigterm: 20 calls of 5s and a GET stream on a session, then SIGTERM"
	start_app sigterm --server.shutdown=graceful
	mkdir -p "$WORK/marks-sigterm"
	local marks="$WORK/marks-sigterm" client t0 exit_code=0 exit_ms
	clients shutdown --port "$APP_PORT" --calls 20 --steps 5 --interval-ms 1000 --marks "$marks" \
		>"$WORK/sigterm.json" &
	client=$!
	PIDS+=("$client")
	wait_mark "$marks/inflight" "$client" 60
	t0=$(date +%s%N)
	date +%s.%N >"$marks/sigterm"
	kill -TERM "$APP_PID"
	for _ in $(seq 1 600); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
	wait "$APP_PID" || exit_code=$?
	exit_ms=$((($(date +%s%N) - t0) / 1000000))
	wait "$client" || true
	log "sigterm: $(cat "$WORK/sigterm.json"); exit code $exit_code after ${exit_ms}ms"
	local s="$WORK/sigterm.json"
	SUMMARY+=("sigterm: $(json "$s" completed)/$(json "$s" calls) in-flight calls answered (goal 100%),"
		"last $(json "$s" last_answer_after_sigterm_ms)ms after SIGTERM, GET stream $(json "$s" stream)"
		"after $(json "$s" stream_end_after_sigterm_ms)ms, readiness $(json "$s" "[f'{t}ms {k}: {v}' for t, k, v in readiness]"),"
		"process exited ($exit_code) after ${exit_ms}ms (grace 30s);")
}

phase_kill() {
	log "kill: kill -9 and a restart on the same port"
	start_app kill
	local session old_status new_session t0 restart_ms call='{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"message":"after-restart"}}}'
	session=$(open_session "$APP_PORT")
	kill -9 "$APP_PID"
	wait "$APP_PID" 2>/dev/null || true
	t0=$(date +%s%N)
	PORT=$APP_PORT start_app kill
	restart_ms=$((($(date +%s%N) - t0) / 1000000))
	old_status=$(post "$APP_PORT" "$call" "Mcp-Session-Id: $session" 'MCP-Protocol-Version: 2025-11-25' | head -1 | awk '{print $2}')
	new_session=$(open_session "$APP_PORT") || new_session=
	local answered=no
	if [[ -n $new_session ]] && post "$APP_PORT" "$call" "Mcp-Session-Id: $new_session" 'MCP-Protocol-Version: 2025-11-25' \
		| grep -q after-restart; then answered=yes; fi
	log "kill: old session $old_status, new session ${new_session:-none}, call answered: $answered"
	SUMMARY+=("kill: ready again ${restart_ms}ms after kill -9, old session -> $old_status, re-initialized and answered: $answered;")
	stop_app
}

require
log "work directory: $WORK"
for phase in $PHASES; do
	case $phase in
		sessions | streams | slowloris | slowbody | slowreader | flood | concurrent | ratelimit | sigterm | kill) "phase_$phase" ;;
		*) log "unknown phase $phase"; exit 2 ;;
	esac
done
echo "EXHAUSTION ${SUMMARY[*]}"
