#!/usr/bin/env bash
# Footprint of our server and Spring AI's, with the same JVM flags, see docs/benchmarks.md.
#
#   benchmarks/load/footprint.sh                          10,000 sessions, 1,000 streams
#   SESSIONS=2000 STREAMS=200 benchmarks/load/footprint.sh
#
# For each server: time from process start to the first answered call, idle RSS after a full
# GC, heap per idle session (N initialize + notifications/initialized) and per open standalone
# GET stream, measured as heap used after `jcmd PID GC.run` before and after. Then our server
# is started with mcp.server.session.max-sessions=CAP and asked for more sessions than CAP:
# the number created must not exceed CAP. Output: benchmarks/load/results/<time>/footprint.csv
set -euo pipefail
source "$(dirname "$0")/lib.sh"

SESSIONS=${SESSIONS:-10000}
STREAMS=${STREAMS:-1000}
CAP=${CAP:-1000}
CONCURRENCY=${CONCURRENCY:-32}
PORT=${PORT:-18090}
SERVERS=${SERVERS:-ours/session-json spring-ai/streamable}
OUT=${OUT:-$LOAD/results/footprint-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"
CLIENT_PID=
cleanup() {
	if [[ -n $CLIENT_PID ]] && kill -0 "$CLIENT_PID" 2>/dev/null; then kill "$CLIENT_PID"; fi
	stop_all
}
trap cleanup EXIT
trap 'exit 130' INT TERM
ulimit -n 65536 2>/dev/null || true
build_if_missing

# heap used (KB) after a full GC, summed over the generations GC.heap_info reports
heap_used_kb() {
	jcmd "$1" GC.run >/dev/null
	sleep 1
	jcmd "$1" GC.run >/dev/null
	jcmd "$1" GC.heap_info | awk '/(PSYoungGen|ParOldGen|def new generation|tenured generation|garbage-first heap)/ {
			for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?$/, "", v); sum += v } }
		END { print sum + 0 }'
}

rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }

echo "server,mode,startup_ms,idle_rss_mb,idle_heap_mb,sessions_created,heap_per_session_bytes,streams_open,heap_per_stream_bytes,notes" >"$OUT/footprint.csv"
cp /dev/null "$OUT/environment.txt"
echo "# $(date -Is) $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); JVM_FLAGS=$JVM_FLAGS SESSIONS=$SESSIONS STREAMS=$STREAMS CAP=$CAP" >"$OUT/environment.txt"

for server in $SERVERS; do
	name=${server%%/*}
	mode=${server#*/}
	log "== $name/$mode"
	SERVER_ARGS="--mcp.server.session.max-sessions=$((SESSIONS + 10))" start_server "$name" "$PORT" "$mode"
	wait_ready "$PORT" "$name" "$mode" || { echo "$name,$mode,,,,,,,,did not start" >>"$OUT/footprint.csv"; continue; }
	startup_ms=$((($(date +%s%N) - START_NANOS) / 1000000))
	sleep 2
	idle_heap=$(heap_used_kb "$SERVER_PID")
	sleep 1
	idle_rss=$(rss_kb "$SERVER_PID")
	log "startup ${startup_ms}ms, idle RSS $((idle_rss / 1024)) MB, heap $((idle_heap / 1024)) MB"

	result=$(node "$LOAD/node/footprint-client.mjs" sessions "$PORT" "$SESSIONS" "$CONCURRENCY" "$OUT/$name-ids.txt")
	log "$result"
	created=$(sed -n 's/.*created=\([0-9]*\).*/\1/p' <<<"$result")
	sessions_heap=$(heap_used_kb "$SERVER_PID")
	per_session=$(( created > 0 ? (sessions_heap - idle_heap) * 1024 / created : 0 ))
	log "heap after $created sessions: $((sessions_heap / 1024)) MB, $per_session bytes per session"

	node "$LOAD/node/footprint-client.mjs" streams "$PORT" "$STREAMS" "$CONCURRENCY" "$OUT/$name-ids.txt" 120 \
		>"$OUT/$name-streams.txt" 2>&1 &
	CLIENT_PID=$!
	for _ in $(seq 1 600); do grep -q '^STREAMS' "$OUT/$name-streams.txt" && break; sleep 0.2; done
	streams=$(grep '^STREAMS' "$OUT/$name-streams.txt" || echo "STREAMS open=0 pending=0 failed=?")
	log "$streams"
	# pending streams are open requests whose headers the server holds back until its first event
	open=$(($(sed -n 's/.*open=\([0-9]*\).*/\1/p' <<<"$streams") + $(sed -n 's/.*pending=\([0-9]*\).*/\1/p' <<<"$streams")))
	streams_heap=$(heap_used_kb "$SERVER_PID")
	per_stream=$(( open > 0 ? (streams_heap - sessions_heap) * 1024 / open : 0 ))
	log "heap with $open streams: $((streams_heap / 1024)) MB, $per_stream bytes per stream"
	kill "$CLIENT_PID" 2>/dev/null || true
	wait "$CLIENT_PID" 2>/dev/null || true
	CLIENT_PID=
	echo "$name,$mode,$startup_ms,$((idle_rss / 1024)),$((idle_heap / 1024)),$created,$per_session,$open,$per_stream,$(sed 's/,/;/g' <<<"$streams")" >>"$OUT/footprint.csv"
	stop_server "$SERVER_PID"
done

# the session cap: ask for CAP + CAP/2 sessions, expect exactly CAP to be created
log "== ours, max-sessions=$CAP"
SERVER_ARGS="--mcp.server.session.max-sessions=$CAP" start_server ours "$PORT" session-json
if wait_ready "$PORT" ours session-json; then
	result=$(node "$LOAD/node/footprint-client.mjs" sessions "$PORT" $((CAP + CAP / 2)) "$CONCURRENCY" "$OUT/cap-ids.txt")
	created=$(sed -n 's/.*created=\([0-9]*\).*/\1/p' <<<"$result")
	verdict=$([[ $created -le $CAP ]] && echo "bounded" || echo "NOT BOUNDED")
	log "$result -> $verdict"
	echo "ours,max-sessions=$CAP,,,,$created,,,,asked $((CAP + CAP / 2)): $verdict; $(sed 's/,/;/g' <<<"$result")" >>"$OUT/footprint.csv"
	stop_server "$SERVER_PID"
fi
rm -f "$OUT"/*-ids.txt
column -s, -t <"$OUT/footprint.csv" >&2
log "results: $OUT/footprint.csv"
