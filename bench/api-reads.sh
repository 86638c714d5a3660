#!/bin/bash
# API load (A3) with wrk for the read paths: bench/api-reads.sh [base] [connections] [seconds] [rounds]
#
# The Java driver (ApiDriver) makes the set-up and measures the write path (create draft); the reads
# are then driven by wrk, which needs ~2 % of a core where the Java driver's HTTP client took a third
# of the two cores it shares with the application. Each read path runs [rounds] rounds of [seconds]:
# on two cores the JIT compiler needs minutes of load before an application this size runs at its
# steady state, and every round is printed so the warm-up shows. WRITE=no skips the write phase and
# reads the drafts earlier runs made. Needs the running application (bench/RESULTS.md) and wrk.
set -euo pipefail
BASE=${1:-http://localhost:8080}
CONNECTIONS=${2:-32}
ROUND_SECONDS=${3:-30}
ROUNDS=${4:-6}
command -v wrk >/dev/null || { echo "api-reads.sh needs wrk (apt-get install wrk)" >&2; exit 2; }
cd "$(dirname "$0")/.."
SETUP=$(mktemp -d)
trap 'rm -rf "$SETUP"' EXIT
PATHS=create
[ "${WRITE:-yes}" = no ] && PATHS=reads-only
java -cp "$(cat bench/target/classpath.txt):bench/target/classes" cn.econtract.bench.ApiDriver "$BASE" "$CONNECTIONS" 20 30 "$PATHS" "$SETUP"
printf '%-8s %-8s %8s %10s %10s %10s %12s\n' round path calls "p50 ms" "p99 ms" "max ms" calls/s
for path in get tasks search; do
  for round in $(seq "$ROUNDS"); do
    printf '%-8s %-8s ' "$round" "$path"
    wrk -t1 -c"$CONNECTIONS" -d"${ROUND_SECONDS}s" -s bench/wrk/api-read.lua "$BASE" -- "$path" "$SETUP" | tail -1
  done
done
