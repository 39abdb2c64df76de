#!/usr/bin/env bash
# Load test of the standalone server on 127.0.0.1: seeds readers and books with curl, runs a
# bounded wrk mix of reads and writes (mix.lua), records the server's memory before and after,
# then checks that every acknowledged write is readable (verify.py). See load/README.md.
#
#   load/run.sh                      # 60 s
#   DURATION=10s CONNECTIONS=16 load/run.sh
set -euo pipefail

DURATION=${DURATION:-60s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
READERS=${READERS:-8}
BOOKS_PER_READER=${BOOKS_PER_READER:-25}
PATCH_POOL=${PATCH_POOL:-100}          # books per wrk thread that only that thread patches
PORT=${PORT:-18181}
JAVA_OPTS=${JAVA_OPTS:--Xms256m -Xmx512m}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=${JAR:-$ROOT/adapter-http/target/bookshelf-server.jar}
OUT=${OUT:-$ROOT/load/target/run-$(date +%Y%m%d-%H%M%S)}
BASE=http://127.0.0.1:$PORT

mkdir -p "$OUT"
. "$ROOT/load/lib.sh"

need_wrk
build_jar_if_missing "$JAR"
start_server "$JAR" "$PORT" "$OUT/server.log" 20
trap 'stop_server' EXIT
echo "server pid $SERVER_PID on $BASE; output in $OUT"

seed "$OUT/seed.txt" "$READERS" "$BOOKS_PER_READER" "$THREADS" "$PATCH_POOL"
echo "seeded $READERS readers, $((READERS * BOOKS_PER_READER)) books to read, $((THREADS * PATCH_POOL)) to patch"

# A short warm-up so the 'before' figure is of a running JIT-compiled server, not a cold one.
mkdir -p "$OUT/warmup"
LOAD_SEED=$OUT/seed.txt LOAD_OUT=$OUT/warmup wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s "$ROOT/load/mix.lua" "$BASE" \
  > "$OUT/warmup/wrk.txt"
refresh_versions "$OUT/seed.txt" "$OUT/warmup/current-versions.txt"
RSS_BEFORE=$(rss_kib "$SERVER_PID"); HWM_BEFORE=$(hwm_kib "$SERVER_PID")

LOAD_SEED=$OUT/seed.txt LOAD_OUT=$OUT LOAD_VERSIONS=$OUT/warmup/current-versions.txt \
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency \
  -s "$ROOT/load/mix.lua" "$BASE" | tee "$OUT/wrk.txt"
RSS_AFTER=$(rss_kib "$SERVER_PID"); HWM_AFTER=$(hwm_kib "$SERVER_PID")

VERIFY_STATUS=0
python3 "$ROOT/load/verify.py" "$PORT" "$OUT/seed.txt" "$OUT/created.txt" "$OUT/versions.txt" \
  | tee "$OUT/verify.txt" || VERIFY_STATUS=$?
ERRORS=$(grep -c '"level":"ERROR"' "$OUT/server.log" || true)

echo
echo "== summary ($DURATION, $THREADS threads, $CONNECTIONS connections, JAVA_OPTS='$JAVA_OPTS')"
grep '^SUMMARY' "$OUT/wrk.txt" | sed 's/^SUMMARY /wrk:    /'
sed 's/^VERIFY /verify: /' "$OUT/verify.txt"
echo "memory: VmRSS ${RSS_BEFORE} kB -> ${RSS_AFTER} kB; VmHWM ${HWM_BEFORE} kB -> ${HWM_AFTER} kB"
echo "server log: $ERRORS ERROR lines"
[ "$VERIFY_STATUS" -eq 0 ] && [ "$ERRORS" -eq 0 ]
