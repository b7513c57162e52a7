#!/usr/bin/env bash
# Failover, resumption and load checks of the sample app behind a load balancer (issue 12).
#
#   scripts/failover.sh                      all three phases with the Redis session store
#   STORE=memory scripts/failover.sh         the same with the in-memory store (the baseline)
#   PHASES="calls" CALLS=3000 scripts/failover.sh
#
# calls:  redis-server on a free 127.0.0.1 port, three sample-app instances (profile "failover")
#         on 127.0.0.1, haproxy round-robin without stickiness in front, sending Host
#         mcp.example.test. scripts/failover/driver.mjs (official TypeScript SDK 1.x client) opens
#         SESSIONS sessions and makes CALLS tools/call of "record" in all through haproxy; instance 2
#         gets kill -9 at 40% of the calls and is restarted at 42% (KILL_AT, RESTART_AT); the last 20%
#         wait until it is ready again, so that it takes its share. Every execution leaves a line in its
#         instance's log, so a call executed twice shows across the logs.
# resume: a slow "countdown" call with progress notifications through haproxy; the instance that
#         streams it is killed (kill -9) at step CUT_AT_STEP; the client resumes with Last-Event-ID
#         through another instance. Reports the steps received, missing and repeated.
# load:   session tools/call at 64 connections (wrk, benchmarks/load/call.lua), one instance direct,
#         in-memory store, then one instance direct with the Redis store; the ratio redis/memory.
#
# Everything listens on 127.0.0.1, is stopped on exit, and the whole run is bounded (MAX_SECONDS).
# The last line is a one-line summary. Logs stay in the printed directory when KEEP=1.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DRIVER_DIR="$ROOT/scripts/failover"
JAR=${JAR:-$ROOT/sample-app/target/sample-app.jar}
STORE=${STORE:-redis}
PHASES=${PHASES:-calls resume load}
MAX_SECONDS=${MAX_SECONDS:-290}
JVM_FLAGS=${JVM_FLAGS:--Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k}
LOAD_JVM_FLAGS=${LOAD_JVM_FLAGS:--Xmx512m -XX:+UseParallelGC}
PUBLIC_HOST=mcp.example.test
export SESSIONS=${SESSIONS:-20} CALLS=${CALLS:-12000} RATE=${RATE:-300}
LOAD_CONNECTIONS=${LOAD_CONNECTIONS:-64}
LOAD_SECONDS=${LOAD_SECONDS:-8}
LOAD_WARMUP_SECONDS=${LOAD_WARMUP_SECONDS:-5}

# post and open_session of the load benchmarks (the functions below replace its others)
source "$ROOT/benchmarks/load/lib.sh"
ROOT=$(cd "$(dirname "$0")/.." && pwd)

WORK=$(mktemp -d "${TMPDIR:-/tmp}/mcp-failover.XXXXXX")
mkdir -p "$WORK/marks"
PIDS=()
declare -A INSTANCE_PID INSTANCE_PORT
SUMMARY=()

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

cleanup() {
	local pid
	pkill -9 -P "$WATCHDOG" 2>/dev/null || true
	kill -9 "$WATCHDOG" 2>/dev/null || true
	for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
	wait 2>/dev/null || true
	if [[ ${KEEP:-0} == 1 ]]; then log "logs kept in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'log "interrupted"; echo "FAILOVER store=$STORE ${SUMMARY[*]} INCOMPLETE (interrupted or over ${MAX_SECONDS}s)"; exit 130' INT TERM
# the whole run is bounded: the watchdog ends it after MAX_SECONDS
(sleep "$MAX_SECONDS"; log "time limit of ${MAX_SECONDS}s reached"; kill -TERM $$) 2>/dev/null &
WATCHDOG=$!

free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

require() {
	local missing=()
	for tool in java node python3 curl haproxy redis-server redis-cli wrk; do
		command -v "$tool" >/dev/null || missing+=("$tool")
	done
	if ((${#missing[@]})); then
		if [[ -x $ROOT/scripts/install-test-services.sh ]]; then
			"$ROOT/scripts/install-test-services.sh"
		else
			log "missing: ${missing[*]} (apt-get install -y haproxy redis-server wrk)"
			exit 2
		fi
	fi
	if [[ ! -f $JAR ]]; then
		log "building $JAR"
		(cd "$ROOT" && ./mvnw -q -B -ntp -pl mcp-spring-boot-autoconfigure,mcp-spring-boot-starter,sample-app -am \
			package -DskipTests)
	fi
	if [[ ! -d $DRIVER_DIR/node_modules/@modelcontextprotocol/sdk ]]; then
		(cd "$DRIVER_DIR" && npm ci --no-audit --no-fund --loglevel=error)
	fi
}

start_redis() {
	REDIS_PORT=$(free_port)
	redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no --protected-mode yes \
		>"$WORK/redis.log" 2>&1 &
	PIDS+=($!)
	for _ in $(seq 1 100); do
		redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG && return 0
		sleep 0.1
	done
	log "redis-server did not start"; exit 1
}

# start_instance NAME PORT STORE [JVM flags...]: the sample app, profile failover
start_instance() {
	local name=$1 port=$2 store=$3; shift 3
	local args=(--server.port="$port" --server.address=127.0.0.1 --spring.profiles.active=failover
		--failover.instance="$name" --mcp.server.transport.allowed-hosts="$PUBLIC_HOST" --spring.main.banner-mode=off)
	if [[ $store == redis ]]; then
		args+=(--mcp.server.session.store=redis --spring.data.redis.host=127.0.0.1 --spring.data.redis.port="$REDIS_PORT")
	fi
	local logfile="$WORK/$name.log"
	[[ -f $logfile ]] && logfile="$WORK/$name-restarted.log"
	taskset -c "${SERVER_CPUS:-0,1}" java "$@" -jar "$JAR" "${args[@]}" >"$logfile" 2>&1 &
	INSTANCE_PID[$name]=$!
	INSTANCE_PORT[$name]=$port
	PIDS+=($!)
}

kill_instance() {
	kill -9 "${INSTANCE_PID[$1]}" 2>/dev/null || true
	wait "${INSTANCE_PID[$1]}" 2>/dev/null || true
}

wait_ready() {
	local name=$1 deadline=$((SECONDS + 120))
	until curl -sf -o /dev/null "http://127.0.0.1:${INSTANCE_PORT[$name]}/actuator/health/readiness"; do
		kill -0 "${INSTANCE_PID[$name]}" 2>/dev/null || { log "$name exited"; tail -20 "$WORK/$name"*.log >&2; exit 1; }
		((SECONDS < deadline)) || { log "$name not ready in 120s"; exit 1; }
		sleep 0.2
	done
}

start_haproxy() {
	HAPROXY_PORT=$(free_port)
	{
		printf 'global\n  maxconn 4096\n\ndefaults\n  mode http\n  timeout connect 1s\n'
		printf '  timeout client 60s\n  timeout server 60s\n  retries 3\n  option redispatch\n\n'
		printf 'frontend mcp\n  bind 127.0.0.1:%s\n  default_backend instances\n\n' "$HAPROXY_PORT"
		printf 'backend instances\n  balance roundrobin\n'
		printf '  option httpchk GET /actuator/health/readiness\n  http-check expect status 200\n'
		printf '  http-request set-header Host %s\n' "$PUBLIC_HOST"
		for name in i1 i2 i3; do
			printf '  server %s 127.0.0.1:%s check inter 500ms fall 2 rise 2\n' "$name" "${INSTANCE_PORT[$name]}"
		done
	} >"$WORK/haproxy.cfg"
	haproxy -f "$WORK/haproxy.cfg" -db >"$WORK/haproxy.log" 2>&1 &
	PIDS+=($!)
	for _ in $(seq 1 50); do
		curl -s -o /dev/null "http://127.0.0.1:$HAPROXY_PORT/actuator/health" && return 0
		sleep 0.1
	done
	log "haproxy did not start"; exit 1
}

wait_mark() {
	local mark=$1 driver=$2
	until [[ -f $WORK/marks/$mark ]]; do
		kill -0 "$driver" 2>/dev/null || return 1
		sleep 0.02
	done
}

json() { python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(eval(sys.argv[2], {"keys": d.keys()}, d))' "$@"; }

cluster() {
	[[ $STORE == redis ]] && start_redis
	for name in i1 i2 i3; do start_instance "$name" "$(free_port)" "$STORE" $JVM_FLAGS; done
	for name in i1 i2 i3; do wait_ready "$name"; done
	start_haproxy
	log "cluster up: store=$STORE, haproxy 127.0.0.1:$HAPROXY_PORT -> ${INSTANCE_PORT[i1]} ${INSTANCE_PORT[i2]} ${INSTANCE_PORT[i3]}"
}

phase_calls() {
	log "calls: $SESSIONS sessions, $CALLS tools/call at $RATE/s through haproxy; kill -9 of i2 at 40%, restart at 42%"
	node "$DRIVER_DIR/driver.mjs" calls "http://127.0.0.1:$HAPROXY_PORT/mcp" "$WORK/marks" >"$WORK/calls.json" \
		2>"$WORK/calls.err" &
	local driver=$!
	PIDS+=($driver)
	if wait_mark kill "$driver"; then
		kill_instance i2
		log "killed i2 (kill -9)"
	fi
	if wait_mark restart "$driver"; then
		start_instance i2 "${INSTANCE_PORT[i2]}" "$STORE" $JVM_FLAGS
		log "restarting i2"
		(wait_ready i2 && touch "$WORK/marks/restarted" && log "i2 ready again") &
		PIDS+=($!)
	fi
	wait "$driver" || { log "driver failed"; cat "$WORK/calls.err" >&2; exit 1; }
	wait_ready i2
	log "calls result: $(cat "$WORK/calls.json")"
	local executions twice
	executions=$(cat "$WORK"/i*.log | grep -o 'failover-exec key=[^ ]*' | wc -l)
	twice=$(cat "$WORK"/i*.log | grep -o 'failover-exec key=[^ ]*' | sort | uniq -d | wc -l)
	local c="$WORK/calls.json"
	# a failed call may have run before its instance died: its answer was lost, not its effect
	local executed_failed
	json "$c" "'\\n'.join(sorted(failedKeys))" | grep -v '^$' | sort >"$WORK/failed-keys.txt" || true
	cat "$WORK"/i*.log | grep -o 'failover-exec key=[^ ]*' | sed 's/^failover-exec key=//' | sort -u \
		>"$WORK/executed-keys.txt" || true
	executed_failed=$(comm -12 "$WORK/failed-keys.txt" "$WORK/executed-keys.txt" | wc -l)
	local retry="no failed call"
	if (($(json "$c" retried) > 0)); then
		retry="$(json "$c" retryAnswered)/$(json "$c" retried) answered, by $(json "$c" "','.join(f'{k}:{v}' for k, v in retriesAnsweredBy.items()) or 'none'")"
	fi
	SUMMARY+=("calls: made=$(json "$c" made) answered=$(json "$c" answered) failed=$(json "$c" 'failed + wrong')"
		"lost=$(json "$c" lost) executed-twice=$twice (executions=$executions) sessions-with-404=$(json "$c" sessionsWith404)/$SESSIONS"
		"failed-but-executed=$executed_failed retry: $retry;")
}

phase_resume() {
	log "resume: countdown through haproxy, the instance streaming it is killed mid-stream"
	rm -f "$WORK/marks/cut"
	node "$DRIVER_DIR/driver.mjs" resume "http://127.0.0.1:$HAPROXY_PORT/mcp" "$WORK/marks" >"$WORK/resume.json" \
		2>"$WORK/resume.err" &
	local driver=$! victim
	PIDS+=($driver)
	if wait_mark cut "$driver"; then
		victim=$(cat "$WORK/marks/cut")
		kill_instance "$victim"
		log "killed $victim (kill -9), which streamed the call"
	fi
	wait "$driver" || { log "driver failed"; cat "$WORK/resume.err" >&2; exit 1; }
	log "resume result: $(cat "$WORK/resume.json")"
	local r="$WORK/resume.json"
	SUMMARY+=("resume: received=$(json "$r" received)/$(json "$r" steps) missing=$(json "$r" 'len(missing)')"
		"repeated=$(json "$r" 'len(repeated)') from=$(json "$r" "'+'.join(progressFrom)")"
		"outcome=$(json "$r" "'answered' if 'answer' in keys else 'error'")"
		"ended-after-cut=$(json "$r" "str(endedAfterCutMs) + 'ms' if 'endedAfterCutMs' in keys else '-'");")
}

stop_cluster() {
	local name
	for name in i1 i2 i3; do kill_instance "$name"; done
}

# load_run NAME STORE -> sets LOAD_RPS: requests per second of session tools/call at LOAD_CONNECTIONS
# connections, 0 when any request failed
load_run() {
	local name=$1 store=$2 port session
	LOAD_RPS=0
	port=$(free_port)
	SERVER_CPUS=0 start_instance "$name" "$port" "$store" $LOAD_JVM_FLAGS
	wait_ready "$name"
	session=$(open_session "$port") || { log "$name: no session"; return; }
	printf '%s' '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"message":"hello-bench"}}}' \
		>"$WORK/body.json"
	export BENCH_BODY_FILE="$WORK/body.json" BENCH_EXPECT=hello-bench
	export BENCH_HEADERS="MCP-Protocol-Version: 2025-11-25|Mcp-Session-Id: $session"
	taskset -c 1 wrk -t1 -c"$LOAD_CONNECTIONS" -d"${LOAD_WARMUP_SECONDS}s" --timeout 10s -s "$ROOT/benchmarks/load/call.lua" \
		"http://127.0.0.1:$port/mcp" >"$WORK/$name-warmup.txt" 2>&1 || true
	taskset -c 1 wrk -t1 -c"$LOAD_CONNECTIONS" -d"${LOAD_SECONDS}s" --timeout 10s -s "$ROOT/benchmarks/load/call.lua" \
		"http://127.0.0.1:$port/mcp" >"$WORK/$name.txt" 2>&1 || true
	kill_instance "$name"
	local requests rps socket non2xx wrong
	read -r _ requests rps _ _ _ socket non2xx wrong < <(grep '^RESULT' "$WORK/$name.txt" || echo "RESULT 0 0 0 0 0 1 0 0")
	if ((socket + non2xx + wrong > 0)); then
		log "$name: $((socket + non2xx + wrong)) errors: $(grep '^SAMPLE' "$WORK/$name.txt" | head -1)"
		rps=0
	fi
	log "$name: $rps req/s at $LOAD_CONNECTIONS connections"
	LOAD_RPS=$rps
}

phase_load() {
	[[ -n ${REDIS_PORT:-} ]] || start_redis
	log "load: session tools/call at $LOAD_CONNECTIONS connections, one instance direct, memory then redis"
	local memory redis ratio
	load_run load-memory memory
	memory=$LOAD_RPS
	load_run load-redis redis
	redis=$LOAD_RPS
	ratio=$(python3 -c "import sys; m, r = float(sys.argv[1]), float(sys.argv[2]); print(f'{r / m:.2f}' if m else 'n/a')" \
		"$memory" "$redis")
	SUMMARY+=("load@$LOAD_CONNECTIONS: memory=${memory}/s redis=${redis}/s ratio=${ratio}")
}

require
log "work directory: $WORK"
if [[ $PHASES == *calls* || $PHASES == *resume* ]]; then cluster; fi
[[ $PHASES == *calls* ]] && phase_calls
[[ $PHASES == *resume* ]] && phase_resume
if [[ $PHASES == *calls* || $PHASES == *resume* ]]; then stop_cluster; fi
[[ $PHASES == *load* ]] && phase_load
echo "FAILOVER store=$STORE ${SUMMARY[*]}"
