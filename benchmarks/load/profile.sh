#!/usr/bin/env bash
# CPU profile of one server under steady load, with async-profiler, see docs/benchmarks.md.
#
#   benchmarks/load/profile.sh                                  ours/stateless, tool echo
#   SCENARIO=floor/plain benchmarks/load/profile.sh
#   SCENARIO=ours/session-sse WARMUP=90 DURATION=30 benchmarks/load/profile.sh
#
# The server runs pinned to core SERVER_CPU and is loaded by wrk (64 connections) on WRK_CPU
# for WARMUP seconds without the profiler, so that the JIT has settled; then async-profiler
# (from Maven Central, tools.profiler:async-profiler) is attached with jcmd for DURATION
# seconds. Output in benchmarks/load/results/profile-<scenario>-<time>/: flame.html,
# stacks.txt (collapsed stacks), wrk.txt and summary.txt: CPU samples per 1,000 requests by
# where they were spent, which compares between servers and between commits.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

SCENARIO=${SCENARIO:-ours/stateless}
WARMUP=${WARMUP:-60}
DURATION=${DURATION:-20}
WRK_CPU=${WRK_CPU:-1}
PORT=${PORT:-18080}
ASYNC_PROFILER_VERSION=${ASYNC_PROFILER_VERSION:-4.1}
name=${SCENARIO%%/*}
mode=${SCENARIO#*/}
OUT=${OUT:-$LOAD/results/profile-$name-$mode-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"
trap stop_all EXIT
trap 'exit 130' INT TERM
build_if_missing

# async-profiler's jar on Maven Central carries the native library
PROFILER_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/mcp-spring-boot-benchmarks/async-profiler-$ASYNC_PROFILER_VERSION"
PROFILER_LIB="$PROFILER_DIR/linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')/libasyncProfiler.so"
if [[ ! -f $PROFILER_LIB ]]; then
	log "fetching async-profiler $ASYNC_PROFILER_VERSION from Maven Central"
	mkdir -p "$PROFILER_DIR"
	(cd "$ROOT" && ./mvnw -q dependency:copy -Dartifact="tools.profiler:async-profiler:$ASYNC_PROFILER_VERSION" \
		-DoutputDirectory="$PROFILER_DIR")
	(cd "$PROFILER_DIR" && unzip -q -o "async-profiler-$ASYNC_PROFILER_VERSION.jar" 'linux-*/*')
fi

JVM_FLAGS="$JVM_FLAGS -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints"
start_server "$name" "$PORT" "$mode"
wait_ready "$PORT" "$name" "$mode"
prepare_call "$name" "$mode" "$PORT" echo '{"message":"hello-bench"}'
body=$CALL_BODY headers=$CALL_HEADERS
printf '%s' "$body" >"$OUT/body.json"
export BENCH_BODY_FILE="$OUT/body.json" BENCH_HEADERS="$headers" BENCH_EXPECT=hello-bench
log "warm-up ${WARMUP}s"
taskset -c "$WRK_CPU" wrk -t1 -c64 -d"${WARMUP}s" --timeout 10s -s "$LOAD/call.lua" "http://127.0.0.1:$PORT/mcp" >/dev/null
# jcmd reads name=value pairs itself: the quotes keep the options one argument
jcmd "$SERVER_PID" JVMTI.agent_load "$PROFILER_LIB" "\"start,event=itimer,interval=500us\"" >/dev/null
log "profiling ${DURATION}s"
taskset -c "$WRK_CPU" wrk -t1 -c64 -d"${DURATION}s" --timeout 10s -s "$LOAD/call.lua" "http://127.0.0.1:$PORT/mcp" >"$OUT/wrk.txt"
jcmd "$SERVER_PID" JVMTI.agent_load "$PROFILER_LIB" "\"dump,collapsed,file=$OUT/stacks.txt\"" >/dev/null
jcmd "$SERVER_PID" JVMTI.agent_load "$PROFILER_LIB" "\"stop,flamegraph,file=$OUT/flame.html\"" >/dev/null
stop_server "$SERVER_PID"

read -r _ requests rps _ _ _ socket non2xx wrong < <(grep '^RESULT' "$OUT/wrk.txt")
# the leaf frame of each sample, grouped; samples per 1,000 requests
awk -v requests="$requests" '
	function group(frame) {
		if (frame ~ /^(writev|__GI___send|send|__send)$/) return "kernel: socket write"
		if (frame ~ /^(recv|__GI___recv|read)$/) return "kernel: socket read"
		if (frame ~ /epoll/) return "kernel: epoll"
		if (frame ~ /futex|pthread_cond/) return "kernel: thread wake-up"
		if (frame ~ /^tools\/jackson/) return "Jackson"
		if (frame ~ /^reactor\/netty/) return "Reactor Netty"
		if (frame ~ /^reactor\/core/) return "Reactor"
		if (frame ~ /^io\/netty/) return "Netty"
		if (frame ~ /^org\/springframework/) return "Spring"
		if (frame ~ /^dev\/mcpspring/) return "MCP server"
		if (frame ~ /^(java|jdk|sun)\//) return "JDK"
		if (frame ~ /stub$/) return "JVM: call stubs"
		return "JVM and other"
	}
	{
		count = $NF; $NF = ""; n = split($0, frames, ";"); leaf = frames[n]; sub(/ $/, "", leaf)
		sum[group(leaf)] += count; total += count
	}
	END {
		printf "%8.2f  all\n", total * 1000 / requests
		for (g in sum) printf "%8.2f  %s\n", sum[g] * 1000 / requests, g
	}' "$OUT/stacks.txt" | sort -rn >"$OUT/groups.txt"
{
	echo "# $SCENARIO: $rps req/s while profiled (errors: socket $socket, status $non2xx, body $wrong)"
	echo "# CPU samples (${DURATION}s at 500 us) per 1,000 requests, by leaf frame"
	cat "$OUT/groups.txt"
} >"$OUT/summary.txt"
cat "$OUT/summary.txt" >&2
rm -f "$OUT/groups.txt"
rm -f "$OUT/body.json"
log "flame graph: $OUT/flame.html"
