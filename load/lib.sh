# Shared by run.sh and shutdown.sh: build, start and stop the server, seed it, read its memory.
# Everything talks to 127.0.0.1 only; every wait is bounded.

need_wrk() {
  if ! command -v wrk > /dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
      apt-get install -y -qq wrk > /dev/null
    else
      echo "wrk is missing: apt-get install wrk" >&2
      exit 2
    fi
  fi
}

build_jar_if_missing() {
  if [ ! -f "$1" ]; then
    echo "building $1"
    (cd "$ROOT" && mvn -B -q -DskipTests -pl adapter-http -am package)
  fi
}

# start_server JAR PORT LOG GRACE_SECONDS: sets SERVER_PID; waits (at most 60 s) for /health.
start_server() {
  HOST=127.0.0.1 PORT=$2 MANAGEMENT_PORT=${MANAGEMENT_PORT:-0} BCRYPT_COST=${BCRYPT_COST:-4} SHUTDOWN_GRACE_SECONDS=$4 \
    TOKEN_SECRET=${TOKEN_SECRET:-load-test-secret-0123456789-abcdefghijklmnop} \
    LOGIN_MAX_FAILURES_PER_SOURCE=100000 \
    java $JAVA_OPTS -jar "$1" > "$3" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$2/health" > /dev/null 2>&1; then
      return 0
    fi
    if ! kill -0 "$SERVER_PID" 2> /dev/null; then
      echo "server exited during startup:" >&2
      cat "$3" >&2
      exit 1
    fi
    sleep 0.5
  done
  echo "server did not answer /health within 60 s" >&2
  exit 1
}

stop_server() {
  if [ -n "${SERVER_PID:-}" ] && kill -0 "$SERVER_PID" 2> /dev/null; then
    kill -TERM "$SERVER_PID"
    for _ in $(seq 1 60); do
      kill -0 "$SERVER_PID" 2> /dev/null || return 0
      sleep 0.5
    done
    kill -KILL "$SERVER_PID" 2> /dev/null || true
  fi
}

rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }
hwm_kib() { awk '/^VmHWM:/ {print $2}' "/proc/$1/status"; }

json_field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }

# seed FILE READERS BOOKS_PER_READER THREADS PATCH_POOL: signs readers up, logs them in, adds books.
seed() {
  local file=$1 readers=$2 books=$3 threads=$4 pool=$5 base="http://127.0.0.1:$PORT" run=$RANDOM$RANDOM
  : > "$file"
  local tokens=()
  for r in $(seq 0 $((readers - 1))); do
    local email="load-$run-$r@example.com" password="load password $r"
    curl -fsS -H 'Content-Type: application/json' \
      -d "{\"email\":\"$email\",\"password\":\"$password\",\"displayName\":\"Load $r\"}" \
      "$base/auth/signup" > /dev/null
    tokens[$r]=$(curl -fsS -H 'Content-Type: application/json' -d "{\"email\":\"$email\",\"password\":\"$password\"}" \
      "$base/auth/login" | json_field token)
    echo "R $r ${tokens[$r]}" >> "$file"
  done
  for r in $(seq 0 $((readers - 1))); do
    for b in $(seq 1 "$books"); do
      echo "B $r $(add_book "$base" "${tokens[$r]}" "Seed $r-$b")" >> "$file"
    done
  done
  for t in $(seq 0 $((threads - 1))); do
    for b in $(seq 1 "$pool"); do
      local r=$(((t + b) % readers))
      echo "P $t $r $(add_book "$base" "${tokens[$r]}" "Patch $t-$b")" >> "$file"
    done
  done
}

add_book() {
  curl -fsS -H 'Content-Type: application/json' -H "Authorization: Bearer $2" \
    -d "{\"title\":\"$3\",\"author\":\"Seeder\",\"status\":\"WANT_TO_READ\"}" "$1/books" | json_field id
}

# refresh_versions SEED OUT: the current version of every patch-pool book, in the form mix.lua
# reads from LOAD_VERSIONS (the warm-up's last patches may have been applied after wrk stopped reading).
refresh_versions() {
  local base="http://127.0.0.1:$PORT" kind a b c version
  declare -A token
  while read -r kind a b c; do
    case $kind in
      R) token[$a]=$b ;;
      P) version=$(curl -fsS -H "Authorization: Bearer ${token[$b]}" "$base/books/$c" \
           | sed -n 's/.*"version":\([0-9]*\).*/\1/p')
         echo "$b $c $version" ;;
    esac
  done < "$1" > "$2"
}
