#!/usr/bin/env bash
# End-to-end load test of tools/call over Streamable HTTP, see docs/benchmarks.md.
#
#   benchmarks/load/run.sh                       every scenario, 16/64/256 connections
#   DURATION=30 WARMUP_ROUNDS=6 benchmarks/load/run.sh
#   SCENARIOS="ours/stateless floor/plain" CONNECTIONS="64" TOOL=text10k benchmarks/load/run.sh
#   SCENARIOS="ours/stateless" TOOL=echoOnWorker benchmarks/load/run.sh   # echo without @NonBlocking
#   OURS_JAR=/tmp/before.jar SCENARIOS="ours/stateless" benchmarks/load/run.sh   # another build, for A/B runs
#   SCENARIOS="$PROD_SCENARIOS" LOOPS=4 benchmarks/load/run.sh   # production configuration, four event loops
#
# prod-* scenarios run the production configuration (Actuator and the Prometheus registry, the
# endpoint exposed as the sample app does); prod-ours-unobserved is prod-ours with every
# observation switched off. Every Java server gets LOOPS event loops (default 1).
#
# Each server runs alone, pinned to core SERVER_CPU (0) with the same JVM flags (JVM_FLAGS),
# wrk is pinned to core WRK_CPU (1). Every response body is checked; a run with any socket
# error, non-2xx status or unexpected body is void. cpu_us_per_req is the CPU time the server
# process used during a measurement (user + system, from /proc) per request served: unlike
# req/s it barely moves when other processes compete for the cores. Output: benchmarks/load/results/<time>/
# results.csv (with ratios to the floor and to Spring AI), chart.png and the server logs.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

DURATION=${DURATION:-15}
# warm-up: WARMUP_ROUNDS rounds through every connection count, WARMUP_STEP seconds each
WARMUP_ROUNDS=${WARMUP_ROUNDS:-4}
WARMUP_STEP=${WARMUP_STEP:-5}
CONNECTIONS=${CONNECTIONS:-16 64 256}
WRK_CPU=${WRK_CPU:-1}
WRK_THREADS=${WRK_THREADS:-1}
TOOL=${TOOL:-echo}
PORT=${PORT:-18080}
PROD_SCENARIOS="prod-ours/stateless prod-ours-unobserved/stateless prod-ours/session-json prod-ours-unobserved/session-json prod-ours/session-sse prod-floor/plain prod-spring-ai/stateless prod-spring-ai/streamable"
SCENARIOS=${SCENARIOS:-$PROD_SCENARIOS ours/stateless ours/session-json ours/session-sse ours/sessionless floor/plain floor/stateless spring-ai/stateless spring-ai/streamable typescript/stateless}
OUT=${OUT:-$LOAD/results/$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"
trap stop_all EXIT
trap 'exit 130' INT TERM

if ! command -v wrk >/dev/null; then
	log "installing wrk"
	apt-get install -y -qq wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
fi
build_if_missing

case "$TOOL" in
	echo | echoOnWorker) ARGS='{"message":"hello-bench"}'; EXPECT='hello-bench' ;;
	add) ARGS='{"a":2,"b":40}'; EXPECT='42' ;;
	text10k) ARGS='{}'; EXPECT='dog. END' ;;
	*) log "TOOL must be echo, add, text10k or echoOnWorker (ours only)"; exit 2 ;;
esac

{
	echo "# $(date -Is) $(uname -srm), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "# java: $(java -version 2>&1 | head -1); node: $(node --version); wrk: $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
	echo "# JVM_FLAGS=$JVM_FLAGS TOOL=$TOOL DURATION=${DURATION}s WARMUP_ROUNDS=$WARMUP_ROUNDS WARMUP_STEP=${WARMUP_STEP}s WRK_THREADS=$WRK_THREADS LOOPS=$LOOPS"
} >"$OUT/environment.txt"
echo "server,mode,connections,requests,req_per_s,p50_ms,p90_ms,p99_ms,errors,valid,cpu_us_per_req" >"$OUT/raw.csv"

for scenario in $SCENARIOS; do
	name=${scenario%%/*}
	mode=${scenario#*/}
	log "== $name/$mode"
	start_server "$name" "$PORT" "$mode"
	if ! wait_ready "$PORT" "$name" "$mode"; then
		for c in $CONNECTIONS; do echo "$name,$mode,$c,0,0,0,0,0,1,void(start),0" >>"$OUT/raw.csv"; done
		stop_server "$SERVER_PID"
		continue
	fi
	prepare_call "$name" "$mode" "$PORT" "$TOOL" "$ARGS"
	body=$CALL_BODY headers=$CALL_HEADERS
	printf '%s' "$body" >"$OUT/body.json"
	export BENCH_BODY_FILE="$OUT/body.json" BENCH_HEADERS="$headers" BENCH_EXPECT="$EXPECT"
	# one checked request before the load, so that a wrong setup shows in the log
	IFS='|' read -ra header_list <<<"$headers"
	post "$PORT" "$body" "${header_list[@]}" >"$OUT/$name-$mode-probe.txt" 2>&1 || true
	# Opening and closing connections deoptimizes code the JIT compiled under steady load, so the
	# warm-up goes through every connection count several times, not once through one count.
	log "warm-up: $WARMUP_ROUNDS rounds of ${WARMUP_STEP}s at each of $CONNECTIONS connections"
	: >"$OUT/$name-$mode-warmup.txt"
	for ((round = 1; round <= WARMUP_ROUNDS; round++)); do
		for c in $CONNECTIONS; do
			taskset -c "$WRK_CPU" wrk -t"$((c < WRK_THREADS ? c : WRK_THREADS))" -c"$c" -d"${WARMUP_STEP}s" --timeout 10s \
				-s "$LOAD/call.lua" "http://127.0.0.1:$PORT/mcp" >>"$OUT/$name-$mode-warmup.txt" 2>&1 || true
		done
	done
	for c in $CONNECTIONS; do
		threads=$((c < WRK_THREADS ? c : WRK_THREADS))
		ticks_before=$(cpu_ticks "$SERVER_PID")
		taskset -c "$WRK_CPU" wrk -t"$threads" -c"$c" -d"${DURATION}s" --timeout 10s --latency -s "$LOAD/call.lua" \
			"http://127.0.0.1:$PORT/mcp" >"$OUT/$name-$mode-c$c.txt" 2>&1 || true
		ticks_after=$(cpu_ticks "$SERVER_PID")
		read -r _ requests rps p50 p90 p99 socket non2xx wrong < <(grep '^RESULT' "$OUT/$name-$mode-c$c.txt" || echo "RESULT 0 0 0 0 0 1 0 0")
		errors=$((socket + non2xx + wrong))
		valid=yes
		if ((errors > 0 || requests == 0)); then valid=void; fi
		if ! kill -0 "$SERVER_PID" 2>/dev/null; then valid=void; fi
		cpu=$(awk -v t=$((ticks_after - ticks_before)) -v n="$requests" -v hz="$(getconf CLK_TCK)" \
			'BEGIN { printf "%.1f", (n > 0) ? t * 1000000 / hz / n : 0 }')
		echo "$name,$mode,$c,$requests,$rps,$p50,$p90,$p99,$errors,$valid,$cpu" >>"$OUT/raw.csv"
		log "$name/$mode c=$c: $rps req/s p99 ${p99}ms cpu ${cpu}us/req errors=$errors ($valid)"
		grep '^SAMPLE' "$OUT/$name-$mode-c$c.txt" | head -1 >&2 || true
	done
	stop_server "$SERVER_PID"
done

add_ratios "$OUT/raw.csv" >"$OUT/results.csv"
rm -f "$OUT/raw.csv" "$OUT/body.json"
column -s, -t <"$OUT/results.csv" >&2

if command -v gnuplot >/dev/null; then
	"$LOAD/chart.sh" "$OUT/results.csv" "$OUT/chart.png" && log "chart: $OUT/chart.png"
else
	log "gnuplot missing (apt-get install -y gnuplot-nox): no chart"
fi
log "results: $OUT/results.csv"
