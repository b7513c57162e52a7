#!/usr/bin/env bash
# Run the official MCP conformance suite against the sample app's `conformance` profile.
#
#   scripts/conformance.sh [REVISION ...]      (default: 2025-11-25)
#
# Installs Node.js 22 and the pinned suite from the npm registry into a cache (once),
# builds the sample jar if it is missing, starts it on a free loopback port, runs the
# revision's full requirement set (the not-scored scenarios too, reported only) and
# stops the app. Exit 0 only when every required scenario passes.
# Last line: "conformance: N passed, M failed" (required scenarios, all revisions).
#
# Environment: MCP_CONFORMANCE_CACHE (install dir), MCP_CONFORMANCE_RESULTS (results dir),
# MCP_CONFORMANCE_NODE (a node >= 22 to use instead of installing one),
# MCP_CONFORMANCE_STACK (webflux, the default, or mvc: the sample as a Spring MVC application
# on Tomcat, built by the sample's spring-mvc Maven profile into sample-app-mvc.jar).
set -euo pipefail

SUITE_VERSION=0.2.0-alpha.12
NODE_VERSION=22.23.3
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${MCP_CONFORMANCE_CACHE:-$HOME/.cache/mcp-spring-boot-conformance}
RESULTS=${MCP_CONFORMANCE_RESULTS:-$ROOT/target/conformance}
STACK=${MCP_CONFORMANCE_STACK:-webflux}
case $STACK in
  webflux) JAR=$ROOT/sample-app/target/sample-app.jar MAVEN_PROFILES="" SERVER=Netty ;;
  mvc) JAR=$ROOT/sample-app/target/sample-app-mvc.jar MAVEN_PROFILES="-Pspring-mvc" SERVER=Tomcat ;;
  *) echo "conformance.sh: MCP_CONFORMANCE_STACK must be webflux or mvc, was '$STACK'" >&2; exit 2 ;;
esac
REVISIONS=("$@")
[ ${#REVISIONS[@]} -gt 0 ] || REVISIONS=(2025-11-25)

fail() { echo "conformance.sh: $*" >&2; echo "conformance: 0 passed, 0 failed"; exit 2; }

# npm-install a package into its own folder once; the marker file makes reruns free.
install_once() {
  local dir=$1 package=$2
  [ -e "$dir/.installed" ] && return 0
  command -v npm >/dev/null || fail "npm is needed to install $package"
  rm -rf "$dir.partial" && mkdir -p "$dir.partial"
  echo '{"private":true}' > "$dir.partial/package.json"
  (cd "$dir.partial" && npm install --no-audit --no-fund --ignore-scripts --loglevel=error --save-exact "$package" >&2) \
    || fail "could not install $package"
  touch "$dir.partial/.installed" && rm -rf "$dir" && mv "$dir.partial" "$dir"
}

if [ -n "${MCP_CONFORMANCE_NODE:-}" ]; then
  NODE=$MCP_CONFORMANCE_NODE
else
  case $(uname -m) in x86_64) ARCH=x64 ;; aarch64 | arm64) ARCH=arm64 ;; *) fail "unsupported CPU $(uname -m)" ;; esac
  install_once "$CACHE/node-$NODE_VERSION" "node-linux-$ARCH@$NODE_VERSION"
  NODE=$CACHE/node-$NODE_VERSION/node_modules/node-linux-$ARCH/bin/node
fi
install_once "$CACHE/suite-$SUITE_VERSION" "@modelcontextprotocol/conformance@$SUITE_VERSION"
SUITE=$CACHE/suite-$SUITE_VERSION/node_modules/@modelcontextprotocol/conformance

# shellcheck disable=SC2086 # no profile, or one
[ -f "$JAR" ] || (cd "$ROOT" && ./mvnw -q -B -pl sample-app -am package -DskipTests $MAVEN_PROFILES) \
  || fail "could not build $JAR"

mkdir -p "$RESULTS"
LOG=$RESULTS/app.log
java -jar "$JAR" --server.port=0 --server.address=127.0.0.1 --spring.profiles.active=conformance > "$LOG" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
PORT=""
for _ in $(seq 1 120); do
  PORT=$(sed -n "s/.*$SERVER started on port \([0-9]*\).*/\1/p" "$LOG" | head -n 1)
  [ -n "$PORT" ] && break
  kill -0 $APP 2>/dev/null || { tail -n 30 "$LOG" >&2; fail "the sample app did not start"; }
  sleep 0.5
done
[ -n "$PORT" ] || fail "the sample app did not start within 60 s"
URL=http://localhost:$PORT/mcp
echo "sample app (conformance profile, $STACK stack) on $URL"

total_passed=0 total_failed=0
for REV in "${REVISIONS[@]}"; do
  OUT=$RESULTS/$REV
  rm -rf "$OUT" && mkdir -p "$OUT"
  echo "== suite $SUITE_VERSION, revision $REV"
  timeout -k 10 1200 "$NODE" "$SUITE/dist/index.js" server --url "$URL" -o "$OUT" --requirements "$REV" \
    --timeout 30000 > "$OUT/suite.log" 2>&1 || true
  # Judge from the per-scenario checks: a scenario passes when no check is a FAILURE.
  summary=$("$NODE" - "$OUT" "$SUITE/requirements/$REV.yaml" "$SUITE" <<'JS'
const fs = require('fs'), path = require('path');
const [out, requirementsFile, suite] = process.argv.slice(2);
const YAML = require(require.resolve('yaml', { paths: [suite] }));
const requirements = YAML.parse(fs.readFileSync(requirementsFile, 'utf8'));
const checks = {};
for (const dir of fs.readdirSync(out)) {
  const match = /^server-(.+)-\d{4}-\d\d-\d\dT[\d-]+Z$/.exec(dir);
  const file = path.join(out, dir, 'checks.json');
  if (match && fs.existsSync(file)) checks[match[1]] = JSON.parse(fs.readFileSync(file, 'utf8'));
}
function report(scenario, note) {
  const list = checks[scenario];
  if (!list) { console.error(`  MISSING ${scenario}${note}`); return false; }
  const failures = list.filter((c) => c.status === 'FAILURE');
  const warnings = list.filter((c) => c.status === 'WARNING').length;
  console.error(`  ${failures.length ? 'FAIL' : 'PASS'}    ${scenario}${note} ` +
    `(${list.length - failures.length}/${list.length} checks${warnings ? `, ${warnings} warnings` : ''})`);
  for (const f of failures.slice(0, 3)) console.error(`          ${f.id}: ${(f.errorMessage || f.description || '').slice(0, 200)}`);
  return failures.length === 0;
}
let passed = 0, failed = 0;
for (const scenario of requirements.server) report(scenario, '') ? passed++ : failed++;
for (const entry of (requirements.not_scored || []).filter((e) => e.leg === 'server')) report(entry.scenario, ` [not scored: ${entry.reason}]`);
console.log(`${passed} ${failed}`);
JS
)
  read -r passed failed <<< "$summary"
  echo "revision $REV: $passed passed, $failed failed (required scenarios); details in $OUT"
  total_passed=$((total_passed + passed)) total_failed=$((total_failed + failed))
done
echo "conformance: $total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ]
