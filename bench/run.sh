#!/usr/bin/env bash
# Benchmarks of Bookshelf, each side by side with a bare baseline in the same run.
#   bench/run.sh [cold|warm|throughput|size|all] [--key=value ...]
# Builds what it needs (Maven, tests skipped), prints markdown tables and writes
# bench/target/results.md. Not part of the tests. See README.md, section Performance.
# Options go to every benchmark named, e.g. --rounds=5 (cold: 11, warm: 3, throughput: 3).
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"
shift || true
case "$what" in
  cold|warm|throughput|size) kinds=("$what") ;;
  all) kinds=(size cold warm throughput) ;;
  *) echo "usage: bench/run.sh [cold|warm|throughput|size|all] [--key=value ...]" >&2; exit 2 ;;
esac
if [[ " ${kinds[*]} " == *" throughput "* ]] && ! command -v wrk >/dev/null; then
  echo "wrk is missing: installing Debian's wrk" >&2
  apt-get install -y -qq wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
fi
if [[ " ${kinds[*]} " == *" cold "* || " ${kinds[*]} " == *" warm "* ]] \
    && [[ ! -d adapter-dynamodb/src/test/dynalite/node_modules ]]; then
  # the STORE=dynamodb rows run against the project's dynalite, installed as bin/local-dynamodb does
  echo "installing dynalite (npm ci in adapter-dynamodb/src/test/dynalite)" >&2
  (cd adapter-dynamodb/src/test/dynalite && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) >&2
fi
echo "building (mvn package, tests skipped)..." >&2
# adapter-http shades over its own jar: without this, a second build can keep stale classes of the last one
rm -f adapter-http/target/bookshelf-server.jar adapter-http/target/original-bookshelf-server.jar
mvn -q -B -pl core,api,adapter-dynamodb,adapter-http,adapter-lambda,bench -am package -DskipTests >&2
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
for kind in "${kinds[@]}"; do
  echo "== $kind (load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  java -cp "$cp" dev.bookshelf.bench.BenchMain "$kind" "$@"
done
{
  echo "# Bookshelf benchmark results"
  echo
  echo "$(nproc) cores, $(java -version 2>&1 | head -1), $(uname -sr); load average now $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  for kind in size cold warm throughput; do
    f="bench/target/results-$kind.md"
    if [[ -f "$f" ]]; then cat "$f"; echo; fi
  done
} > bench/target/results.md
echo "wrote bench/target/results.md" >&2
