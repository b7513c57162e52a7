# Shared by run.sh and footprint.sh: building, starting and stopping the servers.
# Every server listens on 127.0.0.1 only and is stopped by the caller's EXIT trap.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
LOAD="$ROOT/benchmarks/load"
JVM_FLAGS=${JVM_FLAGS:--Xmx512m -XX:+UseParallelGC}
SERVER_CPU=${SERVER_CPU:-0}
OURS_JAR="$ROOT/benchmarks/target/benchmarks-mcp-server.jar"
FLOOR_JAR="$ROOT/benchmarks/target/benchmarks-floor-server.jar"
SPRING_AI_JAR="$ROOT/benchmarks/spring-ai-server/target/spring-ai-server.jar"
STATELESS_META='"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{}}'
SERVER_PIDS=()

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

build_if_missing() {
	if [[ ! -f $OURS_JAR || ! -f $FLOOR_JAR || ! -f $SPRING_AI_JAR ]]; then
		log "building the benchmark jars"
		(cd "$ROOT" && ./mvnw -q -Pbenchmarks -pl benchmarks,benchmarks/spring-ai-server -am package -DskipTests)
	fi
	if [[ ! -d $LOAD/node/node_modules/@modelcontextprotocol/sdk ]]; then
		log "installing the TypeScript SDK peer"
		(cd "$LOAD/node" && npm ci --no-audit --no-fund --loglevel=error)
	fi
}

# start_server NAME PORT MODE -> sets SERVER_PID; MODE picks the server and its properties
start_server() {
	local name=$1 port=$2 mode=$3 logfile="$OUT/$1-$3.log" cmd
	case "$name/$mode" in
		ours/stateless) cmd=(java $JVM_FLAGS -jar "$OURS_JAR") ;;
		ours/session-json) cmd=(java $JVM_FLAGS -jar "$OURS_JAR" --mcp.server.transport.streamable-http.response-mode=json) ;;
		ours/session-sse) cmd=(java $JVM_FLAGS -jar "$OURS_JAR" --mcp.server.transport.streamable-http.response-mode=sse) ;;
		floor/plain) cmd=(java $JVM_FLAGS -jar "$FLOOR_JAR") ;;
		spring-ai/stateless) cmd=(java $JVM_FLAGS -jar "$SPRING_AI_JAR" --spring.ai.mcp.server.protocol=STATELESS) ;;
		spring-ai/streamable) cmd=(java $JVM_FLAGS -jar "$SPRING_AI_JAR" --spring.ai.mcp.server.protocol=STREAMABLE) ;;
		typescript/stateless) cmd=(node "$LOAD/node/server.mjs" "$port") ;;
		*) log "unknown server $name/$mode"; return 1 ;;
	esac
	if [[ ${cmd[0]} == java ]]; then
		cmd+=(--server.port="$port" --server.address=127.0.0.1 ${SERVER_ARGS:-})
	fi
	START_NANOS=$(date +%s%N)
	taskset -c "$SERVER_CPU" "${cmd[@]}" >"$logfile" 2>&1 &
	SERVER_PID=$!
	SERVER_PIDS+=("$SERVER_PID")
}

stop_server() {
	local pid=$1
	if kill -0 "$pid" 2>/dev/null; then
		kill "$pid" 2>/dev/null
		for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
		kill -9 "$pid" 2>/dev/null
	fi
}

stop_all() {
	local pid
	for pid in "${SERVER_PIDS[@]}"; do stop_server "$pid"; done
}

# post PORT BODY [HEADER...] -> prints headers and body; bounded by curl's own timeout
post() {
	local port=$1 body=$2; shift 2
	local args=()
	for header in "$@"; do args+=(-H "$header"); done
	curl -sS -i --max-time 10 "http://127.0.0.1:$port/mcp" -H 'Content-Type: application/json' \
		-H 'Accept: application/json, text/event-stream' "${args[@]}" -d "$body"
}

# wait_ready PORT NAME MODE -> waits (at most STARTUP_TIMEOUT s) until a tools/call answers
wait_ready() {
	local port=$1 name=$2 mode=$3 deadline=$((SECONDS + ${STARTUP_TIMEOUT:-180}))
	while ((SECONDS < deadline)); do
		if ready_probe "$port" "$name" "$mode"; then return 0; fi
		kill -0 "$SERVER_PID" 2>/dev/null || { log "$name/$mode exited"; return 1; }
		sleep 0.05
	done
	log "$name/$mode did not answer within ${STARTUP_TIMEOUT:-180}s"
	return 1
}

# a tools/call that needs no session: stateless for ours, plain JSON-RPC for the peers
ready_probe() {
	local port=$1 name=$2 body
	if [[ $name == ours ]]; then
		body='{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"message":"ready"},'"$STATELESS_META"'}}'
		post "$port" "$body" 'MCP-Protocol-Version: 2026-07-28' 'Mcp-Method: tools/call' 'Mcp-Name: echo' 2>/dev/null | grep -q '"ready"'
	elif [[ $3 == streamable ]]; then
		# a stateful server answers initialize first
		post "$port" '{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"probe","version":"1.0"}}}' 2>/dev/null | grep -qi 'mcp-session-id'
	else
		body='{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"message":"ready"}}}'
		post "$port" "$body" 'MCP-Protocol-Version: 2025-11-25' 2>/dev/null | grep -q '"ready"'
	fi
}

# open_session PORT -> prints the Mcp-Session-Id of a fresh 2025-11-25 session
open_session() {
	local port=$1 id
	id=$(post "$port" '{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"load","version":"1.0"}}}' \
		| tr -d '\r' | awk -F': ' 'tolower($1)=="mcp-session-id" {print $2}')
	[[ -n $id ]] || return 1
	post "$port" '{"jsonrpc":"2.0","method":"notifications/initialized"}' "Mcp-Session-Id: $id" 'MCP-Protocol-Version: 2025-11-25' >/dev/null
	printf '%s' "$id"
}
