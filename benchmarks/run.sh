#!/usr/bin/env bash
# Runs the Contactguard benchmarks and writes results/<date>/ (JMH JSON, logs, summary.md).
#
#   benchmarks/run.sh quick   # the issue-7 target configuration: whole catalog, 50-entry history,
#                             # 1 and 2 threads, throughput (+ -prof gc), sample-mode percentiles,
#                             # batch, baseline, audit trail on/off, decideAndRecord on H2 (and PostgreSQL when
#                             # CONTACTGUARD_BENCH_PG_URL is set), cold start, footprint (~15 min)
#   benchmarks/run.sh full    # every pack set the catalog ships x history 0/50/500 x 1/2 threads
#                             # (about 1.5 hours)
#
# Pack sets the catalog does not ship yet (cn, us-regf+us-ma) are skipped with a note, so the same
# command covers them once they land. Run on a quiet machine: numbers taken while other builds
# run are noise. Extra arguments go to every JMH run (e.g. -jvm /path/to/jdk25/bin/java).
set -euo pipefail
cd "$(dirname "$0")/.."
profile=${1:-quick}
shift || true

mvn -B -q -o package -pl benchmarks -am -DskipTests
out=benchmarks/results/$(date -u +%Y%m%dT%H%M%SZ)-$profile
mkdir -p "$out"
# Run from a copy, so a rebuild during the run cannot mix code versions between JMH forks.
cp benchmarks/target/benchmarks.jar "$out/benchmarks.jar"
jar=$out/benchmarks.jar

catalog=$(unzip -p "$jar" rules/packs.txt | sed 's/#.*//' | tr -s ' \n' ' ')
has() { for p in "$@"; do [[ " $catalog " == *" $p "* ]] || return 1; done; }
sets=()
if [ "$profile" = full ]; then
  has starter && sets+=(starter)
  if has cn; then sets+=(cn); else echo "skipped pack set cn: not in the catalog ($catalog)"; fi
  if has us-regf us-ma; then sets+=(us-regf+us-ma); else echo "skipped pack set us-regf+us-ma: not in the catalog ($catalog)"; fi
  sets+=(all)
  histories=0,50,500
else
  sets=(all)
  histories=50
fi
packs=$(IFS=,; echo "${sets[*]}")

{
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "commit: $(git rev-parse --short HEAD) $(git status --porcelain | grep -q . && echo '(uncommitted changes)')"
  echo "catalog: $catalog"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) x $(nproc)"
  echo "memory: $(free -g | awk '/Mem:/ {print $2}') GB"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "load before: $(uptime)"
} | tee "$out/machine.txt"

jmh() { # name, then JMH arguments
  local name=$1; shift
  java -jar "$jar" "$@" -rf json -rff "$out/$name.json" "${extra[@]}" > "$out/$name.log" 2>&1 \
    || echo "JMH run $name failed; see $out/$name.log"
  echo "done $name ($(uptime | sed 's/.*load/load/'))"
}
extra=("$@")
for t in 1 2; do
  jmh decide-thrpt-t$t  'DecideBenchmark' -p packs="$packs" -p history=$histories -t $t -prof gc
  jmh decide-sample-t$t 'DecideBenchmark' -p packs="$packs" -p history=$histories -t $t -bm sample -tu us
  jmh batch-thrpt-t$t   'BatchBenchmark'  -p packs="$packs" -p history=$histories -t $t -prof gc
  jmh baseline-thrpt-t$t 'BaselineBenchmark' -p history=$histories -t $t -prof gc
  jmh baseline-sample-t$t 'BaselineBenchmark' -p history=$histories -t $t -bm sample -tu us
  # decide with an audit trail (none / discard / JSON Lines files), issue 18: within 10 % of none
  jmh audit-thrpt-t$t 'AuditBenchmark' -p packs=all -p history=$histories -t $t -prof gc
done

# Message screening alone: a 500-character message per pack (issue 21 target: <= 5 µs).
jmh screening-avgt 'ScreeningBenchmark' -p pack=cn,us-regf -p length=500

# decideAndRecord on the JDBC ledger, 1/4/16 threads; PostgreSQL when CONTACTGUARD_BENCH_PG_URL or
# CONTACTGUARD_TEST_PG_URL (.ci/postgres.sh start) names a server.
ledgers=h2
if [ -n "${CONTACTGUARD_BENCH_PG_URL:-${CONTACTGUARD_TEST_PG_URL:-}}" ]; then ledgers=h2,postgres
else echo "ledger: PostgreSQL skipped (set CONTACTGUARD_BENCH_PG_URL, or run .ci/postgres.sh start)"; fi
for t in 1 4 16; do
  jmh ledger-thrpt-t$t 'LedgerBenchmark' -p ledger=$ledgers -p packs=all -t $t
done

rules=$(mktemp -d)
cp -r rules-catalog/src/main/resources/rules/. "$rules/"
for i in 1 2 3 4 5; do java -cp "$jar" org.contactguard.benchmarks.ColdStart; done | tee "$out/cold-start.txt"
for i in 1 2 3; do java -cp "$jar" org.contactguard.benchmarks.ColdStart "$rules"; done | tee -a "$out/cold-start.txt"
rm -rf "$rules"
java -cp "$jar" org.contactguard.benchmarks.Footprint | tee "$out/footprint.txt"
echo "load after: $(uptime)" | tee -a "$out/machine.txt"

python3 benchmarks/report.py "$out"/*.json > "$out/summary.md"
cat "$out/summary.md"
echo "results in $out"
