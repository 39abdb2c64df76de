#!/usr/bin/env bash
# Graceful shutdown under load: wrk and a classifying probe (shutdown_probe.py) load the server,
# SIGTERM arrives mid-run, and the checks are: no answer was torn (every request got a complete
# answer or none at all: refused, or closed before a status line); every book the server added was
# acknowledged to a client; the JVM exits within the grace period. See README.md.
#
#   load/shutdown.sh                 # SIGTERM after 10 s of load, 5 s grace
set -euo pipefail

TERM_AFTER=${TERM_AFTER:-10}
GRACE=${GRACE:-5}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PROBE_THREADS=${PROBE_THREADS:-16}
READERS=${READERS:-4}
BOOKS_PER_READER=${BOOKS_PER_READER:-25}
PORT=${PORT:-18182}
JAVA_OPTS=${JAVA_OPTS:--Xms256m -Xmx512m}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=${JAR:-$ROOT/adapter-http/target/bookshelf-server.jar}
OUT=${OUT:-$ROOT/load/target/shutdown-$(date +%Y%m%d-%H%M%S)}
BASE=http://127.0.0.1:$PORT
RUN_FOR=$((TERM_AFTER + GRACE + 5))

mkdir -p "$OUT/wrk"
. "$ROOT/load/lib.sh"

need_wrk
build_jar_if_missing "$JAR"
start_server "$JAR" "$PORT" "$OUT/server.log" "$GRACE"
trap 'stop_server' EXIT
seed "$OUT/seed.txt" "$READERS" "$BOOKS_PER_READER" "$THREADS" 10
echo "server pid $SERVER_PID; load for up to ${RUN_FOR} s, SIGTERM after ${TERM_AFTER} s, grace ${GRACE} s"

LOAD_SEED=$OUT/seed.txt LOAD_OUT=$OUT/wrk wrk -t"$THREADS" -c"$CONNECTIONS" -d"${RUN_FOR}s" --timeout 5s \
  -s "$ROOT/load/mix.lua" "$BASE" > "$OUT/wrk.txt" 2>&1 &
WRK_PID=$!
python3 "$ROOT/load/shutdown_probe.py" "$PORT" "$OUT/seed.txt" "$PROBE_THREADS" "$RUN_FOR" "$OUT/term-time" \
  > "$OUT/probe.txt" 2>&1 &
PROBE_PID=$!

sleep "$TERM_AFTER"
date +%s.%N > "$OUT/term-time"
TERM_AT=$(date +%s%N)
kill -TERM "$SERVER_PID"
EXIT_CODE=timeout
for _ in $(seq 1 $(((GRACE + 10) * 10))); do
  if ! kill -0 "$SERVER_PID" 2> /dev/null; then
    wait "$SERVER_PID" && EXIT_CODE=0 || EXIT_CODE=$?
    break
  fi
  sleep 0.1
done
STOPPED_MS=$((($(date +%s%N) - TERM_AT) / 1000000))

PROBE_STATUS=0
wait "$PROBE_PID" || PROBE_STATUS=$?
wait "$WRK_PID" || true

# Writes the server applied (its log has one line per answered request) against writes a client
# saw acknowledged: equal means no book was added without its 201 reaching the client.
APPLIED=$(grep -c '"method":"POST","route":"/books","status":201' "$OUT/server.log" || true)
ACKNOWLEDGED=$(python3 - "$OUT/wrk.txt" "$OUT/probe.txt" $((READERS * BOOKS_PER_READER + THREADS * 10)) <<'PY'
import json, sys
wrk = next(json.loads(l[8:]) for l in open(sys.argv[1]) if l.startswith("SUMMARY "))
probe = next(json.loads(l[6:]) for l in open(sys.argv[2]) if l.startswith("PROBE "))
print(wrk["statuses"].get("201", 0) + int(sys.argv[3])
      + sum(n for phase in probe["by_phase"].values() for k, n in phase.items() if k == "complete_201"))
PY
)

echo
echo "== graceful shutdown under load (SIGTERM after ${TERM_AFTER} s, grace ${GRACE} s)"
echo "server: exited ${STOPPED_MS} ms after SIGTERM, exit status ${EXIT_CODE} (143 = ended by SIGTERM after its shutdown hook)"
grep -E '"msg":"(stopping|stopped)' "$OUT/server.log" | sed 's/^/server log: /' || true
echo "server log: $(grep -c '"level":"ERROR"' "$OUT/server.log" || true) ERROR lines"
sed 's/^PROBE /probe: /' "$OUT/probe.txt"
grep '^SUMMARY' "$OUT/wrk.txt" | sed 's/^SUMMARY /wrk:   /'
echo "writes: the server added $APPLIED books (201 in its log); clients were acknowledged $ACKNOWLEDGED (seeding, wrk, probe)"
[ "$PROBE_STATUS" -eq 0 ] && [ "$EXIT_CODE" != timeout ] && [ "$APPLIED" -eq "$ACKNOWLEDGED" ]
