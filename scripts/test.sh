#!/usr/bin/env bash
# The project's test command: installs the services the tests need, then builds and
# runs every test. Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-test-services.sh
./mvnw -B -ntp verify "$@"
