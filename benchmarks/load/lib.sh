# Shared by run.sh and footprint.sh: building, starting and stopping the servers.
# Every server listens on 127.0.0.1 only and is stopped by the caller's EXIT trap.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
LOAD="$ROOT/benchmarks/load"
JVM_FLAGS=${JVM_FLAGS:--Xmx512m -XX:+UseParallelGC}
SERVER_CPU=${SERVER_CPU:-0}
OURS_JAR=${OURS_JAR:-$ROOT/benchmarks/target/benchmarks-mcp-server.jar}
FLOOR_JAR="$ROOT/benchmarks/target/benchmarks-floor-server.jar"
SPRING_AI_JAR="$ROOT/benchmarks/spring-ai-server/target/spring-ai-server.jar"
# the production configuration: the same servers with Actuator and the Prometheus registry
OURS_PROD_JAR=${OURS_PROD_JAR:-$ROOT/benchmarks/target/benchmarks-mcp-prod-server.jar}
FLOOR_PROD_JAR="$ROOT/benchmarks/target/benchmarks-floor-prod-server.jar"
SPRING_AI_PROD_JAR="$ROOT/benchmarks/spring-ai-server/target/spring-ai-server-prod.jar"
# what the sample app ships (sample-app/src/main/resources/application.yml): the scraped
# Prometheus endpoint, health with probes; the mcp endpoint exists on our server only
PROD_ARGS="--management.endpoint.health.probes.enabled=true --management.endpoint.health.show-details=always"
PROD_EXPOSURE="--management.endpoints.web.exposure.include=health,info,prometheus"
# LOOPS: event loops of every Java server (Reactor Netty's reactor.netty.ioWorkerCount, which
# our server reads as well); the same for all, 1 unless asked, as the server has one core.
# LOOPS= (empty) leaves each server its own default: ours one per CPU, the others four
LOOPS=${LOOPS-1}
STATELESS_META='"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{}}'
SERVER_PIDS=()

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

build_if_missing() {
	if [[ ! -f $OURS_JAR || ! -f $FLOOR_JAR || ! -f $SPRING_AI_JAR || ! -f $OURS_PROD_JAR || ! -f $FLOOR_PROD_JAR
		|| ! -f $SPRING_AI_PROD_JAR ]]; then
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
		ours/sessionless) cmd=(java $JVM_FLAGS -jar "$OURS_JAR" --mcp.server.session.enabled=false) ;;
		floor/plain | floor/stateless) cmd=(java $JVM_FLAGS -jar "$FLOOR_JAR") ;;
		spring-ai/stateless) cmd=(java $JVM_FLAGS -jar "$SPRING_AI_JAR" --spring.ai.mcp.server.protocol=STATELESS) ;;
		spring-ai/streamable) cmd=(java $JVM_FLAGS -jar "$SPRING_AI_JAR" --spring.ai.mcp.server.protocol=STREAMABLE) ;;
		prod-ours/* | prod-ours-unobserved/*)
			cmd=(java $JVM_FLAGS -jar "$OURS_PROD_JAR" $PROD_ARGS "$PROD_EXPOSURE,mcp" $(ours_mode_args "$mode"))
			# the same server with every observation switched off: what observability costs
			if [[ $name == prod-ours-unobserved ]]; then cmd+=(--management.observations.enable.all=false); fi ;;
		prod-floor/plain | prod-floor/stateless) cmd=(java $JVM_FLAGS -jar "$FLOOR_PROD_JAR" $PROD_ARGS "$PROD_EXPOSURE") ;;
		prod-spring-ai/stateless | prod-spring-ai/streamable)
			cmd=(java $JVM_FLAGS -jar "$SPRING_AI_PROD_JAR" $PROD_ARGS "$PROD_EXPOSURE"
				--spring.ai.mcp.server.protocol="$(tr '[:lower:]' '[:upper:]' <<<"$mode")") ;;
		typescript/stateless) cmd=(node "$LOAD/node/server.mjs" "$port") ;;
		*) log "unknown server $name/$mode"; return 1 ;;
	esac
	if [[ ${cmd[0]} == java ]]; then
		if [[ -n $LOOPS ]]; then cmd=(java "-Dreactor.netty.ioWorkerCount=$LOOPS" "${cmd[@]:1}"); fi
		cmd+=(--server.port="$port" --server.address=127.0.0.1 ${SERVER_ARGS:-})
	fi
	START_NANOS=$(date +%s%N)
	taskset -c "$SERVER_CPU" "${cmd[@]}" >"$logfile" 2>&1 &
	SERVER_PID=$!
	SERVER_PIDS+=("$SERVER_PID")
}

# ours_mode_args MODE -> the properties of one of our modes
ours_mode_args() {
	case "$1" in
		session-json) echo --mcp.server.transport.streamable-http.response-mode=json ;;
		session-sse) echo --mcp.server.transport.streamable-http.response-mode=sse ;;
		sessionless) echo --mcp.server.session.enabled=false ;;
	esac
}

# server_kind NAME -> ours, floor, spring-ai or typescript: the protocol a server speaks,
# whether stripped or in the production configuration (prod-*)
server_kind() {
	local kind=${1#prod-}
	echo "${kind%-unobserved}"
}

# cpu_ticks PID -> user + system CPU time of the process so far, in clock ticks (getconf CLK_TCK)
cpu_ticks() {
	awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0
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
	local port=$1 name body
	name=$(server_kind "$2")
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

# prepare_call NAME MODE PORT TOOL ARGS -> sets CALL_BODY and CALL_HEADERS ("Name: value|..."):
# a 2026-07-28 tools/call for our stateless mode, a 2025-11-25 one otherwise, in a fresh
# session for the session modes
prepare_call() {
	local name mode=$2 port=$3 tool=$4 args=$5 session
	name=$(server_kind "$1")
	local params="\"name\":\"$tool\",\"arguments\":$args"
	CALL_HEADERS="MCP-Protocol-Version: 2025-11-25"
	case "$name/$mode" in
		ours/stateless | floor/stateless)
			params="$params,$STATELESS_META"
			CALL_HEADERS="MCP-Protocol-Version: 2026-07-28|Mcp-Method: tools/call|Mcp-Name: $tool" ;;
		ours/session-* | spring-ai/streamable)
			session=$(open_session "$port") || { log "no session"; session=missing; }
			CALL_HEADERS="$CALL_HEADERS|Mcp-Session-Id: $session" ;;
	esac
	CALL_BODY="{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{$params}}"
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

# add_ratios RAW_CSV -> prints it with ratio_to_floor, ratio_to_spring_ai and ratio_to_unobserved:
# to the floor at the same connections (floor/stateless, which writes the same 2026-07-28 bytes,
# for our stateless mode when it was measured; floor/plain otherwise), to Spring AI (streamable
# for the session-* modes, stateless for the others) at the same connections, each in the same
# configuration (a prod-* row to prod-floor and prod-spring-ai), and for prod-ours to the same
# server and mode with observations off (prod-ours-unobserved); void rows get no ratio
add_ratios() {
	awk -F, -v OFS=, 'NR == FNR { if (FNR > 1 && $10 == "yes") rps[$1 "/" $2 "/" $3] = $5; next }
		FNR == 1 { print $0 ",ratio_to_floor,ratio_to_spring_ai,ratio_to_unobserved"; next }
		NF < 11 { $11 = "" }
		{
			prefix = ($1 ~ /^prod-/) ? "prod-" : ""
			kind = $1; sub(/^prod-/, "", kind); sub(/-unobserved$/, "", kind)
			floor = rps[prefix "floor/plain/" $3]
			if (kind "/" $2 == "ours/stateless" && rps[prefix "floor/stateless/" $3] > 0) floor = rps[prefix "floor/stateless/" $3]
			peer = ($2 ~ /^session-/ || $2 == "streamable") ? "spring-ai/streamable/" : "spring-ai/stateless/"
			sai = rps[prefix peer $3]
			bare = ($1 == "prod-ours") ? rps["prod-ours-unobserved/" $2 "/" $3] : 0
			rf = ($10 == "yes" && floor > 0) ? sprintf("%.2f", $5 / floor) : ""
			rs = ($10 == "yes" && sai > 0) ? sprintf("%.2f", $5 / sai) : ""
			ru = ($10 == "yes" && bare > 0) ? sprintf("%.2f", $5 / bare) : ""
			print $0 "," rf "," rs "," ru
		}' "$1" "$1"
}
