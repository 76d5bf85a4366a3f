#!/usr/bin/env bash
# The ledger's fault-injection suite, longer than CI runs it: two JVMs contesting the caps of shared
# and joint accounts, a writer killed with SIGKILL, the database stopped mid-load, and reloads that
# change a cap's window under load, each checking 0 cap violations and 0 lost records.
#
#   .ci/fault-run.sh [SCALE]     SCALE multiplies FaultInjectionTest's decisions and reloads (default
#                                20; CI runs 1); the other three run as in CI
#
# Starts its own throwaway PostgreSQL (see postgres.sh) and stops it however the run ends.
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-20}
state=$(mktemp -d)
chmod 755 "$state"
export CONTACTGUARD_PG_STATE="$state/pg"
trap '.ci/postgres.sh stop || true; rm -rf "$state"' EXIT
eval "$(.ci/postgres.sh start)"
export CONTACTGUARD_TEST_PG_REQUIRED=true
mvn -B test -pl rules-core -Dcontactguard.fault.scale="$scale" \
  -Dtest='FaultInjectionTest,ConcurrencyStressTest,CrashSafetyTest,DatabaseDownTest' \
  -Dsurefire.failIfNoSpecifiedTests=false
